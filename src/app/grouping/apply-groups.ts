/**
 * Apply a grouping to the board, resume it, undo it (issue 4 §4). Order: automatic snapshot →
 * journal record (every moved note's prior position and colour, the labels to make, the stored
 * groups before) BEFORE the first write → one batch (one update per note moved, one create per
 * label) → `addCreated(label ids)` → the groups stored on the board → `markApplied`. A batch that
 * stops partway leaves the entry pending: "Resume" finishes it, "Undo" reverts what was done. Undo
 * works from the journal alone, so it survives closing the panel.
 */
import { errorMessage, isRecord } from '../../domain/common';
import type {
  BatchProgress,
  Board,
  BoardItem,
  OpFailure,
  PaletteColor,
  Rect,
  WriteOp,
} from '../../board/port';
import { batchStatus, succeeded, type BatchStatus } from '../../board/batch-result';
import { isPaletteColor, sameCentre } from '../../domain/board/board-item';
import {
  freeSpaceFor,
  groupMoves,
  placeGroupsAt,
  placeGroupsInArea,
  samePosition,
  type ApplyGroupsSettings,
  type GroupArea,
  type GroupMovesExtras,
  type GroupMovesInput,
  type LabelEntry,
  type MovedNoteEntry,
  type PlacedGroups,
  type Spot,
} from '../../domain/grouping-layout/plan-group-moves';
import type { JournalEntry, JournalStore } from '../../storage';
import { ensureStageTags } from '../stages/stage-tags';
import {
  loadAppliedGroups,
  mergeAppliedGroups,
  parseAppliedGroups,
  saveAppliedGroups,
  type AppliedGroups,
} from './applied-groups';
import type { GroupingPreview } from '../../domain/clustering/grouping-preview';

export const APPLY_GROUPS = 'apply-groups';
export const LABEL_ROLE = 'group-label';
const LABEL_FONT_SIZE = 28;

/** The journal's record of the stored groups, beside the notes moved and the labels made. */
export interface RecordEntry {
  kind: 'groups';
  mapId: string | null;
  /** The stored groups before, to put back on undo (null: there were none). */
  before: AppliedGroups | null;
  /** What apply stores once the batch is through. */
  after: AppliedGroups;
}
/** Journal entries (opaque JSON in storage, parsed back on resume and undo). */
export type GroupsJournalEntry = MovedNoteEntry | LabelEntry | RecordEntry;

export interface ApplyPlan {
  notes: MovedNoteEntry[];
  labels: LabelEntry[];
  record: RecordEntry;
  /** Where the groups went: inside the lane or cell, or free space (also after a misfit). */
  placedIn: PlacedGroups['placedIn'];
  /** Said to the facilitator: e.g. the groups did not fit in the cell. */
  notices: string[];
}

export interface PlanInput extends GroupMovesExtras {
  preview: GroupingPreview;
  /** The notes as they are now (at least every note of the preview). */
  notes: readonly BoardItem[];
  mapId: string | null;
  /** Inside the lane or cell; null: free space. */
  area: GroupArea | null;
  /** Where to look for free space (the map's frame, or the notes). */
  anchor: Rect | null;
  settings: ApplyGroupsSettings;
  now?: () => Date;
}

/**
 * Lays the preview out and works out every write, without writing (the rules are
 * `domain/grouping-layout/plan-group-moves.ts`): the board is asked for free space when the
 * groups do not fit the area, and for the groups stored before, which undo puts back.
 */
export async function planApplyGroups(board: Board, input: PlanInput): Promise<ApplyPlan> {
  const { preview } = input;
  const moves: GroupMovesInput = {
    groups: preview.groups,
    pinned: new Set(Object.keys(preview.pinned)),
    notes: input.notes,
    settings: input.settings,
  };
  const notices: string[] = [];
  let placed = input.area ? placeGroupsInArea(moves, input.area) : null;
  if (input.area && !placed)
    notices.push('The groups do not fit inside the lane, so they go to free space beside the map.');
  placed ??= placeGroupsAt(
    moves,
    await board.findEmptySpace(freeSpaceFor(moves), input.anchor ?? undefined),
  );
  const { notes, labels, fixedLeft: left } = groupMoves(moves, placed, input);
  if (left > 0)
    notices.push(
      `${left === 1 ? 'An emoji or drawing' : `${left} emoji or drawings`} on moved notes stay where ${left === 1 ? 'it is' : 'they are'}: the board does not let apps move ${left === 1 ? 'it' : 'them'}. Move ${left === 1 ? 'it' : 'them'} by hand if needed.`,
    );

  const appliedAt = (input.now?.() ?? new Date()).toISOString();
  const stamp = Date.parse(appliedAt).toString(36);
  const after: AppliedGroups = {
    version: 1,
    mapId: input.mapId,
    appliedAt,
    clusters: preview.groups
      .filter((g) => !g.unsorted)
      .map((g, i) => ({
        id: `c${stamp}-${i + 1}`,
        label: g.label,
        keywords: [...g.keywords],
        memberIds: [...g.noteIds],
      })),
  };
  const before = await loadAppliedGroups(board, input.mapId);
  return {
    notes,
    labels,
    record: { kind: 'groups', mapId: input.mapId, before, after },
    placedIn: placed.placedIn,
    notices,
  };
}

