/**
 * Test support: a database at schema version 2, built with the raw IndexedDB API exactly as the
 * version 2 code created it (payloads in `snapshotPayloads`, the undo journal), with a little data
 * in every store.
 */
import { v1Snapshot } from './create-v1-database';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

const { payload, ...v2Meta } = v1Snapshot;
export const v2Snapshot = v2Meta;
export const v2Payload = { id: v1Snapshot.id, json: JSON.stringify(payload) };

/** Version 2: snapshots (+ 'by-map'), snapshotPayloads, journal, settings, playground. */
export async function createV2(factory: IDBFactory, name: string): Promise<void> {
  const open = factory.open(name, 2);
  open.onupgradeneeded = () => {
    const db = open.result;
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
    snapshots.createIndex('by-board', 'boardId');
    snapshots.createIndex('by-time', 'createdAt');
    snapshots.createIndex('by-map', 'mapId');
    db.createObjectStore('settings');
    db.createObjectStore('playground');
    const payloads = db.createObjectStore('snapshotPayloads', { keyPath: 'id' });
    const journal = db.createObjectStore('journal', { keyPath: 'id', autoIncrement: true });
    journal.createIndex('by-board', 'boardId');
    snapshots.put(v2Snapshot);
    payloads.put(v2Payload);
    journal.put({
      boardId: 'board-a',
      operation: 'import',
      createdAt: 1_700_000_002_000,
      updatedAt: 1_700_000_002_000,
      status: 'applied',
      entries: [],
      created: ['n9'],
    });
    open.transaction?.objectStore('playground').put({ items: ['n1'] }, 'board');
  };
  const db = await request(open);
  db.close();
}
