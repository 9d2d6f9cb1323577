import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, DbVersions, openTouchpointDB } from './db';
import type { TouchpointDatabase } from './db';
import { StorageError } from './storage-error';
import { createV1 } from './testing/create-v1-database';
import { tx } from './tx';

function rawOpen(factory: IDBFactory, name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

const open: TouchpointDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.unstubAllGlobals();
});

async function openFresh(factory = new IDBFactory(), onClosed?: (e: StorageError) => void) {
  const db = await openTouchpointDB({ factory, name: 'tp', onClosed });
  open.push(db);
  return db;
}

describe('openTouchpointDB', () => {
  it('creates every store at the current version', async () => {
    const db = await openFresh();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'journal',
      'ownBallots',
      'playground',
      'settings',
      'snapshotPayloads',
      'snapshots',
    ]);
    const t = db.transaction(['snapshots', 'journal']);
    expect([...t.objectStore('snapshots').indexNames].sort()).toEqual([
      'by-board',
      'by-map',
      'by-time',
    ]);
    expect([...t.objectStore('journal').indexNames]).toEqual(['by-board']);
  });

  it("reports 'unavailable' when the browser has no IndexedDB", async () => {
    vi.stubGlobal('indexedDB', undefined);
    const error = await rejection(openTouchpointDB());
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/private browsing/);
  });

  it("reports 'unavailable' when opening is refused (private mode)", async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const error = await rejection(openTouchpointDB({ factory }));
    expect(error.kind).toBe('unavailable');
  });

  it("reports 'unavailable' when the open request fails as in Firefox's private mode", async () => {
    // A hand-written factory whose open request fails the way Firefox's private mode did.
    const request = Object.assign(new EventTarget(), {
      error: new DOMException('A mutation operation was attempted…', 'InvalidStateError'),
      result: undefined,
      transaction: null,
    });
    const factory = { open: () => request } as unknown as IDBFactory;
    const opening = openTouchpointDB({ factory });
    request.dispatchEvent(new Event('error', { cancelable: true }));
    const error = await rejection(opening);
    expect(error.kind).toBe('unavailable');
  });

  it("reports 'version' when the data on disk is newer than this code", async () => {
    const factory = new IDBFactory();
    (await rawOpen(factory, 'tp', DB_VERSION + 1)).close();
    const error = await rejection(openTouchpointDB({ factory, name: 'tp' }));
    expect(error.kind).toBe('version');
    expect(error.message).toMatch(/newer version of Touchpoint/);
  });

  it('lets go of its connection when a newer tab needs to upgrade, and says so', async () => {
    const factory = new IDBFactory();
    const onClosed = vi.fn<(e: StorageError) => void>();
    const db = await openFresh(factory, onClosed);

    // The newer tab is not blocked: this connection closed itself.
    const newer = await rawOpen(factory, 'tp', DB_VERSION + 1);
    newer.close();

    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(onClosed.mock.calls[0]?.[0].kind).toBe('version');
    const error = await rejection(
      tx(db, 'readonly', ['settings'], (t) => t.objectStore('settings').get('x')),
    );
    expect(error.kind).toBe('version');
    expect(error.message).toMatch(/Reload this tab/);
  });

  it("rejects 'blocked' while another tab holds an older version open", async () => {
    const factory = new IDBFactory();
    // An old tab: version 1, and it does not close when asked to.
    await createV1(factory, 'tp');
    const held = await rawOpen(factory, 'tp', DbVersions.Initial);
    const error = await rejection(openTouchpointDB({ factory, name: 'tp' }));
    expect(error.kind).toBe('blocked');
    expect(error.message).toMatch(/Close the other Touchpoint tabs/);

    // Once the old tab goes, the abandoned open completes and must let go at once, or it would
    // block the next upgrade in turn.
    held.close();
    const next = await rawOpen(factory, 'tp', DB_VERSION + 1);
    expect(next.version).toBe(DB_VERSION + 1);
    next.close();
  });

  it('reports a connection the browser terminated', async () => {
    const onClosed = vi.fn<(e: StorageError) => void>();
    const db = await openFresh(new IDBFactory(), onClosed);
    // fake-indexeddb's typings ask for the class where the function takes a connection.
    forceCloseDatabase(unwrap(db) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(onClosed).toHaveBeenCalledTimes(1);
    const error = await rejection(
      tx(db, 'readonly', ['settings'], (t) => t.objectStore('settings').get('x')),
    );
    expect(error.kind).toBe('unavailable');
  });
});