const labelOp = (label: LabelEntry, i: number, mapId: string | null): WriteOp => ({
  op: 'create',
  ref: `label-${i}`,
  item: { kind: 'text', text: label.text, rect: label.rect, fontSize: LABEL_FONT_SIZE },
  meta: { m: mapId ?? 'board', r: LABEL_ROLE, k: label.groupId },
});

const moveOp = (id: string, to: Spot, from: Spot): WriteOp => ({
  op: 'update',
  id,
  patch: {
    rect: { x: to.x, y: to.y },
    ...(to.color !== null && to.color !== from.color ? { color: to.color } : {}),
  },
});

/** Stage tags first (a tag op needs its tag to exist), one per note that needs one. */
function stageTagOps(
  notes: readonly MovedNoteEntry[],
  onBoard?: Map<string, BoardItem>,
): WriteOp[] {
  const tagged = notes.filter(
    (n) => n.stageTag !== undefined && !(onBoard?.get(n.id)?.tags.includes(n.stageTag) ?? false),
  );
  if (tagged.length === 0) return [];
  return [
    ...ensureStageTags(tagged.map((n) => n.stageTag as string)),
    ...tagged.map((n) => ({ op: 'tag' as const, id: n.id, add: [n.stageTag as string] })),
  ];
}

export interface BatchHooks {
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
}

export interface ApplyGroupsOptions extends BatchHooks {
  boardId: string;
  /** Null without IndexedDB: the grouping is applied but cannot be undone. */
  journal: JournalStore | null;
  /** The automatic snapshot; a rejection stops before the first write. */
  beforeBulkChange?: () => Promise<void>;
}

export type ApplyOutcome =
  | { status: 'nothing-to-do' }
  | { status: 'refused'; message: string }
  | {
      status: BatchStatus;
      moved: number;
      labels: number;
      planned: number;
      failed: OpFailure[];
      /** Ops known to be written (for the live view); empty after a cancel. */
      applied: WriteOp[];
      journalId: number | null;
      notices: string[];
    };

async function runBatch(
  board: Board,
  journal: JournalStore | null,
  journalId: number | null,
  ops: WriteOp[],
  record: RecordEntry,
  hooks: BatchHooks,
) {
  const result = await board.apply(ops, { onProgress: hooks.onProgress, signal: hooks.signal });
  const created = Object.values(result.ids);
  if (journal && journalId !== null && created.length > 0)
    await journal.addCreated(journalId, created).catch(() => undefined);
  let complete = !result.cancelled && result.failed.length === 0;
  // The board is done; what is left is bookkeeping. If it fails, the entry stays pending, so
  // "Resume" records it (an outcome says so: never a thrown error).
  let saveProblem: string | null = null;
  if (complete) {
    try {
      await saveAppliedGroups(board, record.mapId, mergeAppliedGroups(record.before, record.after));
      if (journal && journalId !== null) await journal.markApplied(journalId);
    } catch (error) {
      complete = false;
      saveProblem = `The notes are grouped on the board, but the groups could not be recorded (${errorMessage(error)}); “Resume” records them.`;
    }
  }
  return { result, created, complete, saveProblem };
}

