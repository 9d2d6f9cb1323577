import { describe, expect, it } from 'vitest';
import { removeLane, removeStage } from './edit-spec';
import { layoutMap } from './layout';
import { notesByCell } from './plan-map-notes';
import { removalsToConfirm } from './plan-map-removals';
import { sampleSpec } from './testing/sample-spec';

const spec = sampleSpec;
const layout = layoutMap(spec, { x: 0, y: 0 });
const at = (stage: number, lane: number, id: string) => ({
  id,
  rect: {
    x: layout.geometry.columns[stage]!.x + 10,
    y: layout.geometry.rows[lane]!.y + 10,
    w: 200,
    h: 200,
  },
});
// Two notes in stage b (one in lane x, one in lane y), one in a·y, one off the grid.
const placed = notesByCell(layout, [
  at(1, 0, 'n1'),
  at(1, 1, 'n2'),
  at(0, 1, 'n3'),
  { id: 'off', rect: { x: -900, y: 0, w: 200, h: 200 } },
]);
const without = removeLane(removeStage(spec, 'b'), 'y');

describe('removalsToConfirm', () => {
  it('asks for each removed stage, then lane, that holds notes, with their count', () => {
    expect(removalsToConfirm(spec, without, placed)).toEqual([
      { kind: 'stage', stageId: 'b', name: 'Purchase', notes: 2 },
      { kind: 'lane', laneId: 'y', name: 'Feeling', notes: 2 },
    ]);
  });

  it('does not ask again for what was confirmed, nor for a removal with no notes', () => {
    expect(removalsToConfirm(spec, without, placed, ['b'])).toEqual([
      { kind: 'lane', laneId: 'y', name: 'Feeling', notes: 2 },
    ]);
    expect(
      removalsToConfirm(spec, removeStage(spec, 'b'), notesByCell(layout, [at(0, 0, 'n')])),
    ).toEqual([]);
    expect(removalsToConfirm(spec, spec, placed)).toEqual([]);
  });
});
