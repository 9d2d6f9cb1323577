/**
 * What applying a grouping does to the board, worked out without the board (issue 4 §4): where
 * each group's block goes (inside the lane or cell, split over cells when a group is bigger than
 * one holds, else in free space), which notes move and take which colour, the label above each
 * block, the dot stickers that travel with their note, and what stays put. The use case
 * (`app/grouping/apply-groups.ts`) asks the board for free space when the area is too small, and
 * journals and writes what this returns.
 */
import {
  rectCenter,
  rectContains,
  type BoardItem,
  type PaletteColor,
  type Point,
  type Rect,
} from '../board/board-item';
import type { PreviewGroup } from '../clustering/grouping-preview';
import { groupColor } from './group-colors';
import { layoutGroups, measureGroups, type GroupLayout, type LayoutGroup } from './layout-groups';

export interface ApplyGroupsSettings {
  /** One palette colour per group (Unsorted and pinned notes keep theirs). */
  color: boolean;
  /** A text label above each group. */
  labels: boolean;
}

/** Height of a group's label strip in free space. */
const LABEL_HEIGHT = 56;
/** Tighter spacing inside a 500 px high cell: two rows of notes and a label fit. */
const CELL_SPACING = { gap: 12, groupGap: 24, labelHeight: 40, padding: 12 };

export interface Spot {
  x: number;
  y: number;
  color: PaletteColor | null;
}

/** A note (or a dot sticker) that moves: kept in the journal, so undo can put it back. */
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

/** A label to make above a group's block. */
export interface LabelEntry {
  kind: 'label';
  groupId: string;
  text: string;
  rect: Rect;
}

/** The lane or cell the groups go in, with the strips between cells to keep clear of. */
export interface GroupArea {
  rect: Rect;
  dividers: readonly Rect[];
}

export interface GroupMovesInput {
  groups: readonly PreviewGroup[];
  /** Notes of the team's own groups: they stay where they are. */
  pinned: ReadonlySet<string>;
  /** The notes as they are now (at least every note of the groups). */
  notes: readonly BoardItem[];
  settings: ApplyGroupsSettings;
}

/** Where the blocks went. */
export interface PlacedGroups {
  layout: GroupLayout;
  placedIn: 'area' | 'free-space';
  /** A later part of a group split over cells: its block id → the group and which part. */
  parts: ReadonlyMap<string, { groupId: string; part: number }>;
}

/** Two positions the board treats as one: under half a unit apart on each axis. */
export const samePosition = (a: { x: number; y: number }, b: { x: number; y: number }): boolean =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

