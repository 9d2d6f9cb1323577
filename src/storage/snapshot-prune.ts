/**
 * The snapshot budget (snapshot-store.ts): the oldest automatic snapshots go until count and
 * bytes fit; manual ones, damaged rows and the one just saved never do.
 */
import type { SnapshotMeta, TouchpointDatabase } from './db';
import type { SnapshotBudget } from './settings-store';
import { readSetting } from './settings-store';
import { goodRows, newestFirst } from './snapshot-rows';
import { tx } from './tx';
import type { TouchpointTransaction } from './tx';

/** Applies the budget now, in a transaction of its own; `budget` defaults to the setting. */
export const pruneSnapshots = (
  db: TouchpointDatabase,
  budget?: SnapshotBudget,
): Promise<SnapshotMeta[]> =>
  tx(
    db,
    'readwrite',
    ['snapshots', 'snapshotPayloads', 'settings'],
    async (t) => pruneWithin(t, budget ?? (await readSetting(t, 'snapshotBudget'))),
    'remove old automatic snapshots',
  );

/** Removes the oldest automatic snapshots until count and bytes fit the budget. */
export async function pruneWithin(
  t: TouchpointTransaction<'snapshots' | 'snapshotPayloads' | 'settings', 'readwrite'>,
  budget: SnapshotBudget,
  keepId?: string,
): Promise<SnapshotMeta[]> {
  // Damaged rows count for nothing and are never pruned: bad data must not delete good data.
  const autos = goodRows(await t.objectStore('snapshots').getAll()).filter(
    (row) => row.kind === 'auto',
  );
  // Oldest first; the same instant falls back to id so the order is stable.
  autos.sort((a, b) => -newestFirst(a, b));
  let count = autos.length;
  let bytes = autos.reduce((sum, row) => sum + row.bytes, 0);
  const pruned: SnapshotMeta[] = [];
  for (const row of autos) {
    if (count <= budget.maxAutoCount && bytes <= budget.maxAutoBytes) break;
    if (row.id === keepId) continue;
    await t.objectStore('snapshots').delete(row.id);
    await t.objectStore('snapshotPayloads').delete(row.id);
    pruned.push(row);
    count -= 1;
    bytes -= row.bytes;
  }
  return pruned;
}
