import { describe, expect, it } from 'vitest';
import type { MapGeometry } from '../journey/layout';
import { formatMean, layoutEmotionCurve, type CurveLineInput } from './curve-layout';
import type { StageEmotion } from './emotion';

const geometry: MapGeometry = {
  frame: { x: 0, y: 0, w: 2000, h: 1000 },
  columns: [
    { stageId: 's1', x: 400, w: 700 },
    { stageId: 's2', x: 1120, w: 700 },
    { stageId: 's3', x: 1840, w: 700 },
  ],
  rows: [{ laneId: 'emo', y: 300, h: 500 }],
};
const stage = (stageId: string, mean: number | null): StageEmotion => ({
  stageId,
  count: mean === null ? 0 : 1,
  mean,
  spread: mean === null ? null : 0,
  histogram: [0, 0, 0, 0, 0],
});
const line = (over: Partial<CurveLineInput>): CurveLineInput => ({
  personaId: 'p1',
  personaIndex: 0,
  line: 'as-is',
  color: '#1a73e8',
  stages: [stage('s1', 2), stage('s2', null), stage('s3', -2)],
  ...over,
});

describe('layoutEmotionCurve', () => {
  it('puts very positive at the top of the row and very negative at the bottom, inside it', () => {
    const layout = layoutEmotionCurve(geometry, 'emo', [line({})]);
    const [high, low] = layout?.points ?? [];
    expect(high?.rect).toEqual({ x: 722, y: 340, w: 56, h: 56 });
    expect(low?.rect.y).toBe(300 + 500 - 40 - 56);
    expect(high?.text).toBe('😄 +2.0');
    expect(low?.text).toBe('😫 −2.0');
  });

  it('skips unrated stages and joins the rated neighbours', () => {
    const layout = layoutEmotionCurve(geometry, 'emo', [line({})]);
    expect(layout?.points.map((p) => p.stageId)).toEqual(['s1', 's3']);
    expect(layout?.segments).toHaveLength(1);
    expect(layout?.segments[0]).toMatchObject({
      fromKey: 'curve:p1:as-is:s1',
      toKey: 'curve:p1:as-is:s3',
      dashed: false,
    });
  });

  it('keys every item by persona, line and stage, and sets personas side by side', () => {
    const layout = layoutEmotionCurve(geometry, 'emo', [
      line({}),
      line({ personaId: 'p2', personaIndex: 1, line: 'to-be', stages: [stage('s1', 2)] }),
    ]);
    const keys = layout?.points.map((p) => p.key) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    const [a, , b] = layout?.points ?? [];
    const centre = (p: typeof a) => (p ? p.rect.x + p.rect.w / 2 : NaN);
    expect(centre(b) - centre(a)).toBe(20);
    expect(b?.hollow).toBe(true);
  });

  it('returns null for a map without that row', () => {
    expect(layoutEmotionCurve(geometry, 'nope', [line({})])).toBeNull();
  });
});

describe('formatMean', () => {
  it('writes one decimal with a sign', () => {
    expect(formatMean(0.04)).toBe('0');
    expect(formatMean(0.76)).toBe('+0.8');
    expect(formatMean(-1.25)).toBe('−1.3');
  });
});
