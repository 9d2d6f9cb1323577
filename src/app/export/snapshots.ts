/**
 * History in this browser (issue 3 §4): snapshots of a map saved to IndexedDB, listed, read back
 * through the same `restore()` as every imported file, deleted and compared; and the automatic
 * snapshot other use cases take before a bulk change.
 *
 * Storage may be missing (private mode) or fail (full disk): every function here says so in a
 * value with a facilitator-readable message rather than throwing, and never touches the board.
 */
import { errorMessage } from '../../domain/common';
import type { BoardItem } from '../../board/port';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { restore } from '../../domain/export/restore';
import { summarizeMap } from '../../domain/export/summarize-map';
import { belongsToMap } from '../../domain/stages/decide-stage';
import {
  createSettingsStore,
  createSnapshotStore,
  estimateStorage,
  requestPersistentStorage,
  toStorageError,
  type SnapshotBudget,
  type SnapshotKind,
  type SnapshotMeta,
  type SnapshotStore,
  type StorageErrorKind,
  type StorageEstimateFigures,
} from '../../storage';
import type { Workshop } from '../workshop';
import { buildFromBoard, readBoardMaps, type BoardMaps } from './build-journey-map';

export type { SnapshotBudget, SnapshotKind, SnapshotMeta };

export type Stored<T> =
  | { ok: true; value: T }
  | { ok: false; kind: StorageErrorKind | 'no-map' | 'unreadable'; message: string };

const stores = new WeakMap<object, SnapshotStore>();
function snapshotStore(workshop: Workshop): SnapshotStore | null {
  const db = workshop.local.db;
  if (!db) return null;
  let store = stores.get(db);
  if (!store) stores.set(db, (store = createSnapshotStore(db)));
  return store;
}

const unavailable = (workshop: Workshop) =>
  ({
    ok: false,
    kind: 'unavailable',
    message:
      workshop.local.problem ??
      'This browser does not let Touchpoint keep local data, so history is off.',
  }) as const;

async function attempt<T>(work: () => Promise<T>, doing: string): Promise<Stored<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const e = toStorageError(error, doing);
    return { ok: false, kind: e.kind, message: e.message };
  }
}

/** Whether history can be kept here; the message says why not. */
export const historyProblem = (workshop: Workshop): string | null =>
  workshop.local.db ? null : unavailable(workshop).message;

export interface SaveOptions {
  /** Manual: the facilitator's label; automatic: why it was taken ('before import'). */
  reason?: string;
  includeAuthors?: boolean;
  items?: readonly BoardItem[];
  now?: () => Date;
}

export interface SavedSnapshots {
  snapshots: SnapshotMeta[];
  /** Automatic snapshots removed to stay within the budget. */
  pruned: SnapshotMeta[];
}

const toInput = (workshop: Workshop, file: JourneyMapFile, kind: SnapshotKind, reason: string) => ({
  boardId: workshop.info.id,
  mapId: file.map.id,
  kind,
  reason: reason.trim().slice(0, 200),
  noteCount: file.map.notes.length,
  summary: summarizeMap(file),
  formatVersion: file.version,
  payload: file,
});

/** Saves a file already built as a snapshot (a caller that has one saves a board read). */
export async function saveSnapshotFile(
  workshop: Workshop,
  file: JourneyMapFile,
  kind: SnapshotKind,
  reason = '',
): Promise<Stored<SnapshotMeta>> {
  const store = snapshotStore(workshop);
  if (!store) return unavailable(workshop);
  const saved = await attempt(
    () => store.save(toInput(workshop, file, kind, reason)),
    'save the snapshot',
  );
  // This browser's history is the only copy: ask it not to evict the site's data under pressure.
  if (saved.ok && kind === 'manual') void requestPersistentStorage();
  return saved.ok ? { ok: true, value: saved.value.snapshot } : saved;
}

/** Which maps a snapshot protects: one map, the maps holding some of the notes, or all. */
export interface SnapshotScope {
  mapId?: string;
  /** Without `mapId`: only the maps these notes belong to (issue 9 §1 rule). */
  noteIds?: readonly string[];
}

/**
 * Snapshots of the board's maps (one per map, or only the scope's), saved in this browser, each
 * in its own map's history. Manual ones carry the facilitator's label; automatic ones the reason
 * and fall under the budget.
 */
export async function saveSnapshot(
  workshop: Workshop,
  kind: SnapshotKind,
  options: SaveOptions & SnapshotScope = {},
): Promise<Stored<SavedSnapshots>> {
  const store = snapshotStore(workshop);
  if (!store) return unavailable(workshop);
  const board = await readBoardMaps(workshop.board, options.items);
  const wanted = new Set(options.noteIds ?? []);
  const touched = (m: BoardMaps['maps'][number]) =>
    board.items.some((i) => wanted.has(i.id) && belongsToMap(i, m.context));
  const ids =
    options.mapId !== undefined
      ? [options.mapId]
      : board.maps.filter((m) => !options.noteIds || touched(m)).map((m) => m.record.spec.id);
  if (ids.length === 0)
    return { ok: false, kind: 'no-map', message: 'There is no journey map on this board to save.' };
  const files: JourneyMapFile[] = [];
  for (const mapId of ids) {
    const built = await buildFromBoard(workshop, board, {
      mapId,
      includeAuthors: options.includeAuthors ?? false,
      now: options.now,
    });
    if (!built.ok) return { ok: false, kind: 'no-map', message: built.message };
    files.push(built.file);
  }
  return attempt(async () => {
    const out: SavedSnapshots = { snapshots: [], pruned: [] };
    for (const file of files) {
      const saved = await store.save(toInput(workshop, file, kind, options.reason ?? ''));
      out.snapshots.push(saved.snapshot);
      out.pruned.push(...saved.pruned);
    }
    return out;
  }, 'save the snapshot');
}

