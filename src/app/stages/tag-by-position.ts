/**
 * "Tag by position": every note in the map that has no stage tag gets the tag of the cell it sits
 * in, in one batch with progress. Before the first write the notes' prior tags go to the undo
 * journal (IndexedDB), so "Undo" works after a failure halfway or a closed panel; an automatic
 * snapshot can be taken first through `beforeBulkChange`.
 */
import { errorMessage } from '../../domain/common';
import type { BatchProgress, Board, BoardItem, OpFailure, WriteOp } from '../../board/port';
import { decideStage, stageTitlesOf, type StageContext } from '../../domain/stages/decide-stage';
import type { JournalEntry, JournalStore } from '../../storage';
import { batchStatus, succeeded, type BatchStatus } from '../../board/batch-result';
import { ensureStageTags, stageTitleOf } from './stage-tags';

export const TAG_BY_POSITION = 'tag-by-position';

/** One journal entry per changed note: its tags before, and what the batch added. */
export interface TagJournalEntry {
  id: string;
  before: string[];
  added: string[];
  /** The map whose tagging this was (entries from before several maps were told apart: none). */
  mapId?: string;
}

/** Which map an undo is for: its id, and its own stage-tag titles (to place older entries). */
export interface UndoScope {
  mapId: string;
  titles: ReadonlySet<string>;
}

/** The map's own stage-tag titles, for `UndoScope`. */
export const undoScopeOf = (ctx: StageContext): UndoScope => ({
  mapId: ctx.geometry.spec.id,
  titles: new Set(stageTitlesOf(ctx.geometry).values()),
});

/** What an automatic snapshot needs to know about the change it precedes. */
export interface BulkChange {
  boardId: string;
  mapId: string;
  reason: string;
  noteIds: string[];
}

export interface TagByPositionOptions {
  boardId: string;
  /** Null when this browser has no IndexedDB: the change runs, but cannot be undone. */
  journal: JournalStore | null;
  /**
   * Hook for an automatic snapshot before the change (issue 3 §4). A rejection stops the change
   * before its first write, so a full disk never leaves a bulk change without its snapshot.
   */
  beforeBulkChange?: (change: BulkChange) => Promise<void>;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
}

export type TagByPositionOutcome =
  | { status: 'nothing-to-do' }
  /** Nothing was written: the journal or the snapshot could not be saved. */
  | { status: 'refused'; message: string }
  | {
      status: BatchStatus;
      /** Notes that got their stage tag (after a cancel: how many ops ran, less the tag creations). */
      tagged: number;
      /** Notes the plan meant to tag. */
      planned: number;
      failed: OpFailure[];
      /** Ops known to be written; empty after a cancel (read the board again then). */
      applied: WriteOp[];
      /** The journal entry that "Undo" reverts; null without storage. */
      journalId: number | null;
    };

export interface TagByPositionPlan {
  ops: WriteOp[];
  entries: TagJournalEntry[];
}

/** Notes inside a cell with no stage tag of this map → the cell's stage tag. */
export function planTagByPosition(
  items: readonly BoardItem[],
  ctx: StageContext,
): TagByPositionPlan {
  const titles = new Set<string>();
  const tagOps: WriteOp[] = [];
  const entries: TagJournalEntry[] = [];
  for (const item of items) {
    if (item.kind !== 'note') continue;
    const decision = decideStage(item, ctx);
    if (decision.stageSource !== 'position' || decision.stageId === null) continue;
    const title = stageTitleOf(ctx, decision.stageId);
    if (title === null) continue;
    titles.add(title);
    tagOps.push({ op: 'tag', id: item.id, add: [title] });
    entries.push({
      id: item.id,
      before: [...item.tags],
      added: [title],
      mapId: ctx.geometry.spec.id,
    });
  }
  return { ops: [...ensureStageTags(titles, ctx.geometry), ...tagOps], entries };
}

export async function tagByPosition(
  board: Board,
  ctx: StageContext,
  items: readonly BoardItem[],
  options: TagByPositionOptions,
): Promise<TagByPositionOutcome> {
  const plan = planTagByPosition(items, ctx);
  if (plan.entries.length === 0) return { status: 'nothing-to-do' };
  const mapId = ctx.geometry.spec.id;

  try {
    await options.beforeBulkChange?.({
      boardId: options.boardId,
      mapId,
      reason: 'before tag by position',
      noteIds: plan.entries.map((e) => e.id),
    });
  } catch (error) {
    return {
      status: 'refused',
      message: `No automatic snapshot could be saved, so nothing was tagged. ${errorMessage(error)}`,
    };
  }

  let journalId: number | null = null;
  if (options.journal) {
    try {
      const entry = await options.journal.record({
        boardId: options.boardId,
        operation: TAG_BY_POSITION,
        entries: plan.entries,
      });
      journalId = entry.id;
    } catch (error) {
      return {
        status: 'refused',
        message: `The undo history could not be saved, so nothing was tagged. ${errorMessage(error)}`,
      };
    }
  }

  const result = await board.apply(plan.ops, {
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const applied = succeeded(plan.ops, result);
  // A pending entry is undoable too; "applied" just says the batch ran to its end.
  if (journalId !== null && !result.cancelled)
    await options.journal?.markApplied(journalId).catch(() => undefined);
  // After a cancel the board does not say which ops ran; ensureTag ops run before any tag op.
  const tagged = result.cancelled
    ? Math.max(0, result.done - (plan.ops.length - plan.entries.length))
    : applied.filter((op) => op.op === 'tag').length;
  return {
    status: batchStatus(result),
    tagged,
    planned: plan.entries.length,
    failed: result.failed,
    applied,
    journalId,
  };
}

function parseTagJournalEntry(value: unknown): TagJournalEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, before, added, mapId } = value as Record<string, unknown>;
  const strings = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (typeof id !== 'string' || !strings(before) || !strings(added)) return null;
  return typeof mapId === 'string' ? { id, before, added, mapId } : { id, before, added };
}

