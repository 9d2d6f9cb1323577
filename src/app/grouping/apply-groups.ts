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
import { isPaletteColor, rectCenter, rectContains } from '../../domain/board/board-item';
import { groupColor } from '../../domain/grouping-layout/group-colors';
import {
  layoutGroups,
  measureGroups,
  type GroupLayout,
  type LayoutGroup,
} from '../../domain/grouping-layout/layout-groups';
import type { JournalEntry, JournalStore } from '../../storage';
import { ensureStageTags } from '../stages/stage-tags';
import {
  loadAppliedGroups,
  mergeAppliedGroups,
  parseAppliedGroups,
  saveAppliedGroups,
  type AppliedGroups,
} from './applied-groups';
import type { GroupingPreview, PreviewGroup } from '../../domain/clustering/grouping-preview';

export const APPLY_GROUPS = 'apply-groups';
export const LABEL_ROLE = 'group-label';
const LABEL_FONT_SIZE = 28;
const LABEL_HEIGHT = 56;
const CELL_SPACING = { gap: 12, groupGap: 24, labelHeight: 40, padding: 12 };

export interface ApplyGroupsSettings {
  /** One palette colour per group (Unsorted and pinned notes keep theirs). */
  color: boolean;
  /** A text label above each group. */
  labels: boolean;
}

interface Spot {
  x: number;
  y: number;
  color: PaletteColor | null;
}

/** Journal entries (opaque JSON in storage, parsed back on resume and undo). */
export interface MovedNoteEntry {
  kind: 'note';
  id: string;
  before: Spot;
  after: Spot;
  /**
   * The stage tag added so a note placed by position only keeps its stage when it moves (to
   * another stage's cell, or out of the map); undo takes it off again.
   */
  stageTag?: string;
  /** Set on a dot-voting sticker: the note it sits on and moves with. */
  on?: string;
}
export interface LabelEntry {
  kind: 'label';
  groupId: string;
  text: string;
  rect: Rect;
}
export interface RecordEntry {
  kind: 'groups';
  mapId: string | null;
  /** The stored groups before, to put back on undo (null: there were none). */
  before: AppliedGroups | null;
  /** What apply stores once the batch is through. */
  after: AppliedGroups;
}
export type GroupsJournalEntry = MovedNoteEntry | LabelEntry | RecordEntry;

export interface ApplyPlan {
  notes: MovedNoteEntry[];
  labels: LabelEntry[];
  record: RecordEntry;
  /** Where the groups went: inside the lane or cell, or free space (also after a misfit). */
  placedIn: 'area' | 'free-space';
  /** Said to the facilitator: e.g. the groups did not fit in the cell. */
  notices: string[];
}

export interface PlanInput {
  preview: GroupingPreview;
  /** The notes as they are now (at least every note of the preview). */
  notes: readonly BoardItem[];
  mapId: string | null;
  /** Inside the lane or cell (with the strips between cells to keep clear of); null: free space. */
  area: { rect: Rect; dividers: readonly Rect[] } | null;
  /** Where to look for free space (the map's frame, or the notes). */
  anchor: Rect | null;
  settings: ApplyGroupsSettings;
  /** The stage tag a note needs to keep its stage when moved: null when its tag already says. */
  stageTagFor?: (note: BoardItem) => string | null;
  /** Dot-voting stickers and stamps: one sitting on a moved note moves with it. */
  dots?: readonly BoardItem[];
  /** Marks apps may not move (emoji, drawings): counted when they sit on a moved note. */
  fixed?: readonly BoardItem[];
  now?: () => Date;
}

const same = (a: number, b: number) => Math.abs(a - b) < 0.5;

