/**
 * Saving a snapshot (snapshot-store.ts): metadata and payload in one transaction, and, for an
 * automatic one, the budget applied in that same transaction (snapshot-prune.ts).
 */
import type { SnapshotMeta, TouchpointDatabase } from './db';
import { readSetting } from './settings-store';
import { pruneWithin } from './snapshot-prune';
import type { SaveSnapshotResult, SnapshotInput, SnapshotStoreOptions } from './snapshot-store';
import { tx } from './tx';
import { hexOf, utf8Length } from '../domain/common';

export async function saveSnapshot(
  db: TouchpointDatabase,
  input: SnapshotInput,
  { now, newId }: Required<SnapshotStoreOptions>,
): Promise<SaveSnapshotResult> {
  // Serialise before the transaction: it is not IndexedDB work, and a bad payload should fail
  // before anything is written.
  const json = JSON.stringify(input.payload);
  if (json === undefined) throw new TypeError('A snapshot payload must be JSON.');
  const snapshot: SnapshotMeta = {
    id: newId(),
    boardId: input.boardId,
    mapId: input.mapId,
    createdAt: now(),
    kind: input.kind,
    reason: input.reason ?? '',
    noteCount: input.noteCount,
    summary: input.summary,
    bytes: utf8Length(json),
    formatVersion: input.formatVersion,
  };
  return tx(
    db,
    'readwrite',
    ['snapshots', 'snapshotPayloads', 'settings'],
    async (t) => {
      await t.objectStore('snapshots').add(snapshot);
      await t.objectStore('snapshotPayloads').add({ id: snapshot.id, json });
      const pruned =
        snapshot.kind === 'auto'
          ? await pruneWithin(t, await readSetting(t, 'snapshotBudget'), snapshot.id)
          : [];
      return { snapshot, pruned };
    },
    'save the snapshot',
  );
}

/**
 * `crypto.randomUUID` exists only in secure contexts; the playground served over plain http on a
 * LAN address is not one, but `getRandomValues` still is.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return hexOf(crypto.getRandomValues(new Uint8Array(16)));
}
