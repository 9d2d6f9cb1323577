/**
 * The one IndexedDB database of Touchpoint: its typed schema, its versioned upgrade steps, and how a
 * connection is opened and let go when other tabs get in the way.
 */
import { wrap } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StorageError } from './storage-error';
import {
  blockedError,
  supersededError,
  terminatedError,
  toOpenError,
  unavailableError,
} from './storage-error';

export type SnapshotKind = 'manual' | 'auto';

/** What the history list shows of a snapshot; cheap to list because the payload lives apart. */
export interface SnapshotMeta {
  id: string;
  boardId: string;
  mapId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  kind: SnapshotKind;
  /** Why it was taken, e.g. 'before tag by position'; empty for manual snapshots. */
  reason: string;
  noteCount: number;
  /** One line for the history list. */
  summary: string;
  /** UTF-8 length of the payload's JSON: what the snapshot costs on disk, near enough. */
  bytes: number;
  /** The export format version of the payload, so restore knows where to start migrating. */
  formatVersion: number;
}

/**
 * The map itself, as the JSON text that was measured. A string clones and stores far faster than
 * the object graph of a large map, and it is exactly what `bytes` counts.
 */
export interface SnapshotPayloadRow {
  id: string;
  json: string;
}

export type JournalStatus = 'pending' | 'applied' | 'undone';

/** Known batch kinds; any other string is accepted so new use cases need no schema change. */
export type JournalOperation =
  | 'apply-groups'
  | 'tag-by-position'
  | 'import'
  | 'create-map'
  | 'update-map'
  | 'remove-map'
  | (string & {});

export interface JournalRow {
  /** Assigned by IndexedDB in insertion order, so the newest entry of a board is the last. */
  id: number;
  boardId: string;
  operation: JournalOperation;
  createdAt: number;
  updatedAt: number;
  status: JournalStatus;
  /** The prior state of every item the batch changes, recorded before the first write. */
  entries: unknown[];
  /** Ids of items the batch created (labels, say), so undo can remove them. */
  created: string[];
}

export interface TouchpointDB extends DBSchema {
  snapshots: {
    key: string;
    value: SnapshotMeta;
    indexes: { 'by-board': string; 'by-map': string; 'by-time': number };
  };
  snapshotPayloads: { key: string; value: SnapshotPayloadRow };
  journal: {
    key: number;
    value: JournalRow;
    indexes: { 'by-board': string };
  };
  settings: { key: string; value: unknown };
  /** The playground's local board, by key ('board'); opaque JSON. */
  playground: { key: string; value: unknown };
  /** This browser's own ballots in anonymous rounds, by [boardId, roundId]. */
  ownBallots: { key: [string, string]; value: OwnBallotRow };
}

/**
 * What this browser alone knows of its ballot in an anonymous round: the random voter key (never
 * derivable from the user id, so only this browser can find or change the ballot), the place the
 * ballot was put at, and the ballot as last written (to put it back if a race overwrites it).
 * `ballot` is opaque JSON, validated by the app like any ballot read from the board.
 */
export interface OwnBallotRow {
  boardId: string;
  roundId: string;
  voterKey: string;
  /** The ballot place (rounds with places); null until the first vote, or on platform rounds. */
  place: number | null;
  ballot: unknown;
}

export type TouchpointDatabase = IDBPDatabase<TouchpointDB>;

/** Named schema versions, one upgrade step each (STYLE.md, migration discipline). */
export const DbVersions = {
  /** snapshots (payload inline), settings, playground. */
  Initial: 1,
  /** Payloads move to snapshotPayloads as JSON text; snapshots gain 'by-map'; the undo journal. */
  JournalAndPayloads: 2,
  /** ownBallots: this browser's keys and ballots of anonymous rounds. */
  OwnBallots: 3,
} as const;

export const DB_VERSION: number = Math.max(...Object.values(DbVersions));
export const DEFAULT_DB_NAME = 'touchpoint';

type UpgradeTransaction = IDBPTransaction<
  TouchpointDB,
  StoreNames<TouchpointDB>[],
  'versionchange'
>;

/**
 * Each step brings the schema from the previous version to its own. Steps may only await
 * IndexedDB requests on `transaction`; anything else lets the upgrade transaction commit early.
 */