/** Groups in the order they are laid out: left to right by where their notes are now; Unsorted last. */
function orderForLayout(
  groups: readonly PreviewGroup[],
  byId: ReadonlyMap<string, BoardItem>,
): PreviewGroup[] {
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

/** The groups in layout order, each with the notes that move (pinned ones stay), and what they avoid. */
function layoutInput(input: GroupMovesInput) {
  const byId = new Map(input.notes.map((n) => [n.id, n]));
  const ordered = orderForLayout(input.groups, byId);
  // Pinned notes stay; the rest of a pinned group (notes the engine added) still moves.
  const groups: LayoutGroup[] = ordered.map((g) => ({
    id: g.id,
    notes: g.noteIds.flatMap((id) => {
      const n = byId.get(id);
      return n && !input.pinned.has(id) ? [{ id, w: n.rect.w, h: n.rect.h }] : [];
    }),
  }));
  const obstacles = [...input.pinned].flatMap((id) => {
    const n = byId.get(id);
    return n ? [n.rect] : [];
  });
  return { byId, ordered, groups, obstacles };
}

/** Notes one cell of the area holds: columns × rows of the largest note, with the cell spacing. */
function cellCapacity(
  area: GroupArea,
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

/**
 * Splits groups into parts of at most `size` notes, the first part keeping the group's id; the
 * later parts are recorded in `parts` (ids are not parsed: a group id may hold anything).
 */
function chunkGroups(
  groups: readonly LayoutGroup[],
  size: number,
  parts: Map<string, { groupId: string; part: number }>,
): LayoutGroup[] {
  return groups.flatMap((g) => {
    const chunks: LayoutGroup[] = [];
    for (let i = 0; i < g.notes.length; i += size) {
      const part = i / size + 1;
      const id = part === 1 ? g.id : `${g.id}\u0000${part}`;
      if (part > 1) parts.set(id, { groupId: g.id, part });
      chunks.push({ id, notes: g.notes.slice(i, i + size) });
    }
    return chunks.length > 0 ? chunks : [g];
  });
}

/**
 * The groups laid out inside `area`: whole, or split over its cells (a block never straddles two
 * cells). Null when they do not fit even split; `freeSpaceFor` then says how much room to ask for.
 */
export function placeGroupsInArea(input: GroupMovesInput, area: GroupArea): PlacedGroups | null {
  const { groups, obstacles } = layoutInput(input);
  const options = {
    ...CELL_SPACING,
    labelHeight: input.settings.labels ? CELL_SPACING.labelHeight : 0,
    obstacles: [...obstacles, ...area.dividers],
  };
  const parts = new Map<string, { groupId: string; part: number }>();
  const capacity = cellCapacity(area, groups, options.labelHeight);
  for (const candidate of [groups, chunkGroups(groups, capacity, parts)]) {
    const layout = layoutGroups(candidate, area.rect, options);
    if (layout.fits)
      return { layout, placedIn: 'area', parts: candidate === groups ? new Map() : parts };
  }
  return null;
}

const freeSpaceOptions = (input: GroupMovesInput) => ({
  labelHeight: input.settings.labels ? LABEL_HEIGHT : 0,
});

/** The size of free space the groups need, square-ish. */
export function freeSpaceFor(input: GroupMovesInput): { w: number; h: number } {
  return measureGroups(layoutInput(input).groups, freeSpaceOptions(input));
}

/** The groups laid out in free space from `at`, the top-left of what the board found for `freeSpaceFor`. */
export function placeGroupsAt(input: GroupMovesInput, at: Point): PlacedGroups {
  const { groups, obstacles } = layoutInput(input);
  const size = measureGroups(groups, freeSpaceOptions(input));
  const layout = layoutGroups(
    groups,
    { x: at.x, y: at.y, w: size.w, h: size.h },
    { ...freeSpaceOptions(input), obstacles },
  );
  return { layout, placedIn: 'free-space', parts: new Map() };
}

export interface GroupMovesExtras {
  /** The stage tag a note needs to keep its stage when moved: null when its tag already says. */
  stageTagFor?: (note: BoardItem) => string | null;
  /** Dot-voting stickers and stamps: one sitting on a moved note moves with it. */
  dots?: readonly BoardItem[];
  /** Marks apps may not move (emoji, drawings): counted when they sit on a moved note. */
  fixed?: readonly BoardItem[];
}

/**
 * What the placed blocks ask of the board: every note that moves or changes colour (a note
 * already where and as it should be is left alone), the dot stickers on those notes (moved by
 * the same offset, colour untouched), a label above each block but a pinned group's ("(cont.)"
 * on a group's later parts), and how many marks apps cannot move sit on moved notes (`fixedLeft`).
 */
export function groupMoves(
  input: GroupMovesInput,
  placed: PlacedGroups,
  extras: GroupMovesExtras = {},
): { notes: MovedNoteEntry[]; labels: LabelEntry[]; fixedLeft: number } {
  const { byId, ordered } = layoutInput(input);
  const colorOf = new Map<string, PaletteColor | null>();
  let colorIndex = 0;
  for (const g of ordered) {
    colorOf.set(g.id, input.settings.color && !g.unsorted ? groupColor(colorIndex++) : null);
  }
  const notes: MovedNoteEntry[] = [];
  const labels: LabelEntry[] = [];
  const groupById = new Map(ordered.map((g) => [g.id, g]));
  for (const placement of placed.layout.placements) {
    const { groupId, part } = placed.parts.get(placement.groupId) ?? {
      groupId: placement.groupId,
      part: 1,
    };
    const group = groupById.get(groupId);
    if (!group) continue;
    const color = colorOf.get(group.id) ?? null;
    for (const { id, rect } of placement.notes) {
      const note = byId.get(id);
      if (!note) continue;
      const before: Spot = { x: note.rect.x, y: note.rect.y, color: note.color };
      const after: Spot = { x: rect.x, y: rect.y, color: color ?? note.color };
      if (samePosition(before, after) && before.color === after.color) continue;
      const stageTag = extras.stageTagFor?.(note) ?? null;
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
  const hostOf = (mark: BoardItem) => {
    const centre = rectCenter(mark.rect);
    return movedNotes.find((n) => {
      const r = byId.get(n.id)?.rect;
      return r !== undefined && rectContains(r, centre);
    });
  };
  for (const dot of extras.dots ?? []) {
    const host = hostOf(dot);
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

  const fixedLeft = (extras.fixed ?? []).filter((mark) => hostOf(mark) !== undefined).length;
  return { notes, labels, fixedLeft };
}
