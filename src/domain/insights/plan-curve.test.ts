import { describe, expect, it } from 'vitest';
import { lineBetween, type BoardItem, type Rect } from '../board/board-item';
import type { CurvePoint, CurveSegment } from './curve-layout';
import type { CurveRecord } from './curve-record';
import { STRAY_PREFIX } from '../journey/adopt-map-items';
import { lineLook, planCurve, pointLook, type CurveState } from './plan-curve';

const FRAME = 'frame-1';

const point = (stage: string, x: number, text = '🙂 1.0'): CurvePoint => ({
  key: `curve:p:as-is:${stage}`,
  personaId: 'p',
  line: 'as-is',
  stageId: stage,
  rect: { x, y: 100, w: 40, h: 40 },
  text,
  color: '#1a73e8',
  hollow: false,
});

const segment = (a: CurvePoint, b: CurvePoint): CurveSegment => ({
  key: `curve-seg:p:as-is:${a.stageId}`,
  personaId: 'p',
  line: 'as-is',
  from: { x: a.rect.x + 20, y: 120 },
  to: { x: b.rect.x + 20, y: 120 },
  fromKey: a.key,
  toKey: b.key,
  color: '#1a73e8',
  dashed: false,
});

const shape = (
  id: string,
  rect: Rect,
  text: string,
  parentId: string | null = FRAME,
): BoardItem => ({
  id,
  kind: 'shape',
  text,
  rect,
  color: null,
  tags: [],
  parentId,
  meta: null,
});

const line = (id: string, from: string, to: string, at?: BoardItem['ends']): BoardItem => ({
  id,
  kind: 'other',
  platformType: 'connector',
  text: '',
  rect: { x: 0, y: 0, w: 0, h: 0 },
  color: null,
  tags: [],
  parentId: null,
  meta: null,
  ends: at ?? { from, to },
});

const a = point('s1', 0);
const b = point('s2', 200);
const ab = segment(a, b);

/** The record of a curve drawn with `a`, `b` and their line as items pa, pb and lab. */
const drawn: CurveRecord = {
  version: 1,
  mapId: 'm',
  points: {
    [a.key]: { id: 'pa', look: pointLook(a) },
    [b.key]: { id: 'pb', look: pointLook(b) },
  },
  lines: { [ab.key]: { id: 'lab', from: a.key, to: b.key, look: lineLook(ab) } },
  basis: 'x',
  incomplete: false,
  drawnAt: '2026-12-01T00:00:00.000Z',
};
const drawnItems = [
  shape('pa', a.rect, a.text),
  shape('pb', b.rect, b.text),
  line('lab', 'pa', 'pb'),
];

const state = (over: Partial<CurveState>): CurveState => ({
  points: [a, b],
  segments: [ab],
  items: [],
  frameId: FRAME,
  mapItemIds: [],
  drawn: null,
  ...over,
});

