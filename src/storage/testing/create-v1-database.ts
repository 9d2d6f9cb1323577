/**
 * Test support: a database at schema version 1, built with the raw IndexedDB API exactly as the
 * version 1 code (commit f704a80) created it, with a little data in every store.
 */
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

export const v1Snapshot = {
  id: 's1',
  boardId: 'board-a',
  mapId: 'map-1',
  createdAt: 1_700_000_000_000,
  kind: 'manual',
  reason: '',
  noteCount: 2,
  summary: '2 notes in 6 stages',
  bytes: 61,
  formatVersion: 1,
  payload: { format: 'touchpoint.journey-map', version: 1, map: { notes: ['a', 'b'] } },
};

/** Version 1 (commit f704a80): payload inline in `snapshots`; `settings`; `playground`. */
export async function createV1(factory: IDBFactory, name: string): Promise<void> {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
    snapshots.createIndex('by-board', 'boardId');
    snapshots.createIndex('by-time', 'createdAt');
    db.createObjectStore('settings');
    db.createObjectStore('playground');
    snapshots.put(v1Snapshot);
    snapshots.put({
      ...v1Snapshot,
      id: 's2',
      kind: 'auto',
      reason: 'before import',
      createdAt: 1_700_000_001_000,
    });
    open.transaction
      ?.objectStore('settings')
      .put({ maxAutoCount: 5, maxAutoBytes: 1000 }, 'snapshotBudget');
    open.transaction?.objectStore('playground').put({ items: ['n1'] }, 'board');
  };
  const db = await request(open);
  db.close();
}