export async function applyGroups(
  board: Board,
  plan: ApplyPlan,
  options: ApplyGroupsOptions,
): Promise<ApplyOutcome> {
  if (plan.notes.length === 0 && plan.labels.length === 0) return { status: 'nothing-to-do' };
  try {
    await options.beforeBulkChange?.();
  } catch (error) {
    return {
      status: 'refused',
      message: `No automatic snapshot could be saved, so nothing was moved. ${errorMessage(error)}`,
    };
  }
  let journalId: number | null = null;
  if (options.journal) {
    try {
      const entries: GroupsJournalEntry[] = [...plan.notes, ...plan.labels, plan.record];
      journalId = (
        await options.journal.record({
          boardId: options.boardId,
          operation: APPLY_GROUPS,
          entries,
        })
      ).id;
    } catch (error) {
      return {
        status: 'refused',
        message: `The undo history could not be saved, so nothing was moved. ${errorMessage(error)}`,
      };
    }
  }
  const ops = [
    ...stageTagOps(plan.notes),
    ...plan.notes.map((n) => moveOp(n.id, n.after, n.before)),
    ...plan.labels.map((l, i) => labelOp(l, i, plan.record.mapId)),
  ];
  const { result, created, saveProblem } = await runBatch(
    board,
    options.journal,
    journalId,
    ops,
    plan.record,
    options,
  );
  const applied = succeeded(ops, result);
  const planned = plan.notes.filter((n) => n.on === undefined);
  return {
    status: batchStatus(result, saveProblem !== null),
    moved: result.cancelled
      ? Math.min(planned.length, result.done)
      : countNotes(applied, plan.notes),
    labels: created.length,
    planned: planned.length,
    failed: result.failed,
    applied,
    journalId,
    notices: saveProblem ? [...plan.notices, saveProblem] : plan.notices,
  };
}

/** Notes among the updates written (the dots that travelled with them are not counted). */
function countNotes(applied: readonly WriteOp[], entries: readonly MovedNoteEntry[]): number {
  const dots = new Set(entries.filter((n) => n.on !== undefined).map((n) => n.id));
  return applied.filter((op) => op.op === 'update' && !dots.has(op.id)).length;
}

// Parsing journal entries back: they are `unknown` until checked.
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
function toSpot(v: unknown): Spot | null {
  if (!isRecord(v) || !num(v.x) || !num(v.y)) return null;
  return { x: v.x, y: v.y, color: isPaletteColor(v.color) ? v.color : null };
}

export interface ParsedJournal {
  notes: MovedNoteEntry[];
  labels: LabelEntry[];
  record: RecordEntry | null;
}

export function parseGroupsJournal(entries: readonly unknown[]): ParsedJournal {
  const parsed: ParsedJournal = { notes: [], labels: [], record: null };
  for (const raw of entries) {
    if (!isRecord(raw)) continue;
    if (raw.kind === 'note' && typeof raw.id === 'string') {
      const before = toSpot(raw.before);
      const after = toSpot(raw.after);
      if (before && after) {
        const entry: MovedNoteEntry = { kind: 'note', id: raw.id, before, after };
        if (typeof raw.stageTag === 'string') entry.stageTag = raw.stageTag;
        if (typeof raw.on === 'string') entry.on = raw.on;
        parsed.notes.push(entry);
      }
    } else if (raw.kind === 'label' && typeof raw.text === 'string' && isRecord(raw.rect)) {
      const r = raw.rect;
      if (num(r.x) && num(r.y) && num(r.w) && num(r.h) && r.w > 0 && r.h > 0)
        parsed.labels.push({
          kind: 'label',
          groupId: typeof raw.groupId === 'string' ? raw.groupId : '',
          text: raw.text,
          rect: { x: r.x, y: r.y, w: r.w, h: r.h },
        });
    } else if (raw.kind === 'groups') {
      const after = raw.after;
      if (!isRecord(after)) continue;
      const mapId = typeof raw.mapId === 'string' ? raw.mapId : null;
      parsed.record = {
        kind: 'groups',
        mapId,
        before: raw.before === null ? null : parseAppliedGroups(raw.before),
        after: parseAppliedGroups(after) ?? { version: 1, mapId, appliedAt: '', clusters: [] },
      };
    }
  }
  return parsed;
}

/** The newest grouping of this board that is not undone yet (pending or applied). */
export async function findGroupingEntry(
  journal: JournalStore,
  boardId: string,
): Promise<JournalEntry | undefined> {
  return (await journal.list(boardId)).find(
    (e) => e.operation === APPLY_GROUPS && e.status !== 'undone',
  );
}

export type ResumeOutcome =
  | { status: 'nothing-to-resume' }
  | {
      status: BatchStatus;
      moved: number;
      failed: OpFailure[];
      applied: WriteOp[];
    };

/** Ids among `ids` that are still on the board. */
/**
 * The labels a run made that are still on the board: those journaled as they came back, and
 * those whose answer never came (a lost response, a closed panel), found by the planned label's
 * text and place, so Resume does not make them twice and Undo does not leave them behind.
 */
async function labelsMade(
  board: Board,
  created: readonly string[],
  planned: readonly LabelEntry[],
): Promise<string[]> {
  if (created.length === 0 && planned.length === 0) return [];
  const texts = await board.listItems(['text']);
  const journaled = new Set(created);
  return texts
    .filter(
      (t) =>
        journaled.has(t.id) || planned.some((l) => l.text === t.text && sameCentre(l.rect, t.rect)),
    )
    .map((t) => t.id);
}

