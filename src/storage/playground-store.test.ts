import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTouchpointDB } from './db';
import type { TouchpointDatabase } from './db';
import { createPlaygroundStore } from './playground-store';
import { StorageError } from './storage-error';
import { simulateQuotaExceeded } from './testing/simulate-quota-exceeded';

const open: TouchpointDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function openDb(factory: IDBFactory) {
  const db = await openTouchpointDB({ factory, name: 'tp' });
  open.push(db);
  return db;
}

const board = {
  items: [{ id: 'n1', type: 'sticky_note', content: 'Could not find the app' }],
  tags: [],
};

describe('createPlaygroundStore', () => {
  it('finds nothing on a fresh database', async () => {
    const store = createPlaygroundStore(await openDb(new IDBFactory()));
    expect(await store.load()).toBeUndefined();
  });

  it('keeps the board across reopening the database', async () => {
    const factory = new IDBFactory();
    const first = await openDb(factory);
    await createPlaygroundStore(first).save(board);
    first.close();

    const store = createPlaygroundStore(await openDb(factory));
    expect(await store.load()).toEqual(board);
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });

  it('last save wins', async () => {
    const store = createPlaygroundStore(await openDb(new IDBFactory()));
    await store.save({ v: 1 });
    await store.save({ v: 2 });
    expect(await store.load()).toEqual({ v: 2 });
  });

  it('keeps the previous board when the disk is full', async () => {
    const store = createPlaygroundStore(await openDb(new IDBFactory()));
    await store.save(board);
    const quota = simulateQuotaExceeded();
    let error: unknown;
    try {
      await store.save({ items: [] });
    } catch (e) {
      error = e;
    } finally {
      quota.restore();
    }
    expect(quota.refused).toBe(1);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('quota');
    expect((error as StorageError).message).toBe(
      "Your browser's storage is full, so Touchpoint could not save the playground board. Free " +
        'some disk space or delete old snapshots in the Export tab; the board on screen keeps ' +
        'your changes, but they will not survive a reload until then.',
    );
    expect(await store.load()).toEqual(board);
  });
});
