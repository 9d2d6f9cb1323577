/**
 * Reading the snapshot history (snapshot-store.ts): the metadata of the readable snapshots (for
 * the list and the usage), the damaged rows, and one snapshot with its payload.
 */
import type { SnapshotMeta, TouchpointDatabase } from './db';
import { goodRows, readSnapshotRow } from './snapshot-rows';
import type { DamagedSnapshot, Snapshot, SnapshotQuery } from './snapshot-store';
import { tx } from './tx';
import type { TouchpointTransaction } from './tx';

/** Reads the history's metadata store in one read-only transaction. */
const readStore = <T>(
  db: TouchpointDatabase,
  read: (
    store: ReturnType<TouchpointTransaction<'snapshots', 'readonly'>['objectStore']>,
  ) => Promise<T>,
): Promise<T> =>
  tx(
    db,
    'readonly',
    ['snapshots'],
    (t) => read(t.objectStore('snapshots')),
    'read the snapshot history',
  );

/** The readable snapshots' metadata: every board's, one board's or one map's. */
export const readHistory = (
  db: TouchpointDatabase,
  query?: SnapshotQuery,
): Promise<SnapshotMeta[]> =>
  readStore(db, async (store) =>
    goodRows(
      !query
        ? await store.getAll()
        : 'boardId' in query
          ? await store.index('by-board').getAll(query.boardId)
          : await store.index('by-map').getAll(query.mapId),
    ),
  );

/** The rows that are not readable snapshots, with what is wrong with each. */
export const readDamaged = (db: TouchpointDatabase): Promise<DamagedSnapshot[]> =>
  readStore(db, async (store) => {
    const [keys, rows] = await Promise.all([store.getAllKeys(), store.getAll()]);
    return rows.flatMap((row, i) => {
      const read = readSnapshotRow(row);
      return 'problem' in read ? [{ key: keys[i]!, problem: read.problem }] : [];
    });
  });

/** One readable snapshot with its payload parsed; undefined when missing or damaged. */
export const readSnapshot = (db: TouchpointDatabase, id: string): Promise<Snapshot | undefined> =>
  tx(
    db,
    'readonly',
    ['snapshots', 'snapshotPayloads'],
    async (t) => {
      const read = readSnapshotRow(await t.objectStore('snapshots').get(id));
      const stored = await t.objectStore('snapshotPayloads').get(id);
      if (!('meta' in read) || !stored || typeof stored.json !== 'string') return undefined;
      return { meta: read.meta, json: stored.json };
    },
    'read the snapshot',
  ).then((found) =>
    // Parsed after the transaction: parsing megabytes is not IndexedDB work.
    found ? { ...found.meta, payload: JSON.parse(found.json) as unknown } : undefined,
  );