/** Groups in the order they are laid out: left to right by where their notes are now; Unsorted last. */
function orderForLayout(groups: readonly PreviewGroup[], byId: Map<string, BoardItem>) {
  const meanX = (g: PreviewGroup) => {
    const xs = g.noteIds.flatMap((id) => {
      const n = byId.get(id);
      return n ? [rectCenter(n.rect).x] : [];
    });
    return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  return groups
    .map((g, index) => ({ g, index, x: meanX(g) }))
    .sort((a, b) =>
      a.g.unsorted !== b.g.unsorted ? (a.g.unsorted ? 1 : -1) : a.x - b.x || a.index - b.index,
    )
    .map((e) => e.g);
}

/** Notes one cell of the area holds: columns × rows of the largest note, with the cell spacing. */
function cellCapacity(
  area: NonNullable<PlanInput['area']>,
  groups: readonly LayoutGroup[],
  labelHeight: number,
): number {
  const notes = groups.flatMap((g) => g.notes);
  const w = Math.max(1, ...notes.map((n) => n.w));
  const h = Math.max(1, ...notes.map((n) => n.h));
  const first = area.dividers[0];
  const cellW = first ? first.x - area.rect.x : area.rect.w;
  const { gap, padding, groupGap } = CELL_SPACING;
  // Blocks keep half a group gap from a divider and the padding from the area's edges.
  const inner = cellW - padding - (first ? groupGap / 2 : padding);
  const columns = Math.floor((inner + gap) / (w + gap));
  const rows = Math.floor((area.rect.h - 2 * padding - labelHeight + gap) / (h + gap));
  return Math.max(1, columns * rows);
}

type ChunkParts = Map<string, { groupId: string; part: number }>;

/**
 * Splits groups into parts of at most `size` notes, the first part keeping the group's id; the
 * later parts are recorded in `chunkParts` (ids are not parsed: a group id may hold anything).
 */
function chunkGroups(
  groups: readonly LayoutGroup[],
  size: number,
  chunkParts: ChunkParts,
): LayoutGroup[] {
  return groups.flatMap((g) => {
    const parts: LayoutGroup[] = [];
    for (let i = 0; i < g.notes.length; i += size) {
      const part = i / size + 1;
      const id = part === 1 ? g.id : `${g.id}\u0000${part}`;
      if (part > 1) chunkParts.set(id, { groupId: g.id, part });
      parts.push({ id, notes: g.notes.slice(i, i + size) });
    }
    return parts.length > 0 ? parts : [g];
  });
}

function fromChunkId(chunkParts: ChunkParts, id: string): [string, number] {
  const found = chunkParts.get(id);
  return found ? [found.groupId, found.part] : [id, 1];
}

/** Lays the preview out and works out every write, without writing. */
export async function planApplyGroups(board: Board, input: PlanInput): Promise<ApplyPlan> {
  const { preview, settings } = input;
  const byId = new Map(input.notes.map((n) => [n.id, n]));
  const pinned = new Set(Object.keys(preview.pinned));
  const ordered = orderForLayout(preview.groups, byId);
  // Pinned notes stay; the rest of a pinned group (notes the engine added) still moves.
  const layoutInput: LayoutGroup[] = ordered.map((g) => ({
    id: g.id,
    notes: g.noteIds.flatMap((id) => {
      const n = byId.get(id);
      return n && !pinned.has(id) ? [{ id, w: n.rect.w, h: n.rect.h }] : [];
    }),
  }));
  const obstacles = [...pinned].flatMap((id) => {
    const n = byId.get(id);
    return n ? [n.rect] : [];
  });
  const layoutOptions = { labelHeight: settings.labels ? LABEL_HEIGHT : 0, obstacles };
  const notices: string[] = [];
  let layout: GroupLayout | null = null;
  let placedIn: ApplyPlan['placedIn'] = 'free-space';
  const chunkParts: ChunkParts = new Map();
  if (input.area) {
    // Tighter spacing inside a 500 px high cell: two rows of notes and a label fit.
    const cellOptions = {
      ...CELL_SPACING,
      labelHeight: settings.labels ? CELL_SPACING.labelHeight : 0,
      obstacles: [...obstacles, ...input.area.dividers],
    };
    // A block never straddles two cells, so a group bigger than a cell holds goes on in the next.
    const capacity = cellCapacity(input.area, layoutInput, cellOptions.labelHeight);
    for (const candidate of [layoutInput, chunkGroups(layoutInput, capacity, chunkParts)]) {
      const inside = layoutGroups(candidate, input.area.rect, cellOptions);
      if (inside.fits) {
        layout = inside;
        placedIn = 'area';
        break;
      }
    }
    if (!layout)
      notices.push(
        'The groups do not fit inside the lane, so they go to free space beside the map.',
      );
  }
  if (!layout) {
    const size = measureGroups(layoutInput, { labelHeight: layoutOptions.labelHeight });
    const free = await board.findEmptySpace(size, input.anchor ?? undefined);
    layout = layoutGroups(layoutInput, { ...free, w: size.w, h: size.h }, layoutOptions);
  }

  const colorOf = new Map<string, PaletteColor | null>();
  let colorIndex = 0;
  for (const g of ordered) {
    colorOf.set(g.id, settings.color && !g.unsorted ? groupColor(colorIndex++) : null);
  }
  const notes: MovedNoteEntry[] = [];
  const labels: LabelEntry[] = [];
  const groupById = new Map(ordered.map((g) => [g.id, g]));
  for (const placement of layout.placements) {
    const [groupId, part] = fromChunkId(chunkParts, placement.groupId);
    const group = groupById.get(groupId);
    if (!group) continue;
    const color = colorOf.get(group.id) ?? null;
    for (const { id, rect } of placement.notes) {
      const note = byId.get(id);
      if (!note) continue;
      const before: Spot = { x: note.rect.x, y: note.rect.y, color: note.color };
      const after: Spot = { x: rect.x, y: rect.y, color: color ?? note.color };
      if (same(before.x, after.x) && same(before.y, after.y) && before.color === after.color)
        continue;
      const stageTag = input.stageTagFor?.(note) ?? null;
      notes.push(
        stageTag === null
          ? { kind: 'note', id, before, after }
          : { kind: 'note', id, before, after, stageTag },
      );
    }
    if (placement.label && !group.pinned)
      labels.push({
        kind: 'label',
        groupId: group.id,
        text: part > 1 ? `${group.label} (cont.)` : group.label,
        rect: placement.label,
      });
  }

  // Dots on a note are votes for it: they travel with the note (journaled like it, no colour).
  const movedNotes = [...notes];
  for (const dot of input.dots ?? []) {
    const centre = rectCenter(dot.rect);
    const host = movedNotes.find((n) => {
      const r = byId.get(n.id)?.rect;
      return r !== undefined && rectContains(r, centre);
    });
    if (!host) continue;
    const dx = host.after.x - host.before.x;
    const dy = host.after.y - host.before.y;
    notes.push({
      kind: 'note',
      id: dot.id,
      before: { x: dot.rect.x, y: dot.rect.y, color: null },
      after: { x: dot.rect.x + dx, y: dot.rect.y + dy, color: null },
      on: host.id,
    });
  }

  const left = (input.fixed ?? []).filter((mark) => {
    const centre = rectCenter(mark.rect);
    return movedNotes.some((n) => {
      const r = byId.get(n.id)?.rect;
      return r !== undefined && rectContains(r, centre);
    });
  }).length;
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
    placedIn,
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
      status: 'done' | 'partial' | 'cancelled';
      moved: number;
      labels: number;
      planned: number;
      failed: OpFailure[];
      /** Ops known to be written (for the live view); empty after a cancel. */
      applied: WriteOp[];
      journalId: number | null;
      notices: string[];
    };

/** The ops the result says succeeded, in order. */
function succeeded(ops: readonly WriteOp[], failed: readonly OpFailure[], cancelled: boolean) {
  if (cancelled) return [];
  const bad = new Set(failed.map((f) => f.index));
  return ops.filter((_, i) => !bad.has(i));
}

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
  const applied = succeeded(ops, result.failed, result.cancelled);
  const planned = plan.notes.filter((n) => n.on === undefined);
  return {
    status: result.cancelled
      ? 'cancelled'
      : result.failed.length > 0 || saveProblem
        ? 'partial'
        : 'done',
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
      status: 'done' | 'partial' | 'cancelled';
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
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  return texts
    .filter(
      (t) =>
        journaled.has(t.id) ||
        planned.some(
          (l) =>
            l.text === t.text &&
            near(l.rect.x + l.rect.w / 2, t.rect.x + t.rect.w / 2) &&
            near(l.rect.y + l.rect.h / 2, t.rect.y + t.rect.h / 2),
        ),
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
      same(note.rect.x, n.after.x) &&
      same(note.rect.y, n.after.y) &&
      (n.after.color === null || note.color === n.after.color);
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
  const applied = succeeded(ops, result.failed, result.cancelled);
  return {
    status: result.cancelled
      ? 'cancelled'
      : result.failed.length > 0 || saveProblem
        ? 'partial'
        : 'done',
    moved: countNotes(applied, parsed.notes),
    failed: result.failed,
    applied,
  };
}

export type UndoOutcome =
  | { status: 'nothing-to-undo' }
  | {
      status: 'done' | 'partial' | 'cancelled';
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
  const applied = succeeded(ops, result.failed, result.cancelled);
  return {
    status: result.cancelled ? 'cancelled' : result.failed.length > 0 ? 'partial' : 'done',
    restored: result.cancelled ? 0 : countNotes(applied, parsed.notes),
    removedLabels: applied.filter((op) => op.op === 'remove').length,
    failed: result.failed,
    applied,
  };
}
