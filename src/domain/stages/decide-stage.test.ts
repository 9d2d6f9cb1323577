import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardItem, Rect } from '../board/board-item';
import { stageTagTitle, type MapSpec } from '../journey/map-spec';
import { createStageContext, decideStage } from './decide-stage';
import { createGridPlacedMap } from './testing/grid-placed-map';

const spec: MapSpec = {
  id: 'm1',
  title: 'Journey',
  presetId: 'classic',
  persona: null,
  stages: [
    { id: 's-aw', name: 'Awareness' },
    { id: 's-co', name: 'Consideration' },
    { id: 's-pu', name: 'Purchase' },
  ],
  lanes: [
    { id: 'l-ac', name: 'Actions', kind: 'actions' },
    { id: 'l-pa', name: 'Pain points', kind: 'pain_points' },
  ],
};
// Frame at (1000, 500); cells 400 × 300 start at (1240, 620).
const geometry = createGridPlacedMap(spec, { origin: { x: 1000, y: 500 } });
const ctx = createStageContext(geometry);

/** A 100 × 100 note centred on (cx, cy). */
const note = (cx: number, cy: number, tags: string[] = []): BoardItem => ({
  id: 'n',
  kind: 'note',
  text: 'hello',
  rect: { x: cx - 50, y: cy - 50, w: 100, h: 100 },
  color: 'yellow',
  tags,
  parentId: null,
  meta: null,
});
const cellCentre = (si: number, li: number) => ({
  x: 1240 + si * 400 + 200,
  y: 620 + li * 300 + 150,
});

describe('decideStage', () => {
  it('takes stage and lane from the cell when the note has no stage tag', () => {
    const c = cellCentre(1, 1);
    expect(decideStage(note(c.x, c.y), ctx)).toEqual({
      stageId: 's-co',
      laneId: 'l-pa',
      stageSource: 'position',
      laneSource: 'position',
    });
  });

  it('lets the tag beat the position and reports the disagreement', () => {
    const c = cellCentre(0, 0);
    expect(decideStage(note(c.x, c.y, [stageTagTitle('Purchase')]), ctx)).toEqual({
      stageId: 's-pu',
      laneId: 'l-ac',
      stageSource: 'tag',
      laneSource: 'position',
      conflict: 'tag-disagrees-with-position',
    });
  });

  it('reports no conflict when tag and cell agree', () => {
    const c = cellCentre(2, 0);
    const d = decideStage(note(c.x, c.y, [stageTagTitle('Purchase'), 'Urgent']), ctx);
    expect(d).toEqual({
      stageId: 's-pu',
      laneId: 'l-ac',
      stageSource: 'tag',
      laneSource: 'position',
    });
  });

  it('matches stage tags case-insensitively and treats case variants as one stage', () => {
    const d = decideStage(
      note(0, 0, ['stage · AWARENESS', 'Stage · awareness', 'STAGE ·  Awareness ']),
      ctx,
    );
    expect(d).toEqual({ stageId: 's-aw', laneId: null, stageSource: 'tag', laneSource: 'none' });
  });

  it('flags two different stage tags, preferring the one that matches the cell', () => {
    const c = cellCentre(1, 0);
    const tags = [stageTagTitle('Awareness'), stageTagTitle('Consideration')];
    expect(decideStage(note(c.x, c.y, tags), ctx)).toMatchObject({
      stageId: 's-co',
      stageSource: 'tag',
      conflict: 'multiple-stage-tags',
    });
  });

  it('with two stage tags outside the cells, picks the first in map order whatever the tag order', () => {
    const a = decideStage(
      note(0, 0, [stageTagTitle('Purchase'), stageTagTitle('Consideration')]),
      ctx,
    );
    const b = decideStage(
      note(0, 0, [stageTagTitle('Consideration'), stageTagTitle('Purchase')]),
      ctx,
    );
    expect(a).toEqual(b);
    expect(a).toMatchObject({ stageId: 's-co', conflict: 'multiple-stage-tags' });
  });

  it('gives none outside the map and ignores tags of stages this map does not have', () => {
    expect(decideStage(note(-5000, -5000, ['Stage · Renewal', 'Stage ·']), ctx)).toEqual({
      stageId: null,
      laneId: null,
      stageSource: 'none',
      laneSource: 'none',
    });
  });

  it('gives none for a note in the frame header, above the cells', () => {
    expect(decideStage(note(1500, 560), ctx)).toMatchObject({
      stageSource: 'none',
      laneSource: 'none',
    });
  });

  it('uses the centre: a note overlapping two cells belongs to the one its centre is in', () => {
    // Centre 10 px right of the boundary between stage 0 and stage 1.
    const d = decideStage(note(1240 + 400 + 10, 700), ctx);
    expect(d.stageId).toBe('s-co');
  });

  it('ignores cells naming stages the spec does not have', () => {
    const stale = createStageContext({
      ...geometry,
      cells: [{ stageId: 'gone', laneId: 'l-ac', rect: { x: 0, y: 0, w: 100, h: 100 } }],
    });
    expect(decideStage(note(50, 50), stale).stageSource).toBe('none');
  });

  it('never throws on odd geometry and odd rects', () => {
    const odd = createStageContext({
      spec,
      frameRect: { x: NaN, y: 0, w: Infinity, h: -1 },
      cells: [
        { stageId: 's-aw', laneId: 'l-ac', rect: { x: 0, y: 0, w: 0, h: 0 } },
        { stageId: 's-aw', laneId: 'l-ac', rect: { x: -1e12, y: -1e12, w: 2e12, h: 2e12 } },
      ],
    });
    const rect: Rect = { x: NaN, y: 1, w: 1, h: 1 };
    expect(decideStage({ rect, tags: [] }, odd).stageSource).toBe('none');
    expect(decideStage(note(5, 5), odd).stageId).toBe('s-aw');
  });

  it('agrees with a plain scan of the cells for any point (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 900, max: 2600, noNaN: true }),
        fc.double({ min: 400, max: 1300, noNaN: true }),
        (x, y) => {
          const expected = geometry.cells.find(
            (c) =>
              x >= c.rect.x && x < c.rect.x + c.rect.w && y >= c.rect.y && y < c.rect.y + c.rect.h,
          );
          const d = decideStage({ rect: { x, y, w: 0, h: 0 }, tags: [] }, ctx);
          expect(d.stageId).toBe(expected?.stageId ?? null);
          expect(d.laneId).toBe(expected?.laneId ?? null);
        },
      ),
    );
  });
});