async function upgrade(
  db: TouchpointDatabase,
  oldVersion: number,
  transaction: UpgradeTransaction,
): Promise<void> {
  if (oldVersion < DbVersions.Initial) {
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
    snapshots.createIndex('by-board', 'boardId');
    snapshots.createIndex('by-time', 'createdAt');
    db.createObjectStore('settings');
    db.createObjectStore('playground');
  }
  if (oldVersion < DbVersions.JournalAndPayloads) {
    const snapshots = transaction.objectStore('snapshots');
    snapshots.createIndex('by-map', 'mapId');
    const payloads = db.createObjectStore('snapshotPayloads', { keyPath: 'id' });
    const journal = db.createObjectStore('journal', { keyPath: 'id', autoIncrement: true });
    journal.createIndex('by-board', 'boardId');

    // Version 1 kept the payload object in the snapshot row.
    let cursor = await snapshots.openCursor();
    while (cursor) {
      const row = cursor.value as SnapshotMeta & { payload?: unknown };
      if ('payload' in row) {
        const { payload, ...meta } = row;
        await payloads.put({ id: meta.id, json: JSON.stringify(payload ?? null) });
        await cursor.update(meta);
      }
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < DbVersions.OwnBallots) {
    db.createObjectStore('ownBallots', { keyPath: ['boardId', 'roundId'] });
  }
}

/** Connections let go because of another tab or the browser, and why; `tx` reports it. */
const closedReasons = new WeakMap<TouchpointDatabase, StorageError>();

export function closedReason(db: TouchpointDatabase): StorageError | undefined {
  return closedReasons.get(db);
}

export interface OpenTouchpointDBOptions {
  /** Defaults to `globalThis.indexedDB`; tests pass a fresh fake-indexeddb factory. */
  factory?: IDBFactory;
  name?: string;
  /**
   * Called once if the connection goes away after opening: a newer Touchpoint in another tab
   * needs to upgrade (this tab closes its connection so that tab is not blocked, kind
   * 'version'), or the browser terminated it (kind 'unavailable'). Later calls through `tx`
   * reject with the same error.
   */
  onClosed?: (reason: StorageError) => void;
}

/**
 * Opens (creating or upgrading) the database. Rejects with a `StorageError`: 'blocked' when a tab
 * holding an older version keeps it open, 'version' when the data is newer than this code,
 * 'unavailable' when the browser offers no IndexedDB (private mode), 'quota' when the upgrade
 * ran out of space.
 */
export function openTouchpointDB(
  options: OpenTouchpointDBOptions = {},
): Promise<TouchpointDatabase> {
  const factory = options.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return Promise.reject(unavailableError());
  const name = options.name ?? DEFAULT_DB_NAME;

  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, DB_VERSION);
  } catch (error) {
    return Promise.reject(toOpenError(error));
  }

  return new Promise<TouchpointDatabase>((resolve, reject) => {
    let settled = false;
    let upgradeFailure: unknown;

    request.addEventListener('upgradeneeded', (event) => {
      const transaction = request.transaction;
      if (!transaction) return;
      // The open request's transaction is the versionchange one; idb cannot infer that.
      const wrapped = wrap(transaction) as unknown as UpgradeTransaction;
      // A failed upgrade is reported by the request's error event, not by this promise.
      wrapped.done.catch(() => undefined);
      upgrade(wrap(request.result) as TouchpointDatabase, event.oldVersion, wrapped).catch(
        (error: unknown) => {
          upgradeFailure = error;
          try {
            transaction.abort();
          } catch {
            // Already finished: the request's own error event reports it.
          }
        },
      );
    });

    // Another tab holds an older version open and did not let go when asked.
    request.addEventListener('blocked', (event) => {
      if (settled) return;
      settled = true;
      reject(blockedError(event));
    });

    request.addEventListener('success', () => {
      const raw = request.result;
      if (settled) {
        // We already told the caller it was blocked; do not keep a connection nobody holds.
        raw.close();
        return;
      }
      settled = true;
      const db = wrap(raw) as TouchpointDatabase;
      const letGo = (reason: StorageError) => {
        if (closedReasons.has(db)) return;
        closedReasons.set(db, reason);
        options.onClosed?.(reason);
      };
      raw.addEventListener('versionchange', () => {
        raw.close();
        letGo(supersededError());
      });
      raw.addEventListener('close', () => letGo(terminatedError()));
      resolve(db);
    });

    request.addEventListener('error', (event) => {
      // Handled here; do not let it surface as an uncaught error on the window.
      event.preventDefault();
      if (settled) return;
      settled = true;
      reject(toOpenError(upgradeFailure ?? request.error));
    });
  });
}
