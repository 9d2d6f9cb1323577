/**
 * Deleting from the snapshot history (snapshot-store.ts): one snapshot, or damaged rows — each
 * with its payload, in one transaction.
 */
import type { TouchpointDatabase } from './db';
import { readSnapshotRow } from './snapshot-rows';
import { tx } from './tx';

/** Whether a snapshot with this id existed. */
export const deleteSnapshot = (db: TouchpointDatabase, id: string): Promise<boolean> =>
  tx(
    db,
    'readwrite',
    ['snapshots', 'snapshotPayloads'],
    async (t) => {
      const existed = (await t.objectStore('snapshots').count(id)) > 0;
      await t.objectStore('snapshots').delete(id);
      await t.objectStore('snapshotPayloads').delete(id);
      return existed;
    },
    'delete the snapshot',
  );

/** How many of the rows were deleted: only those still damaged. */
export const deleteDamagedRows = (
  db: TouchpointDatabase,
  keys: readonly IDBValidKey[],
): Promise<number> =>
  tx(
    db,
    'readwrite',
    ['snapshots', 'snapshotPayloads'],
    async (t) => {
      let removed = 0;
      for (const key of keys) {
        // Only rows that are still damaged: a key typed in by mistake never deletes good data.
        const read = readSnapshotRow(await t.objectStore('snapshots').get(key as string));
        if ('meta' in read) continue;
        await t.objectStore('snapshots').delete(key as string);
        await t.objectStore('snapshotPayloads').delete(key as string);
        removed += 1;
      }
      return removed;
    },
    'delete damaged snapshot records',
  );