export type AutoSnapshotResult =
  /** Saved; go ahead. */
  | { status: 'saved'; snapshots: SnapshotMeta[]; pruned: SnapshotMeta[] }
  /** No map on the board, so nothing to keep; go ahead. */
  | { status: 'nothing-to-save' }
  /** History is off in this browser (private mode, closed by another tab…); go ahead, say so. */
  | { status: 'unavailable'; message: string }
  /** The disk is full: nothing was written; stop before changing the board and show this. */
  | { status: 'failed'; kind: 'quota'; message: string };

/** Whether a bulk change may go ahead after its automatic snapshot. */
export const mayProceed = (
  result: AutoSnapshotResult,
): result is Exclude<AutoSnapshotResult, { status: 'failed' }> => result.status !== 'failed';

/**
 * The automatic snapshot other use cases (tag by position, apply clusters, import) take before a
 * bulk change. It never blocks the change because history is off; a full disk is reported (the
 * caller stops, as storage/CONTEXT.md asks, since nothing would be kept to go back to).
 * Authors follow the facilitator's export setting. Never throws.
 */
export async function takeAutoSnapshot(
  workshop: Workshop,
  reason: string,
  options: { items?: readonly BoardItem[]; now?: () => Date } & SnapshotScope = {},
): Promise<AutoSnapshotResult> {
  const db = workshop.local.db;
  if (!db) return { status: 'unavailable', message: unavailable(workshop).message };
  let includeAuthors = false;
  try {
    includeAuthors = await createSettingsStore(db).get('exportIncludeAuthors');
  } catch {
    // A setting that cannot be read falls back to its default, the private choice.
  }
  let saved: Stored<SavedSnapshots>;
  try {
    saved = await saveSnapshot(workshop, 'auto', { ...options, reason, includeAuthors });
  } catch (error) {
    // Reading the board failed: the change itself will meet the same problem and report it. The
    // reason alone: the panel's words put "No automatic snapshot:" in front (noSnapshotNote).
    return { status: 'unavailable', message: errorMessage(error) };
  }
  if (saved.ok) return { status: 'saved', ...saved.value };
  if (saved.kind === 'no-map') return { status: 'nothing-to-save' };
  if (saved.kind === 'quota') return { status: 'failed', kind: 'quota', message: saved.message };
  return { status: 'unavailable', message: saved.message };
}

/** This board's snapshots, newest first; of one map when `mapId` is given. */
export async function listSnapshots(
  workshop: Workshop,
  mapId?: string,
): Promise<Stored<SnapshotMeta[]>> {
  const store = snapshotStore(workshop);
  if (!store) return unavailable(workshop);
  const listed = await attempt(
    () => store.list({ boardId: workshop.info.id }),
    'read the snapshot history',
  );
  if (!listed.ok || mapId === undefined) return listed;
  return { ok: true, value: listed.value.filter((s) => s.mapId === mapId) };
}

export interface LoadedSnapshot {
  meta: SnapshotMeta;
  file: JourneyMapFile;
  warnings: string[];
}

/** A snapshot's map, through the same `restore()` as an imported file. */
export async function getSnapshot(workshop: Workshop, id: string): Promise<Stored<LoadedSnapshot>> {
  const store = snapshotStore(workshop);
  if (!store) return unavailable(workshop);
  const found = await attempt(() => store.get(id), 'read the snapshot');
  if (!found.ok) return found;
  if (!found.value) return { ok: false, kind: 'unreadable', message: 'This snapshot was deleted.' };
  const { payload, ...meta } = found.value;
  const restored = restore(payload);
  if (!restored.ok)
    return {
      ok: false,
      kind: 'unreadable',
      message: `This snapshot cannot be read: ${restored.message}`,
    };
  return { ok: true, value: { meta, file: restored.file, warnings: restored.warnings } };
}

export async function deleteSnapshot(workshop: Workshop, id: string): Promise<Stored<boolean>> {
  const store = snapshotStore(workshop);
  if (!store) return unavailable(workshop);
  return attempt(() => store.delete(id), 'delete the snapshot');
}

export interface HistoryUsage {
  /** Every board's snapshots in this browser: the budget is shared. */
  count: number;
  bytes: number;
  autoCount: number;
  autoBytes: number;
  budget: SnapshotBudget;
  /** Rows that are not readable snapshots: not shown, not counted, deletable (issue 10 §7). */
  damaged: number;
  /** What the browser says this site stores in all and may store; absent when it does not say. */
  browser?: StorageEstimateFigures;
}

export async function snapshotUsage(workshop: Workshop): Promise<Stored<HistoryUsage>> {
  const db = workshop.local.db;
  const store = snapshotStore(workshop);
  if (!db || !store) return unavailable(workshop);
  return attempt(async () => {
    const [usage, budget, damaged, browser] = await Promise.all([
      store.usage(),
      createSettingsStore(db).get('snapshotBudget'),
      store.damaged(),
      estimateStorage(),
    ]);
    return { ...usage, budget, damaged: damaged.length, ...(browser ? { browser } : {}) };
  }, 'read the snapshot history');
}

/** Deletes the history rows that are not readable snapshots; good ones are never touched. */
export async function deleteDamagedSnapshots(workshop: Workshop): Promise<Stored<number>> {
  const store = snapshotStore(workshop);
  if (!store) return unavailable(workshop);
  return attempt(async () => {
    const damaged = await store.damaged();
    return store.deleteDamaged(damaged.map((d) => d.key));
  }, 'delete damaged snapshot records');
}
