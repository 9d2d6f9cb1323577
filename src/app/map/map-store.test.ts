import { describe, expect, it, vi } from 'vitest';
import type { Board } from '../../board/port';
import { createPlaygroundBoard } from '../../../test/fakes/playground-board';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createMap } from './create-map';
import {
  MAP_COLLECTION,
  MAP_INDEX_KEY,
  mapKey,
  saveMap,
  watchMaps,
  type LoadedMaps,
} from './map-store';
import { removeMap } from './remove-map';

/** `board`, where a watch of a key `refuse` picks reports `error` instead of reading it. */
function refusingWatches(board: Board, refuse: (key: string) => boolean, error: Error): Board {
  return {
    ...board,
    shared: (name) => {
      const collection = board.shared(name);
      return {
        ...collection,
        watch: (key, fn, onError) => {
          if (!refuse(key)) return collection.watch(key, fn, onError);
          queueMicrotask(() => onError?.(error));
          return () => undefined;
        },
      };
    },
  };
}

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

describe('watchMaps on one board, watched more than once', () => {
  const makeSpec = (id: string) => {
    let n = 0;
    return createSpecFromPreset(findPreset('classic')!, () => `${id}-${n++}`);
  };
  const titlesOf = (loaded: LoadedMaps) => loaded.maps.map((m) => m.spec.title);
  const quiet = () => new Promise((r) => setTimeout(r, 20));

  it('a watch joining once the maps are read gets them at once, with no call; changes reach both; the reads stop with the last watch', async () => {
    const { board, local } = createPlaygroundBoard();
    const created = await createMap(board, makeSpec('a'));
    if (created.status !== 'done') throw new Error(created.status);
    local.resetStats();
    const first: string[][] = [];
    const unwatchFirst = watchMaps(board, (loaded) => first.push(titlesOf(loaded)));
    await vi.waitFor(() => expect(first).toHaveLength(1));
    // The index and the one record, each read once and followed.
    expect(local.stats().calls).toBe(4);

    local.resetStats();
    const second: string[][] = [];
    const unwatchSecond = watchMaps(board, (loaded) => second.push(titlesOf(loaded)));
    // Never during the call itself.
    expect(second).toEqual([]);
    await vi.waitFor(() => expect(second).toHaveLength(1));
    expect(second[0]).toEqual([created.record.spec.title]);
    expect(local.stats().calls).toBe(0);

    await saveMap(board, { ...created.record, spec: { ...created.record.spec, title: 'Renamed' } });
    await vi.waitFor(() => expect(second).toHaveLength(2));
    expect(first.at(-1)).toEqual(['Renamed']);
    expect(second.at(-1)).toEqual(['Renamed']);

    // The first watch leaves: the second still hears.
    unwatchFirst();
    await saveMap(board, { ...created.record, spec: { ...created.record.spec, title: 'Again' } });
    await vi.waitFor(() => expect(second).toHaveLength(3));
    expect(first).toHaveLength(2);

    // The last leaves: nothing is followed any more, and a new watch reads again.
    unwatchSecond();
    await saveMap(board, { ...created.record, spec: { ...created.record.spec, title: 'Later' } });
    await quiet();
    expect(second).toHaveLength(3);
    local.resetStats();
    const third: string[][] = [];
    const unwatchThird = watchMaps(board, (loaded) => third.push(titlesOf(loaded)));
    await vi.waitFor(() => expect(third).toEqual([['Later']]));
    expect(local.stats().callsByMethod['storage.get']).toBe(2);
    unwatchThird();
  });

  it('a watch joining while the maps are being read gets them with that read: one read per key, one delivery each', async () => {
    const { board, local } = createPlaygroundBoard();
    for (const id of ['a', 'b']) {
      const created = await createMap(board, makeSpec(id));
      if (created.status !== 'done') throw new Error(created.status);
    }
    local.setLatency(15);
    local.resetStats();
    const first: number[] = [];
    const second: number[] = [];
    const unwatchFirst = watchMaps(board, (loaded) => first.push(loaded.maps.length));
    await new Promise((r) => setTimeout(r, 5));
    const unwatchSecond = watchMaps(board, (loaded) => second.push(loaded.maps.length));
    await vi.waitFor(() => expect(second).toEqual([2]));
    await quiet();
    expect(first).toEqual([2]);
    expect(second).toEqual([2]);
    expect(local.stats().callsByMethod['storage.get']).toBe(3);
    unwatchFirst();
    unwatchSecond();
  });

  it('a watch that could not start leaves nothing behind: the next watch reads anew', async () => {
    const { board } = createPlaygroundBoard();
    let refuse = true;
    const flaky: Board = {
      ...board,
      shared: (name) => {
        if (refuse) throw new Error('The board is not ready.');
        return board.shared(name);
      },
    };
    expect(() => watchMaps(flaky, () => undefined)).toThrow('The board is not ready.');
    refuse = false;
    const heard: number[] = [];
    const unwatch = watchMaps(flaky, ({ maps }) => heard.push(maps.length));
    await vi.waitFor(() => expect(heard).toEqual([0]));
    unwatch();
  });

  it('a watch joining after a first read failed hears why, so it can read the maps itself', async () => {
    const { board } = createPlaygroundBoard();
    const offline = new Error('The board did not answer.');
    const failing = refusingWatches(board, (key) => key === MAP_INDEX_KEY, offline);
    const heard: unknown[] = [];
    const unwatchFirst = watchMaps(
      failing,
      () => heard.push('maps'),
      (e) => heard.push(e),
    );
    await vi.waitFor(() => expect(heard).toEqual([offline]));
    const joined: unknown[] = [];
    const unwatchSecond = watchMaps(
      failing,
      () => joined.push('maps'),
      (e) => joined.push(e),
    );
    await vi.waitFor(() => expect(joined).toEqual([offline]));
    unwatchFirst();
    unwatchSecond();
  });
});