/**
 * Whether a journal entry is the scope's map's: its entries name the map; an entry from before
 * they did is the map's when every tag it added is one of the map's own stage tags.
 */
function isOfMap(entry: JournalEntry, scope: UndoScope): boolean {
  if (!Array.isArray(entry.entries)) return true;
  const parsed = entry.entries.map(parseTagJournalEntry);
  // A damaged row is shown (and blocks only itself) whichever map is looked at.
  if (parsed.some((p) => p === null)) return true;
  return parsed.every((p) =>
    p!.mapId !== undefined ? p!.mapId === scope.mapId : p!.added.every((t) => scope.titles.has(t)),
  );
}

/** The newest "Tag by position" of this board (of the scope's map, when given) not undone yet. */
export async function findTagByPositionUndo(
  journal: JournalStore,
  boardId: string,
  scope?: UndoScope,
): Promise<JournalEntry | undefined> {
  return (await journal.list(boardId)).find(
    (e) =>
      e.operation === TAG_BY_POSITION &&
      e.status !== 'undone' &&
      (scope === undefined || isOfMap(e, scope)),
  );
}

export type UndoOutcome =
  | { status: 'nothing-to-undo' }
  /** The journal entry cannot be read: nothing was changed, and other entries stay undoable. */
  | { status: 'blocked'; message: string }
  | {
      status: BatchStatus;
      restored: number;
      failed: OpFailure[];
      applied: WriteOp[];
    };

/**
 * Puts back the tags the notes had before: each added tag comes off again unless the note had it
 * before. Tags anybody changed meanwhile on other titles are left as they are.
 */
export async function undoTagByPosition(
  board: Board,
  journal: JournalStore,
  boardId: string,
  options: {
    onProgress?: (p: BatchProgress) => void;
    signal?: AbortSignal;
    /**
     * The notes as known now: notes since deleted, and notes without the added tag (a cancelled
     * batch never reached them), are skipped rather than written to in vain.
     */
    current?: (id: string) => BoardItem | undefined;
    /** Undo this map's newest tagging only (issue 9 §4); the board's newest when left out. */
    scope?: UndoScope;
  } = {},
): Promise<UndoOutcome> {
  let entry: JournalEntry | undefined;
  try {
    entry = await findTagByPositionUndo(journal, boardId, options.scope);
  } catch (error) {
    return {
      status: 'blocked',
      message: `Nothing was undone: the undo history could not be read (${errorMessage(error)}).`,
    };
  }
  if (!entry) return { status: 'nothing-to-undo' };
  const parsedEntries = Array.isArray(entry.entries)
    ? entry.entries.map(parseTagJournalEntry)
    : [null];
  if (parsedEntries.some((p) => p === null)) {
    return {
      status: 'blocked',
      message: `Nothing was undone: the undo record of this "Tag by position" (entry ${entry.id}) is damaged, so its prior tags are unknown. The tags on the board were left as they are.`,
    };
  }
  const ops: WriteOp[] = parsedEntries.flatMap((parsed) => {
    if (!parsed) return [];
    let remove = parsed.added.filter((t) => !parsed.before.includes(t));
    if (options.current) {
      const tags = options.current(parsed.id)?.tags ?? [];
      remove = remove.filter((t) => tags.includes(t));
    }
    return remove.length > 0 ? [{ op: 'tag' as const, id: parsed.id, remove }] : [];
  });
  const result =
    ops.length > 0
      ? await board.apply(ops, { onProgress: options.onProgress, signal: options.signal })
      : { done: 0, failed: [], cancelled: false, ids: {} };
  // Only a complete undo closes the entry: after a failure or a cancel the rest stays
  // undoable (each op removes a tag only where it is still on the note, so a retry is safe).
  // If closing it fails, it stays undoable; undoing it again changes nothing.
  if (!result.cancelled && result.failed.length === 0)
    await journal.markUndone(entry.id).catch(() => undefined);
  const applied = succeeded(ops, result);
  return {
    status: batchStatus(result),
    restored: result.cancelled ? result.done : applied.length,
    failed: result.failed,
    applied,
  };
}
