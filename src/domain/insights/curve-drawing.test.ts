import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../board/board-item';
import type { MapRecord } from '../journey/map-record';
import { laidOutRecord } from '../journey/testing/laid-out-record';
import { planCurveDrawing, type CurveInputs } from './curve-drawing';
import { curveIntent, settledCurve } from './curve-intent';
import type { EmotionRating, EmotionValue } from './emotion';
import { DEFAULT_PERSONA } from './personas';

const record = laidOutRecord('m1', 'classic');
const [first, second] = record.spec.stages;

const frameOf = (r: MapRecord, dx = 0): BoardItem => ({
  id: 'm1-frame',
  kind: 'frame',
  text: r.spec.title,
  rect: { ...r.geometry.frame, x: r.geometry.frame.x + dx },
  color: null,
  tags: [],
  parentId: null,
  meta: null,
});

const rating = (stageId: string, value: EmotionValue, raterKey = 'u1/d1'): EmotionRating => ({
  mapId: record.spec.id,
  stageId,
  personaId: DEFAULT_PERSONA.id,
  line: 'as-is',
  value,
  raterKey,
  department: null,
  updatedAt: '2026-05-01T00:00:00.000Z',
});

const inputs = (over: Partial<CurveInputs> = {}): CurveInputs => ({
  record,
  items: [frameOf(record)],
  personas: [],
  ratings: [rating(first!.id, 2), rating(second!.id, -1)],
  drawn: null,
  connectors: true,
  ...over,
});

/** The drawing, or the test fails with why it was refused. */
function drawing(over: Partial<CurveInputs> = {}) {
  const planned = planCurveDrawing(inputs(over));
  if (!planned.ok) throw new Error(planned.message);
  return planned;
}

describe('planCurveDrawing', () => {
  it('refuses a map without an Emotions lane, without its frame, or with nothing rated or drawn', () => {
    const noLane = laidOutRecord('m1', 'blank');
    expect(planCurveDrawing(inputs({ record: noLane, items: [frameOf(noLane)] }))).toEqual({
      ok: false,
      message: 'This map has no Emotions lane for the curve: add one (Insights tab), then draw it.',
    });
    expect(planCurveDrawing(inputs({ items: [] }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('frame is not on the board'),
    });
    expect(planCurveDrawing(inputs({ ratings: [] }))).toMatchObject({
      ok: false,
      message: 'Nobody has rated a stage yet: there is no curve to draw.',
    });
  });

  it('plans every point and the line between them, children of the frame where it is now', () => {
    const planned = drawing({ items: [frameOf(record, 300)] });
    expect(planned.frameId).toBe('m1-frame');
    expect(planned.plan.pointCreates).toHaveLength(2);
    expect(planned.plan.lineCreates).toHaveLength(1);
    const still = drawing();
    const at = (d: typeof planned) => d.plan.pointCreates.map((p) => [p.rect.x, p.rect.y]);
    expect(at(planned)).toEqual(at(still).map(([x, y]) => [x! + 300, y]));
    expect([...planned.looks.keys()]).toEqual([
      ...planned.plan.pointCreates.map((p) => p.key),
      planned.plan.lineCreates[0]!.segment.key,
    ]);
    expect(planned.summary).toEqual({
      points: 2,
      lines: 1,
      added: 2,
      moved: 0,
      removed: 0,
      unchanged: 0,
      linesDrawn: 1,
      linesSkipped: false,
    });
    expect(planned.upToDate).toBe(false);
  });

  it('draws points only where the board draws no lines, and says the lines were skipped', () => {
    const planned = drawing({ connectors: false });
    expect(planned.plan.lineCreates).toEqual([]);
    expect(planned.summary).toMatchObject({ points: 2, lines: 0, linesSkipped: true });
  });

  it('is up to date once the record says the board shows this very curve', () => {
    const planned = drawing();
    const made = Object.fromEntries([...planned.looks.keys()].map((ref, i) => [ref, `id-${i}`]));
    const drawn = settledCurve(
      curveIntent(record.spec.id, planned.plan, planned.basis, 'then'),
      planned.plan,
      planned.looks,
      { stillThere: [], made, incomplete: false },
      'then',
    );
    const items: BoardItem[] = [
      frameOf(record),
      ...planned.plan.pointCreates.map((p, i): BoardItem => ({
        ...frameOf(record),
        id: `id-${i}`,
        kind: 'shape',
        text: p.text,
        rect: p.rect,
        parentId: 'm1-frame',
      })),
      {
        ...frameOf(record),
        id: 'id-2',
        kind: 'other',
        text: '',
        ends: { from: 'id-0', to: 'id-1' },
      },
    ];
    expect(drawing({ drawn, items }).upToDate).toBe(true);
    expect(drawing({ drawn: { ...drawn, incomplete: true }, items }).upToDate).toBe(false);
    const rerated = [rating(first!.id, 2), rating(second!.id, -1), rating(first!.id, 1, 'u2/d2')];
    expect(drawing({ drawn, items, ratings: rerated }).upToDate).toBe(false);
    // Nobody rates any more, but a curve is drawn: drawing again takes it off.
    expect(drawing({ drawn, items, ratings: [] }).plan.removeIds.length).toBeGreaterThan(0);
  });
});