/**
 * Finishes a grouping whose batch stopped partway: notes not yet where the plan put them move,
 * and the labels are made again (the ones made before are removed first: the journal keeps their
 * ids, not which group each was for).
 */
export async function resumeGroups(
  board: Board,
  journal: JournalStore,
  boardId: string,
  hooks: BatchHooks = {},
): Promise<ResumeOutcome> {
  const entry = await findGroupingEntry(journal, boardId);
  if (!entry || entry.status !== 'pending') return { status: 'nothing-to-resume' };
  const parsed = parseGroupsJournal(entry.entries);
  if (!parsed.record) return { status: 'nothing-to-resume' };
  const now = new Map((await board.listItems(['note', 'dot'])).map((n) => [n.id, n]));
  const moves = parsed.notes.flatMap((n) => {
    const note = now.get(n.id);
    if (!note) return [];
    const there =
      samePosition(note.rect, n.after) && (n.after.color === null || note.color === n.after.color);
    const from: Spot = { x: note.rect.x, y: note.rect.y, color: note.color };
    return there ? [] : [moveOp(n.id, n.after, from)];
  });
  const removals: WriteOp[] = (await labelsMade(board, entry.created, parsed.labels)).map((id) => ({
    op: 'remove',
    id,
  }));
  const present = parsed.notes.filter((n) => now.has(n.id));
  const ops = [
    ...stageTagOps(present, now),
    ...moves,
    ...removals,
    ...parsed.labels.map((l, i) => labelOp(l, i, parsed.record?.mapId ?? null)),
  ];
  const { result, saveProblem } = await runBatch(
    board,
    journal,
    entry.id,
    ops,
    parsed.record,
    hooks,
  );
  const applied = succeeded(ops, result);
  return {
    status: batchStatus(result, saveProblem !== null),
    moved: countNotes(applied, parsed.notes),
    failed: result.failed,
    applied,
  };
}

export type UndoOutcome =
  | { status: 'nothing-to-undo' }
  | {
      status: BatchStatus;
      restored: number;
      removedLabels: number;
      failed: OpFailure[];
      applied: WriteOp[];
    };

/**
 * Puts every moved note back where it was, with its colour, and removes the labels, from the
 * journal alone. Notes deleted since are skipped. Until the whole batch went through the entry
 * stays undoable, so "Undo" can be pressed again after a failure halfway.
 */
export async function undoGroups(
  board: Board,
  journal: JournalStore,
  boardId: string,
  hooks: BatchHooks = {},
): Promise<UndoOutcome> {
  const entry = await findGroupingEntry(journal, boardId);
  if (!entry) return { status: 'nothing-to-undo' };
  const parsed = parseGroupsJournal(entry.entries);
  const now = new Map((await board.listItems(['note', 'dot'])).map((n) => [n.id, n]));
  const moves: WriteOp[] = parsed.notes.flatMap((n) => {
    const note = now.get(n.id);
    if (!note) return [];
    const patch: { rect: Partial<Rect>; color?: PaletteColor } = {
      rect: { x: n.before.x, y: n.before.y },
    };
    if (n.before.color !== null && note.color !== n.before.color) patch.color = n.before.color;
    return [{ op: 'update' as const, id: n.id, patch }];
  });
  const untag: WriteOp[] = parsed.notes.flatMap((n) =>
    n.stageTag !== undefined && now.get(n.id)?.tags.includes(n.stageTag)
      ? [{ op: 'tag' as const, id: n.id, remove: [n.stageTag] }]
      : [],
  );
  const labels = await labelsMade(board, entry.created, parsed.labels);
  const ops: WriteOp[] = [
    ...moves,
    ...untag,
    ...labels.map((id) => ({ op: 'remove' as const, id })),
  ];
  const result =
    ops.length > 0
      ? await board.apply(ops, { onProgress: hooks.onProgress, signal: hooks.signal })
      : { done: 0, failed: [], cancelled: false, ids: {} };
  const complete = !result.cancelled && result.failed.length === 0;
  if (complete) {
    if (parsed.record && entry.status === 'applied')
      await saveAppliedGroups(board, parsed.record.mapId, parsed.record.before);
    await journal.markUndone(entry.id);
  }
  const applied = succeeded(ops, result);
  return {
    status: batchStatus(result),
    restored: result.cancelled ? 0 : countNotes(applied, parsed.notes),
    removedLabels: applied.filter((op) => op.op === 'remove').length,
    failed: result.failed,
    applied,
  };
}
