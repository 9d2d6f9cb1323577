/**
 * One panel's Stages tab on one board: the live view plus the use cases, which reflect their own
 * writes in the view at once. Storage is optional: without IndexedDB tagging works and undo is
 * not offered, with the reason.
 */
import type { BatchProgress, Board, WriteOp } from '../../board/port';
import { createJournalStore, type JournalStore, type TouchpointDatabase } from '../../storage';
import { createStageView, type StageView } from './stage-view';
import {
  findTagByPositionUndo,
  tagByPosition,
  undoScopeOf,
  undoTagByPosition,
  type BulkChange,
  type UndoScope,
  type TagByPositionOutcome,
  type UndoOutcome,
} from './tag-by-position';
import { fixConflict, tagNotesWithStage, type ConflictFix, type TagOutcome } from './tag-notes';

export interface StagesSessionOptions {
  boardId: string;
  /** This browser's IndexedDB, or null with `storageProblem` saying why. */
  db: TouchpointDatabase | null;
  storageProblem?: string | null;
  /** Automatic snapshot before a bulk change; see `TagByPositionOptions.beforeBulkChange`. */
  beforeBulkChange?: (change: BulkChange) => Promise<void>;
}

export type UndoStatus =
  { available: true; notes: number; at: number } | { available: false; reason: string | null };

export interface BatchHooks {
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
}

export interface StagesSession {
  readonly view: StageView;
  tagSelection(mapId: string, stageId: string): Promise<TagOutcome>;
  fixConflict(mapId: string, noteId: string, fix: ConflictFix): Promise<TagOutcome>;
  selectNotes(ids: readonly string[]): Promise<void>;
  tagByPosition(mapId: string, hooks?: BatchHooks): Promise<TagByPositionOutcome>;
  /** `mapId`: that map's newest tagging (issue 9 §4); the board's newest when left out. */
  undoStatus(mapId?: string): Promise<UndoStatus>;
  undoTagByPosition(hooks?: BatchHooks, mapId?: string): Promise<UndoOutcome>;
  close(): void;
}

export const NO_STORAGE_REASON =
  'Undo needs this browser’s storage (IndexedDB), which is not available here.';

export function createStagesSession(board: Board, options: StagesSessionOptions): StagesSession {
  const view = createStageView(board);
  const journal: JournalStore | null = options.db ? createJournalStore(options.db) : null;

  /** The map's undo scope; a map the view does not know (yet) has one by id alone. */
  const scopeOf = (mapId: string | undefined): UndoScope | undefined => {
    if (mapId === undefined) return undefined;
    const map = view.map(mapId);
    return map ? undoScopeOf(map.context) : { mapId, titles: new Set() };
  };
  const mapOf = (mapId: string) => {
    const map = view.map(mapId);
    if (!map) throw new Error('This map is no longer on the board.');
    return map;
  };

  /** Shows what a batch wrote; after a cancel, reads the board since it cannot say. */
  const settle = async (applied: readonly WriteOp[], cancelled: boolean): Promise<void> => {
    view.reflect(applied);
    if (cancelled) await view.refresh();
  };

  return {
    view,
    async tagSelection(mapId, stageId) {
      const { context } = mapOf(mapId);
      const outcome = await tagNotesWithStage(board, context, await board.selection(), stageId);
      await settle(outcome.applied, outcome.cancelled);
      return outcome;
    },
    async fixConflict(mapId, noteId, fix) {
      const { context } = mapOf(mapId);
      const note = view.item(noteId);
      if (!note) throw new Error('This note is no longer on the board.');
      const outcome = await fixConflict(board, context, note, fix);
      await settle(outcome.applied, outcome.cancelled);
      return outcome;
    },
    selectNotes: (ids) => board.select([...ids]),
    async tagByPosition(mapId, hooks = {}) {
      const { context } = mapOf(mapId);
      const items = view.items();
      const outcome = await tagByPosition(board, context, items, {
        boardId: options.boardId,
        journal,
        beforeBulkChange: options.beforeBulkChange,
        ...hooks,
      });
      if (outcome.status !== 'nothing-to-do' && outcome.status !== 'refused')
        await settle(outcome.applied, outcome.status === 'cancelled');
      return outcome;
    },
    async undoStatus(mapId) {
      if (!journal)
        return { available: false, reason: options.storageProblem ?? NO_STORAGE_REASON };
      const entry = await findTagByPositionUndo(journal, options.boardId, scopeOf(mapId));
      return entry
        ? { available: true, notes: entry.entries.length, at: entry.createdAt }
        : { available: false, reason: null };
    },
    async undoTagByPosition(hooks = {}, mapId) {
      if (!journal) return { status: 'nothing-to-undo' };
      const scope = scopeOf(mapId);
      const outcome = await undoTagByPosition(board, journal, options.boardId, {
        ...hooks,
        ...(scope ? { scope } : {}),
        // Before the first read the view knows no notes: then write every entry back.
        current: view.state().status === 'ready' ? (id) => view.item(id) : undefined,
      });
      if (outcome.status !== 'nothing-to-undo' && outcome.status !== 'blocked')
        await settle(outcome.applied, outcome.status === 'cancelled');
      return outcome;
    },
    close: () => view.close(),
  };
}
