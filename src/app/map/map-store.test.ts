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
    let titles: string[] = [];
    const unwatch = watchMaps(board, ({ maps }) => {
      calls += 1;
      titles = maps.map((m) => m.spec.title);
    });
    const settled = async (atLeast: number) => {
      await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(atLeast));
      const seen = calls;
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toBe(seen);
      return seen;
    };
    let seen = await settled(1);
    expect(seen).toBe(1);
    expect(titles).toEqual([]);

    const created = await createMap(board, make());
    if (created.status !== 'done') throw new Error(created.status);
    seen = await settled(seen + 1);

    // Another participant renames it: the record changes, the index does not.
    const renamed = { ...created.record, spec: { ...created.record.spec, title: 'Renamed' } };
    await saveMap(board, renamed);
    seen = await settled(seen + 1);
    expect(titles).toEqual(['Renamed']);

    const removed = await removeMap(board, created.record.spec.id);
    expect(removed.status).toBe('done');
    seen = await settled(seen + 1);
    expect(titles).toEqual([]);

    // A record written under a key the index no longer lists is not followed any more.
    await board.shared(MAP_COLLECTION).set(mapKey(created.record.spec.id), renamed);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(seen);

    unwatch();
    await createMap(board, make());
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(seen);
  });

  it('delivers the maps once, after the index and every record are read, with one read per key', async () => {
    const { board, local } = createPlaygroundBoard();
    const make = (id: string) =>
      createSpecFromPreset(
        findPreset('classic')!,
        (() => {
          let n = 0;
          return () => `${id}-${n++}`;
        })(),
      );
    for (const id of ['a', 'b']) {
      const created = await createMap(board, make(id));
      if (created.status !== 'done') throw new Error(created.status);
    }
    local.resetStats();
    const deliveries: string[][] = [];
    const unwatch = watchMaps(board, ({ maps }) => deliveries.push(maps.map((m) => m.spec.id)));
    await vi.waitFor(() => expect(deliveries).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    // Not once per key as each first value arrives: once, complete.
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toHaveLength(2);
    const { callsByMethod } = local.stats();
    // The index and the two records: each read once and followed.
    expect(callsByMethod['storage.get']).toBe(3);
    expect(callsByMethod['storage.onValue']).toBe(3);
    unwatch();
  });
});
