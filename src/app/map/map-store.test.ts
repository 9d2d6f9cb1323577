import { describe, expect, it, vi } from 'vitest';
import { createPlaygroundBoard } from '../../../test/fakes/playground-board';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createMap } from './create-map';
import { MAP_COLLECTION, mapKey, saveMap, watchMaps } from './map-store';
import { removeMap } from './remove-map';

describe('watchMaps', () => {
  it('calls back when a map is added, edited or removed, and stops following a removed map', async () => {
    const { board } = createPlaygroundBoard();
    let n = 0;
    const make = () => createSpecFromPreset(findPreset('classic')!, () => `k${n++}`);
    let calls = 0;
    const unwatch = watchMaps(board, () => {
      calls += 1;
    });
    const settled = async (atLeast: number) => {
      await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(atLeast));
      const seen = calls;
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toBe(seen);
      return seen;
    };
    let seen = await settled(1);

    const created = await createMap(board, make());
    if (created.status !== 'done') throw new Error(created.status);
    seen = await settled(seen + 1);

    // Another participant renames it: the record changes, the index does not.
    const renamed = { ...created.record, spec: { ...created.record.spec, title: 'Renamed' } };
    await saveMap(board, renamed);
    seen = await settled(seen + 1);

    const removed = await removeMap(board, created.record.spec.id);
    expect(removed.status).toBe('done');
    seen = await settled(seen + 1);

    // A record written under a key the index no longer lists is not followed any more.
    await board.shared(MAP_COLLECTION).set(mapKey(created.record.spec.id), renamed);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(seen);

    unwatch();
    await createMap(board, make());
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(seen);
  });
});
