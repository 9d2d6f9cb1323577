/**
 * Snapshots of a journey map: the history list, the maps themselves, and the budget that keeps
 * automatic snapshots from filling the disk.
 *
 * Metadata and payload live in two stores (`snapshots`, `snapshotPayloads`) written in one
 * transaction: listing reads only small metadata rows, never megabytes of maps, and the payload is
 * kept as the JSON text whose size `bytes` reports.
 */
import type { SnapshotKind, SnapshotMeta, TouchpointDatabase } from './db';
import type { SnapshotBudget } from './settings-store';
import { readSetting } from './settings-store';
import { tx } from './tx';
import type { TouchpointTransaction } from './tx';
import { hexOf, isRecord, utf8Length } from '../domain/common';

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

/** The row as a snapshot, or what is wrong with it. Rows are `unknown` until checked here. */
export function readSnapshotRow(row: unknown): { meta: SnapshotMeta } | { problem: string } {
  if (!isRecord(row)) return { problem: 'not a record' };
  const { id, boardId, mapId, createdAt, kind, bytes, noteCount, formatVersion } = row;
  if (typeof id !== 'string' || id === '') return { problem: 'no id' };
  if (typeof boardId !== 'string' || typeof mapId !== 'string')
    return { problem: 'no board or map' };
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return { problem: 'no date' };
  if (kind !== 'manual' && kind !== 'auto') return { problem: 'no kind' };
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0)
    return { problem: 'no size (bytes)' };
  return {
    meta: {
      id,
      boardId,
      mapId,
      createdAt,
      kind,
      reason: typeof row.reason === 'string' ? row.reason : '',
      noteCount: typeof noteCount === 'number' && noteCount >= 0 ? noteCount : 0,
      summary: typeof row.summary === 'string' ? row.summary : '',
      bytes,
      formatVersion: typeof formatVersion === 'number' ? formatVersion : 1,
    },
  };
}

const goodRows = (rows: readonly unknown[]): SnapshotMeta[] =>
  rows.flatMap((row) => {
    const read = readSnapshotRow(row);
    return 'meta' in read ? [read.meta] : [];
  });

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

  /** Reads the history's metadata store in one read-only transaction. */
  const readStore = <T>(
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
  const readHistory = (query?: SnapshotQuery): Promise<SnapshotMeta[]> =>
    readStore(async (store) =>
      goodRows(
        !query
          ? await store.getAll()
          : 'boardId' in query
            ? await store.index('by-board').getAll(query.boardId)
            : await store.index('by-map').getAll(query.mapId),
      ),
    );

  return {
    async save(input) {
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
    },

    list: async (query) => (await readHistory(query)).sort(newestFirst),

    get: (id) =>
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
      ),

    delete: (id) =>
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
      ),

    usage: async (boardId) =>
      measure(await readHistory(boardId === undefined ? undefined : { boardId })),

    damaged: () =>
      readStore(async (store) => {
        const [keys, rows] = await Promise.all([store.getAllKeys(), store.getAll()]);
        return rows.flatMap((row, i) => {
          const read = readSnapshotRow(row);
          return 'problem' in read ? [{ key: keys[i]!, problem: read.problem }] : [];
        });
      }),

    deleteDamaged: (keys) =>
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
      ),

    prune: (budget) =>
      tx(
        db,
        'readwrite',
        ['snapshots', 'snapshotPayloads', 'settings'],
        async (t) => pruneWithin(t, budget ?? (await readSetting(t, 'snapshotBudget'))),
        'remove old automatic snapshots',
      ),
  };
}

/**
 * `crypto.randomUUID` exists only in secure contexts; the playground served over plain http on a
 * LAN address is not one, but `getRandomValues` still is.
 */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return hexOf(crypto.getRandomValues(new Uint8Array(16)));
}

function newestFirst(a: SnapshotMeta, b: SnapshotMeta): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function measure(rows: readonly SnapshotMeta[]): SnapshotUsage {
  const usage: SnapshotUsage = { count: 0, bytes: 0, autoCount: 0, autoBytes: 0 };
  for (const row of rows) {
    usage.count += 1;
    usage.bytes += row.bytes;
    if (row.kind === 'auto') {
      usage.autoCount += 1;
      usage.autoBytes += row.bytes;
    }
  }
  return usage;
}

/** Removes the oldest automatic snapshots until count and bytes fit the budget. */
async function pruneWithin(
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
