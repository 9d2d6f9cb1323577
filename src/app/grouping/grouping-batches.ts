/**
 * The Group session's board batches: apply a preview in its scope, resume or undo the last one
 * with the journal, and whether undo is offered. Each batch ends by showing in the live view what
 * it wrote.
 */
import type { Board, BoardItem, WriteOp } from '../../board/port';
import type { GroupingPreview } from '../../domain/clustering/grouping-preview';
import type { ApplyGroupsSettings } from '../../domain/grouping-layout/plan-group-moves';
import { decideStage } from '../../domain/stages/decide-stage';
import type { JournalStore } from '../../storage';
import { stageTitleOf } from '../stages/stage-tags';
import type { StageMapView, StageView } from '../stages/stage-view';
import {
  applyGroups,
  findGroupingEntry,
  parseGroupsJournal,
  planApplyGroups,
  resumeGroups,
  undoGroups,
  type ApplyOutcome,
  type BatchHooks,
  type ResumeOutcome,
  type UndoOutcome,
} from './apply-groups';
import { scopeAnchor, scopeArea, scopeMapId, type GroupingScope } from './grouping-scope';

export type GroupingUndoStatus =
  | { available: true; pending: boolean; notes: number; at: number }
  | { available: false; reason: string | null };

export interface GroupingBatchOptions {
  boardId: string;
  storageProblem?: string | null;
  /** Automatic snapshot before apply; a rejection stops before the first write. */
  beforeApply?: (noteIds: string[], mapId: string | null) => Promise<void>;
}

/** What the batches share with the session: the board, its live view, the journal, the scope's notes. */
export interface GroupingBatchContext {
  board: Board;
  view: StageView;
  journal: JournalStore | null;
  options: GroupingBatchOptions;
  notes(scope: GroupingScope): BoardItem[];
  mapOf(scope: GroupingScope): StageMapView | undefined;
}

/** Marks people put on notes that apps may move (Miro: stamps; not emoji or drawings). */
const isMovableMark = (item: BoardItem): boolean =>
  item.kind === 'other' && item.platformType === 'stamp';

export const NO_STORAGE_REASON =
  'Undo needs this browser’s storage (IndexedDB), which is not available here.';

/** A note whose stage comes from its cell alone gets that stage's tag before it moves. */
function stageTagFor(view: StageView, note: BoardItem): string | null {
  const state = view.state();
  if (state.status !== 'ready') return null;
  for (const { context } of state.maps) {
    const decision = decideStage(note, context);
    if (decision.stageSource === 'tag') return null;
    if (decision.stageSource === 'position' && decision.stageId !== null)
      return stageTitleOf(context, decision.stageId);
  }
  return null;
}

/** Shows what a batch wrote; after a cancel, reads the board since it cannot say. */
async function settle(view: StageView, applied: readonly WriteOp[], cancelled: boolean) {
  view.reflect(applied);
  if (cancelled) await view.refresh();
}

export async function applyInScope(
  { board, view, journal, options, notes, mapOf }: GroupingBatchContext,
  scope: GroupingScope,
  preview: GroupingPreview,
  settings: ApplyGroupsSettings,
  hooks: BatchHooks = {},
): Promise<ApplyOutcome> {
  const map = mapOf(scope);
  const inScope = notes(scope);
  const noteIds = preview.groups.flatMap((g) => g.noteIds);
  const wanted = new Set(noteIds);
  // Read once more: the journal must hold each note's exact position and colour now, and
  // the live view does not follow colours this panel wrote.
  const listed = await board.listItems(['note', 'dot', 'other']);
  const all = listed.filter((i) => i.kind === 'note' && wanted.has(i.id));
  const plan = await planApplyGroups(board, {
    preview,
    notes: all,
    mapId: scopeMapId(scope),
    area: scopeArea(scope, map),
    anchor: scopeAnchor(map, inScope.length > 0 ? inScope : all),
    settings,
    stageTagFor: (note) => stageTagFor(view, note),
    // Vote dots and stamps on a note travel with it; emoji and drawings cannot be moved
    // by apps, so the facilitator is told which stay behind.
    dots: listed.filter((i) => i.kind === 'dot' || isMovableMark(i)),
    fixed: listed.filter((i) => i.kind === 'other' && !isMovableMark(i)),
  });
  const outcome = await applyGroups(board, plan, {
    boardId: options.boardId,
    journal,
    beforeBulkChange: options.beforeApply
      ? () => options.beforeApply!(noteIds, scopeMapId(scope))
      : undefined,
    ...hooks,
  });
  if (outcome.status !== 'nothing-to-do' && outcome.status !== 'refused')
    await settle(view, outcome.applied, outcome.status === 'cancelled');
  return outcome;
}

export async function resumeGrouping(
  { board, view, journal, options }: GroupingBatchContext,
  hooks: BatchHooks = {},
): Promise<ResumeOutcome> {
  if (!journal) return { status: 'nothing-to-resume' };
  const outcome = await resumeGroups(board, journal, options.boardId, hooks);
  if (outcome.status !== 'nothing-to-resume')
    await settle(view, outcome.applied, outcome.status === 'cancelled');
  return outcome;
}

export async function undoGrouping(
  { board, view, journal, options }: GroupingBatchContext,
  hooks: BatchHooks = {},
): Promise<UndoOutcome> {
  if (!journal) return { status: 'nothing-to-undo' };
  const outcome = await undoGroups(board, journal, options.boardId, hooks);
  if (outcome.status !== 'nothing-to-undo')
    await settle(view, outcome.applied, outcome.status === 'cancelled');
  return outcome;
}

export async function groupingUndoStatus({
  journal,
  options,
}: GroupingBatchContext): Promise<GroupingUndoStatus> {
  if (!journal) return { available: false, reason: options.storageProblem ?? NO_STORAGE_REASON };
  const entry = await findGroupingEntry(journal, options.boardId);
  if (!entry) return { available: false, reason: null };
  return {
    available: true,
    pending: entry.status === 'pending',
    notes: parseGroupsJournal(entry.entries).notes.filter((n) => n.on === undefined).length,
    at: entry.createdAt,
  };
}
