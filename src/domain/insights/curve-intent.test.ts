import { describe, expect, it } from 'vitest';
import { STRAY_PREFIX } from '../journey/adopt-map-items';
import type { CurvePoint, CurveSegment } from './curve-layout';
import { curveIntent, curveLooks, recordCreated, settledCurve } from './curve-intent';
import type { CurveRecord } from './curve-record';
import { lineLook, pointLook, type CurvePlan } from './plan-curve';

const point = (stage: string, hollow = false): CurvePoint => ({
  key: `curve:p:as-is:${stage}`,
  personaId: 'p',
  line: 'as-is',
  stageId: stage,
  rect: { x: 0, y: 100, w: 40, h: 40 },
  text: '🙂 1.0',
  color: '#1a73e8',
  hollow,
});

const segment = (a: CurvePoint, b: CurvePoint): CurveSegment => ({
  key: `curve-seg:p:as-is:${a.stageId}`,
  personaId: 'p',
  line: 'as-is',
  from: { x: 20, y: 120 },
  to: { x: 220, y: 120 },
  fromKey: a.key,
  toKey: b.key,
  color: '#1a73e8',
  dashed: true,
});

const s1 = point('s1');
const s2 = point('s2', true);
const s1s2 = segment(s1, s2);
const plan: Pick<
  CurvePlan,
  'keepPoints' | 'keepLines' | 'removals' | 'pointCreates' | 'lineCreates'
> = {
  keepPoints: { [s1.key]: { id: 'kept-1', look: pointLook(s1) } },
  keepLines: {},
  removals: [
    { key: 'curve:p:as-is:s9', id: 'old-point', kind: 'point' },
    { key: 'curve-seg:p:as-is:s8', id: 'old-line', kind: 'line' },
  ],
  pointCreates: [s2],
  lineCreates: [{ segment: s1s2, from: { id: 'kept-1' }, to: { ref: s2.key } }],
};
const looks = curveLooks([s1, s2], plan.lineCreates);
const stray = (id: string) => `${STRAY_PREFIX}${id}`;

describe('curveLooks', () => {
  it('names what each create makes: every point with its look, each new line with its ends', () => {
    expect([...looks]).toEqual([
      [s1.key, { kind: 'point', look: pointLook(s1) }],
      [s2.key, { kind: 'point', look: pointLook(s2) }],
      [s1s2.key, { kind: 'line', from: s1.key, to: s2.key, look: lineLook(s1s2) }],
    ]);
  });
});

describe('curveIntent', () => {
  it('keeps what stays and holds everything to go as a stray, by kind, until it surely went', () => {
    expect(curveIntent('m1', plan, 'basis-1', '2026-05-01T00:00:00.000Z')).toEqual({
      version: 1,
      mapId: 'm1',
      points: {
        [s1.key]: { id: 'kept-1', look: pointLook(s1) },
        [stray('old-point')]: { id: 'old-point', look: '' },
      },
      lines: { [stray('old-line')]: { id: 'old-line', from: '', to: '', look: '' } },
      basis: 'basis-1',
      incomplete: true,
      drawnAt: '2026-05-01T00:00:00.000Z',
    });
  });
});

describe('settledCurve', () => {
  const intent = curveIntent('m1', plan, 'basis-1', 'before');

  it('records what the creates made and drops the strays that surely went', () => {
    const settled = settledCurve(
      intent,
      plan,
      looks,
      { stillThere: [], made: { [s2.key]: 'made-2', [s1s2.key]: 'made-line' }, incomplete: false },
      'after',
    );
    expect(settled).toEqual({
      ...intent,
      points: {
        [s1.key]: { id: 'kept-1', look: pointLook(s1) },
        [s2.key]: { id: 'made-2', look: pointLook(s2) },
      },
      lines: {
        [s1s2.key]: { id: 'made-line', from: s1.key, to: s2.key, look: lineLook(s1s2) },
      },
      incomplete: false,
      drawnAt: 'after',
    });
    expect(intent.points[s2.key]).toBeUndefined();
  });

  it('keeps a remove that did not surely happen as a stray of its kind; a create with no id is not recorded', () => {
    const settled = settledCurve(
      intent,
      plan,
      looks,
      {
        stillThere: [
          { id: 'old-line', kind: 'line' },
          { id: 'old-point', kind: 'point' },
        ],
        made: { [s2.key]: 'made-2' },
        incomplete: true,
      },
      'after',
    );
    expect(Object.keys(settled.points)).toEqual([s1.key, stray('old-point'), s2.key]);
    expect(Object.keys(settled.lines)).toEqual([stray('old-line')]);
    expect(settled.incomplete).toBe(true);
  });
});

describe('recordCreated', () => {
  it('puts a point under points and a line under lines', () => {
    const record: CurveRecord = { ...curveIntent('m1', plan, 'b', 'now'), points: {}, lines: {} };
    recordCreated(record, 'a', 'id-a', { kind: 'point', look: 'x' });
    recordCreated(record, 'b', 'id-b', { kind: 'line', from: 'a', to: 'c', look: 'y' });
    expect(record.points).toEqual({ a: { id: 'id-a', look: 'x' } });
    expect(record.lines).toEqual({ b: { id: 'id-b', from: 'a', to: 'c', look: 'y' } });
  });
});
