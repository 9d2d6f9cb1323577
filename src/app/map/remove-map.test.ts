import { describe, expect, it } from 'vitest';
import { createPlaygroundBoard, FACILITATOR } from '../../../test/fakes/playground-board';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createMap } from './create-map';
import { loadMaps, MAP_COLLECTION, MAP_INDEX_KEY } from './map-store';
import { removeMap } from './remove-map';

async function setup() {
  const { local, board } = createPlaygroundBoard();
  let n = 0;
  const spec = createSpecFromPreset(findPreset('experience-diagram')!, () => `k${n++}`);
  const outcome = await createMap(board, spec);
  if (outcome.status !== 'done') throw new Error(outcome.status);
  return { local, board, spec, record: outcome.record };
}

describe('removeMap', () => {
  it('removes every item Touchpoint made and the record; other items and the stage tags stay', async () => {
    const { local, board, spec } = await setup();
    local.human.addNote({ x: 100_000, y: 100_000, content: 'Elsewhere', by: FACILITATOR.id });
    const outcome = await removeMap(board, spec.id);
    expect(outcome).toEqual({ status: 'done', keptFrame: null });
    const items = await board.listItems();
    expect(items.map((i) => i.text)).toEqual(['Elsewhere']);
    expect((await board.listTags()).filter((t) => t.title.startsWith('Stage · '))).toHaveLength(5);
    expect(await loadMaps(board)).toEqual({ maps: [], problems: [] });
    expect(await board.shared(MAP_COLLECTION).get(MAP_INDEX_KEY)).toEqual([]);
  });

  it('keeps the frame when participants put notes in it, so their notes are not deleted with it', async () => {
    const { local, board, spec, record } = await setup();
    const col = record.geometry.columns[0]!;
    const row = record.geometry.rows[0]!;
    const note = local.human.addNote({
      x: col.x + 100,
      y: row.y + 100,
      content: 'Signed up',
      by: FACILITATOR.id,
    });
    const outcome = await removeMap(board, spec.id);
    expect(outcome).toEqual({ status: 'done', keptFrame: { id: record.itemIds.frame, items: 1 } });
    const items = await board.listItems();
    expect(items.map((i) => i.id).sort()).toEqual([record.itemIds.frame, note.id].sort());
  });

  it('says so when the map is not there', async () => {
    const { board } = await setup();
    expect(await removeMap(board, 'missing')).toMatchObject({ status: 'not-found' });
  });
});
