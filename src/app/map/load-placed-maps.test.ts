import { describe, expect, it } from 'vitest';
import { createPlaygroundBoard, FACILITATOR } from '../../../test/fakes/playground-board';
import { FRAME_KEY } from '../../domain/journey/layout';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createStageContext, decideStage } from '../../domain/stages/decide-stage';
import { createMap } from './create-map';
import { loadPlacedMaps, toPlacedMap } from './load-placed-maps';

describe('loadPlacedMaps', () => {
  it('gives one cell per stage × lane, shifted with a frame that was moved', async () => {
    const { local, board } = createPlaygroundBoard();
    let n = 0;
    const spec = createSpecFromPreset(findPreset('blank')!, () => `k${n++}`);
    const outcome = await createMap(board, spec);
    if (outcome.status !== 'done') throw new Error(outcome.status);
    const record = outcome.record;
    const still = toPlacedMap(record);
    expect(still.cells).toHaveLength(9);
    expect(still.frameRect).toEqual(record.geometry.frame);

    const f = record.geometry.frame;
    local.human.move(record.itemIds[FRAME_KEY]!, f.x + f.w / 2 + 500, f.y + f.h / 2 + 250);
    const [moved] = await loadPlacedMaps(board);
    expect(moved!.frameRect).toMatchObject({ x: f.x + 500, y: f.y + 250, w: f.w, h: f.h });
    expect(moved!.cells[0]!.rect.x).toBe(still.cells[0]!.rect.x + 500);
    expect(moved!.cells[0]!.rect.y).toBe(still.cells[0]!.rect.y + 250);

    // A note dropped in the second stage's first cell after the move is read there.
    const cell = moved!.cells.find(
      (c) => c.stageId === spec.stages[1]!.id && c.laneId === spec.lanes[0]!.id,
    )!;
    const note = local.human.addNote({
      x: cell.rect.x + 150,
      y: cell.rect.y + 150,
      by: FACILITATOR.id,
    });
    const item = (await board.listItems(['note'])).find((i) => i.id === note.id)!;
    expect(decideStage(item, createStageContext(moved!))).toMatchObject({
      stageId: spec.stages[1]!.id,
      stageSource: 'position',
    });
  });
});