describe('watchMaps with the ids expected', () => {
  const makeSpec = (id: string) => {
    let n = 0;
    return createSpecFromPreset(findPreset('classic')!, () => `${id}-${n++}`);
  };
  const twoMaps = async () => {
    const made = createPlaygroundBoard();
    const ids: string[] = [];
    for (const id of ['a', 'b']) {
      const created = await createMap(made.board, makeSpec(id));
      if (created.status !== 'done') throw new Error(created.status);
      ids.push(created.record.spec.id);
    }
    made.local.setLatency(15);
    made.local.resetStats();
    return { ...made, ids };
  };
  /** Watches `board` expecting `expected`; the ids of each delivery land in `heard`. */
  const watchIds = (board: Board, expected: readonly string[]) => {
    const heard: string[][] = [];
    const unwatch = watchMaps(
      board,
      ({ maps }) => heard.push(maps.map((m) => m.spec.id)),
      undefined,
      expected,
    );
    return { heard, unwatch };
  };

  it('reads the expected records beside the index: where the guess holds, no read waits for the index', async () => {
    const { board, local, ids } = await twoMaps();
    const { heard, unwatch } = watchIds(board, [...ids, 'removed-since']);
    // Before the first answer (15 ms), every read is on its way: the index, both maps and the guess
    // the board no longer holds.
    await new Promise((r) => setTimeout(r, 5));
    expect(local.stats().callsByMethod['storage.get']).toBe(4);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toEqual(ids);
    // No read after the index answered.
    expect(local.stats().callsByMethod['storage.get']).toBe(4);

    // The guess the index does not list is no longer followed: a value written there later is
    // not heard.
    await board.shared(MAP_COLLECTION).set(mapKey('removed-since'), { not: 'a map' });
    await new Promise((r) => setTimeout(r, 40));
    expect(heard).toHaveLength(1);
    unwatch();
  });

  it('reads a listed map it did not expect once the index lists it', async () => {
    const { board, local, ids } = await twoMaps();
    const { heard, unwatch } = watchIds(board, [ids[0]!]);
    await new Promise((r) => setTimeout(r, 5));
    expect(local.stats().callsByMethod['storage.get']).toBe(2);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toEqual(ids);
    expect(local.stats().callsByMethod['storage.get']).toBe(3);
    unwatch();
  });

  it('a guessed record that fails before the index answers is read again once listed; its failure alone is not reported', async () => {
    const { board, ids } = await twoMaps();
    const reads: string[] = [];
    let refuseOnce = true;
    const flaky = refusingWatches(
      board,
      (key) => {
        reads.push(key);
        const refuse = refuseOnce && key === mapKey(ids[0]!);
        if (refuse) refuseOnce = false;
        return refuse;
      },
      new Error('Rate limited.'),
    );
    const heard: unknown[] = [];
    const unwatch = watchMaps(
      flaky,
      ({ maps }) => heard.push(maps.map((m) => m.spec.id)),
      (error) => heard.push(error),
      [ids[0]!],
    );
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toEqual(ids);
    expect(reads.filter((key) => key === mapKey(ids[0]!))).toHaveLength(2);
    unwatch();
  });
});
