/**
 * Snapshots of a journey map: the history list, the maps themselves, and the budget that keeps
 * automatic snapshots from filling the disk.
 *
 * Metadata and payload live in two stores (`snapshots`, `snapshotPayloads`) written in one
 * transaction: listing reads only small metadata rows, never megabytes of maps, and the payload is
 * kept as the JSON text whose size `bytes` reports.
 *
 * Each concern in its own file: the rows read and measured (snapshot-rows.ts, pure), saving
 * (snapshot-save.ts), reading the history (snapshot-history.ts), deleting (snapshot-delete.ts)
 * and the budget (snapshot-prune.ts). Opening and upgrading the database is db.ts; turning
 * IndexedDB failures (a full disk, another tab) into `StorageError`s is tx.ts.
 */
import type { SnapshotKind, SnapshotMeta, TouchpointDatabase } from './db';
import type { SnapshotBudget } from './settings-store';
import { deleteDamagedRows, deleteSnapshot } from './snapshot-delete';
import { readDamaged, readHistory, readSnapshot } from './snapshot-history';
import { pruneSnapshots } from './snapshot-prune';
import { measure, newestFirst } from './snapshot-rows';
import { randomId, saveSnapshot } from './snapshot-save';

export interface SnapshotInput {
  boardId: string;
  mapId: string;
  kind: SnapshotKind;
  /** Why an automatic snapshot was taken, e.g. 'before tag by position'. */
  reason?: string;
  noteCount: number;
  summary: string;
  formatVersion: number;
  /** JSON-serialisable: the exported map. */
  payload: unknown;
}

export interface Snapshot extends SnapshotMeta {
  /** Parsed JSON as saved; pass it through the domain's restore before use. */
  payload: unknown;
}

export interface SnapshotUsage {
  count: number;
  bytes: number;
  autoCount: number;
  autoBytes: number;
}

export interface SaveSnapshotResult {
  snapshot: SnapshotMeta;
  /** Automatic snapshots removed to stay within the budget, oldest first. */
  pruned: SnapshotMeta[];
}

export type SnapshotQuery = { boardId: string } | { mapId: string };

export interface SnapshotStore {
  /**
   * Saves a snapshot; when it is automatic, removes the oldest automatic snapshots beyond the
   * budget in the same transaction (never manual ones, never the one just saved). Rejects with a
   * `StorageError` (e.g. 'quota') and changes nothing when the write fails.
   */
  save(input: SnapshotInput): Promise<SaveSnapshotResult>;
  /** Newest first, metadata only; every board's when there is no query (the budget is shared). */
  list(query?: SnapshotQuery): Promise<SnapshotMeta[]>;
  get(id: string): Promise<Snapshot | undefined>;
  /** Whether a snapshot with this id existed. */
  delete(id: string): Promise<boolean>;
  /** All boards, or one. */
  usage(boardId?: string): Promise<SnapshotUsage>;
  /** Applies the budget now (after the user lowered it, say); `budget` defaults to the setting. */
  prune(budget?: SnapshotBudget): Promise<SnapshotMeta[]>;
  /**
   * Rows that are not readable snapshots (an older build, a hand edit, a disk error): never
   * listed, counted in the budget or pruned by it; reported here so they can be deleted.
   */
  damaged(): Promise<DamagedSnapshot[]>;
  /** Deletes damaged rows (and any payload stored with them); good rows are never touched. */
  deleteDamaged(keys: readonly IDBValidKey[]): Promise<number>;
}

export interface DamagedSnapshot {
  /** The row's key in the store (its id, whatever it is). */
  key: IDBValidKey;
  /** What is wrong, e.g. 'no size (bytes)'. */
  problem: string;
}

export interface SnapshotStoreOptions {
  now?: () => number;
  newId?: () => string;
}

export function createSnapshotStore(
  db: TouchpointDatabase,
  options: SnapshotStoreOptions = {},
): SnapshotStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomId;
  return {
    save: (input) => saveSnapshot(db, input, { now, newId }),
    list: async (query) => (await readHistory(db, query)).sort(newestFirst),
    get: (id) => readSnapshot(db, id),
    delete: (id) => deleteSnapshot(db, id),
    usage: async (boardId) =>
      measure(await readHistory(db, boardId === undefined ? undefined : { boardId })),
    damaged: () => readDamaged(db),
    deleteDamaged: (keys) => deleteDamagedRows(db, keys),
    prune: (budget) => pruneSnapshots(db, budget),
  };
}