describe('planCurve', () => {
  it('draws every point in the frame and joins them, on an empty board', () => {
    const plan = planCurve(state({}));
    expect(plan.pointCreates.map((p) => p.key)).toEqual([a.key, b.key]);
    expect(plan.lineCreates).toEqual([{ segment: ab, from: { ref: a.key }, to: { ref: b.key } }]);
    expect(plan.counts).toEqual({ added: 2, moved: 0, removed: 0, unchanged: 0, linesDrawn: 1 });
    expect(plan.removeIds).toEqual([]);
  });

  it('changes nothing when the recorded curve is on the board as laid out', () => {
    const plan = planCurve(state({ items: drawnItems, drawn }));
    expect(plan).toMatchObject({ removeIds: [], updates: [], pointCreates: [], lineCreates: [] });
    expect(plan.counts.unchanged).toBe(2);
    expect(Object.keys(plan.keepPoints)).toEqual([a.key, b.key]);
    expect(plan.keepLines[ab.key]?.id).toBe('lab');
  });

  it('moves a point whose mean moved, in place, and keeps its line', () => {
    const b2 = { ...point('s2', 200, '😐 0.0'), rect: { x: 200, y: 140, w: 40, h: 40 } };
    const plan = planCurve(
      state({ points: [a, b2], segments: [segment(a, b2)], items: drawnItems, drawn }),
    );
    expect(plan.updates).toEqual([{ id: 'pb', at: { x: 200, y: 140 }, text: '😐 0.0' }]);
    expect(plan.counts).toMatchObject({ moved: 1, unchanged: 1, added: 0 });
    expect(plan.lineCreates).toEqual([]);
  });

  it('adopts what an interrupted run made but never recorded, and removes an extra copy', () => {
    const items = [
      shape('made-a', a.rect, a.text),
      shape('made-b', b.rect, b.text),
      shape('copy-b', b.rect, b.text),
      line('made-ab', 'made-a', 'made-b'),
    ];
    const plan = planCurve(state({ items }));
    expect(plan.keepPoints[a.key]?.id).toBe('made-a');
    expect(plan.keepPoints[b.key]?.id).toBe('made-b');
    expect(plan.keepLines[ab.key]?.id).toBe('made-ab');
    expect(plan.pointCreates).toEqual([]);
    expect(plan.lineCreates).toEqual([]);
    expect(plan.removals).toEqual([{ key: `${STRAY_PREFIX}copy-b`, id: 'copy-b', kind: 'point' }]);
    expect(plan.removeIds).toEqual(['copy-b']);
    expect(plan.counts.removed).toBe(0);
  });

  it('never takes one of the map’s own items for a point', () => {
    const plan = planCurve(state({ items: [shape('cell', a.rect, a.text)], mapItemIds: ['cell'] }));
    expect(plan.keepPoints[a.key]).toBeUndefined();
    expect(plan.pointCreates.map((p) => p.key)).toContain(a.key);
    expect(plan.removeIds).toEqual([]);
  });

  it('removes the point of a stage no longer rated; its line goes with it, with no call of its own', () => {
    const plan = planCurve(state({ points: [a], segments: [], items: drawnItems, drawn }));
    expect(plan.removals.map((r) => r.id).sort()).toEqual(['lab', 'pb']);
    expect(plan.removeIds).toEqual(['pb']);
    expect(plan.counts.removed).toBe(1);
  });

  it('makes a point outside the map’s frame again inside it, and its line with it', () => {
    const items = [
      shape('pa', a.rect, a.text),
      shape('pb', b.rect, b.text, null),
      line('lab', 'pa', 'pb'),
    ];
    const plan = planCurve(state({ items, drawn }));
    expect(plan.removeIds).toEqual(['pb']);
    expect(plan.pointCreates.map((p) => p.key)).toEqual([b.key]);
    expect(plan.lineCreates).toEqual([{ segment: ab, from: { id: 'pa' }, to: { ref: b.key } }]);
  });

  it('draws again a line drawn by coordinates that no longer runs between its points', () => {
    const there = lineBetween(a.rect, b.rect);
    const stale = { from: { x: there.from.x, y: there.from.y + 30 }, to: there.to };
    const atPlace = [shape('pa', a.rect, a.text), shape('pb', b.rect, b.text)];
    const kept = planCurve(
      state({
        items: [...atPlace, line('lab', 'pa', 'pb', { from: 'pa', to: 'pb', at: there })],
        drawn,
      }),
    );
    expect(kept.keepLines[ab.key]?.id).toBe('lab');
    const redrawn = planCurve(
      state({
        items: [...atPlace, line('lab', 'pa', 'pb', { from: 'pa', to: 'pb', at: stale })],
        drawn,
      }),
    );
    expect(redrawn.removeIds).toEqual(['lab']);
    expect(redrawn.lineCreates).toEqual([{ segment: ab, from: { id: 'pa' }, to: { id: 'pb' } }]);
  });
});
