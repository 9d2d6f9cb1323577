import { describe, expect, it, vi } from 'vitest';
import { createMiroBoard } from '../board/miro/adapter';
import { createLocalBoard } from '../board/playground/sdk/local-board';
import { toStorageError } from '../storage';
import { saveMap, watchMaps } from './map/map-store';
import { openLocalStore, startWorkshop, type LocalStore, type MapIdsMemory } from './workshop';
import { createSpecFromPreset, findPreset } from '../domain/journey/presets';
import { createMap } from './map/create-map';

/** A Miro board over the local board, holding one map. */
async function boardWithMap() {
  const local = createLocalBoard();
  const board = createMiroBoard(local.connect({ id: 'u1', name: 'Ada' }));
  let n = 0;
  const created = await createMap(
    board,
    createSpecFromPreset(findPreset('classic')!, () => `k${n++}`),
  );
  if (created.status !== 'done') throw new Error(created.status);
  return { local, board, created };
}

describe('startWorkshop', () => {
  it('answers with the board side while the local store is still opening, then the whole workshop', async () => {
    const local = createLocalBoard();
    const board = createMiroBoard(local.connect({ id: 'u1', name: 'Ada' }));
    let openStore: (store: LocalStore) => void = () => undefined;
    const store = new Promise<LocalStore>((resolve) => (openStore = resolve));

    const { session, workshop } = await startWorkshop(board, { local: store });
    expect(session.user).toMatchObject({ id: 'u1', name: 'Ada' });
    expect(session.info.id).toBe(local.state().boardId);
    let whole: unknown = null;
    void workshop.then((w) => (whole = w));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(whole).toBeNull();

    openStore({ db: null, problem: 'Private mode keeps no local data.' });
    const opened = await workshop;
    expect(opened.board).toBe(board);
    expect(opened.user).toBe(session.user);
    expect(opened.local.problem).toBe('Private mode keeps no local data.');
  });

  it('reads the maps beside the board side, so the Map tab joining then makes no call', async () => {
    const { local, board, created } = await boardWithMap();
    local.setLatency(20);
    local.resetStats();

    const started = startWorkshop(board, { local: new Promise<LocalStore>(() => undefined) });
    // Within the first call's round trip (20 ms), the maps' index is asked for too.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(local.stats().callsByMethod).toMatchObject({
      getInfo: 1,
      getUserInfo: 1,
      'storage.get': 1,
    });
    await started;
    await new Promise((resolve) => setTimeout(resolve, 60));
    local.resetStats();
    const titles: string[][] = [];
    const unwatch = watchMaps(board, ({ maps }) => titles.push(maps.map((m) => m.spec.title)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(titles).toEqual([[created.record.spec.title]]);
    expect(local.stats().calls).toBe(0);
    unwatch();

    // Kept for the panel's life: a change made elsewhere is heard without a read.
    await saveMap(board, { ...created.record, spec: { ...created.record.spec, title: 'Renamed' } });
    local.resetStats();
    const again: string[][] = [];
    const unwatchAgain = watchMaps(board, ({ maps }) => again.push(maps.map((m) => m.spec.title)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(again).toEqual([['Renamed']]);
    expect(local.stats().calls).toBe(0);
    unwatchAgain();
  });

  it("reads the maps this browser remembers beside the index, and remembers the board's", async () => {
    const { local, board, created } = await boardWithMap();
    const id = created.record.spec.id;
    local.setLatency(20);
    local.resetStats();
    const remembered: (readonly string[])[] = [];
    const mapIds: MapIdsMemory = {
      recall: () => [id],
      remember: (ids) => remembered.push(ids),
    };

    const started = startWorkshop(board, {
      local: new Promise<LocalStore>(() => undefined),
      mapIds,
    });
    // The index and the remembered map, both within the first call's round trip (20 ms).
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(local.stats().callsByMethod['storage.get']).toBe(2);
    await started;
    await vi.waitFor(() => expect(remembered).toEqual([[id]]));
    expect(local.stats().callsByMethod['storage.get']).toBe(2);
  });
});

describe('openLocalStore', () => {
  it('keeps a refusal as the storage layer words it, and never rejects', async () => {
    const refused = await openLocalStore(() =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    );
    expect(refused.db).toBeNull();
    expect(refused.problem).toBe(
      toStorageError(new DOMException('', 'QuotaExceededError')).message,
    );
  });
});
