import { rectsOverlap, type Rect } from '../board/board-item';

export interface LayoutNote {
  id: string;
  w: number;
  h: number;
}

export interface LayoutGroup {
  id: string;
  notes: readonly LayoutNote[];
}

export interface LayoutOptions {
  /** Space between notes of a group. */
  gap?: number;
  /** Space between groups. */
  groupGap?: number;
  /** Height of the label strip above each group; 0 for no labels. */
  labelHeight?: number;
  /** Space kept free along the area's edges. */
  padding?: number;
  /** Rectangles the groups must not cover (pinned notes that stay where they are). */
  obstacles?: readonly Rect[];
}

export interface GroupPlacement {
  groupId: string;
  /** The whole block: label strip and notes. */
  block: Rect;
  /** Where the label goes, above the notes; null without labels. */
  label: Rect | null;
  notes: { id: string; rect: Rect }[];
}

export interface GroupLayout {
  /** Whether every group fits inside the area; when false, `placements` overflow it. */
  fits: boolean;
  placements: GroupPlacement[];
  /** The rectangle the placements cover (the area's top-left when there are none). */
  bounds: Rect;
}

const DEFAULTS = { gap: 16, groupGap: 48, labelHeight: 56, padding: 24 };

interface Block {
  group: LayoutGroup;
  columns: number;
  /** Notes are placed on a uniform grid of the group's largest note. */
  cell: { w: number; h: number };
  w: number;
  h: number;
}

function toBlock(group: LayoutGroup, columnCap: number, o: typeof DEFAULTS): Block {
  const n = group.notes.length;
  const columns = Math.max(1, Math.min(n, columnCap));
  const rows = Math.max(1, Math.ceil(n / columns));
  const cell = {
    w: Math.max(1, ...group.notes.map((note) => note.w)),
    h: Math.max(1, ...group.notes.map((note) => note.h)),
  };
  return {
    group,
    columns,
    cell,
    w: columns * cell.w + (columns - 1) * o.gap,
    h: o.labelHeight + rows * cell.h + (rows - 1) * o.gap,
  };
}

/**
 * Shelf packing: blocks left to right; a block that would cross the right edge, or cover an
 * obstacle, moves right past it or down to the next shelf.
 */
function pack(
  blocks: readonly Block[],
  area: Rect,
  obstacles: readonly Rect[],
  o: typeof DEFAULTS,
): { placed: Rect[]; bottom: number; right: number } | null {
  const left = area.x + o.padding;
  const right = area.x + area.w - o.padding;
  let x = left;
  let y = area.y + o.padding;
  let shelf = 0;
  const placed: Rect[] = [];
  let maxRight = left;
  const blocked = (r: Rect): Rect | undefined =>
    obstacles.find((ob) =>
      rectsOverlap(
        {
          x: r.x - o.groupGap / 2,
          y: r.y - o.groupGap / 2,
          w: r.w + o.groupGap,
          h: r.h + o.groupGap,
        },
        ob,
      ),
    );
  for (const block of blocks) {
    // A block wider than the area cannot be placed at all.
    if (block.w > right - left) return null;
    for (let guard = 0; ; guard += 1) {
      if (guard > 10_000) return null;
      if (x + block.w > right) {
        x = left;
        y += shelf + o.groupGap;
        shelf = 0;
        // Past every obstacle the shelf cannot meet one any more; nothing else stops the loop.
        continue;
      }
      const rect = { x, y, w: block.w, h: block.h };
      const hit = blocked(rect);
      if (hit) {
        x = Math.max(x + 1, hit.x + hit.w + o.groupGap / 2);
        continue;
      }
      placed.push(rect);
      x += block.w + o.groupGap;
      shelf = Math.max(shelf, block.h);
      maxRight = Math.max(maxRight, rect.x + rect.w);
      break;
    }
  }
  return { placed, bottom: y + shelf, right: maxRight };
}

function toPlacement(block: Block, rect: Rect, o: typeof DEFAULTS): GroupPlacement {
  const top = rect.y + o.labelHeight;
  return {
    groupId: block.group.id,
    block: rect,
    label: o.labelHeight > 0 ? { x: rect.x, y: rect.y, w: rect.w, h: o.labelHeight } : null,
    notes: block.group.notes.map((note, i) => {
      const column = i % block.columns;
      const row = Math.floor(i / block.columns);
      return {
        id: note.id,
        rect: {
          x: rect.x + column * (block.cell.w + o.gap),
          y: top + row * (block.cell.h + o.gap),
          w: note.w,
          h: note.h,
        },
      };
    }),
  };
}

/** Column caps to try: square-ish blocks first, then wider (for short areas), then taller. */
function columnCaps(groups: readonly LayoutGroup[]): number[] {
  const largest = Math.max(1, ...groups.map((g) => g.notes.length));
  const square = Math.ceil(Math.sqrt(largest));
  const caps: number[] = [];
  for (let c = square; c <= largest; c += 1) caps.push(c);
  for (let c = square - 1; c >= 1; c -= 1) caps.push(c);
  return caps;
}

/**
 * Lays groups out inside `area` as blocks of notes with a label strip above each, without
 * overlaps between blocks, notes or obstacles. Deterministic: the same input gives the same
 * placements. Empty groups get no block.
 */
export function layoutGroups(
  groups: readonly LayoutGroup[],
  area: Rect,
  options: LayoutOptions = {},
): GroupLayout {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const obstacles = options.obstacles ?? [];
  const present = groups.filter((g) => g.notes.length > 0);
  if (present.length === 0)
    return { fits: true, placements: [], bounds: { x: area.x, y: area.y, w: 0, h: 0 } };

  let fallback: { blocks: Block[]; placed: Rect[] } | null = null;
  for (const cap of columnCaps(present)) {
    const blocks = present.map((g) => toBlock(g, cap, o));
    const packed = pack(blocks, area, obstacles, o);
    if (!packed) continue;
    fallback ??= { blocks, placed: packed.placed };
    if (packed.bottom <= area.y + area.h - o.padding) return finish(blocks, packed.placed, true, o);
  }
  if (fallback) return finish(fallback.blocks, fallback.placed, false, o);
  // Not even one block fits the width: let the blocks overflow to the right, still packed.
  const blocks = present.map((g) => toBlock(g, 1, o));
  const widest = Math.max(...blocks.map((b) => b.w));
  const wide = { ...area, w: Math.max(area.w, widest + 2 * o.padding) };
  const packed = pack(blocks, wide, obstacles, o);
  return finish(blocks, packed ? packed.placed : [], false, o);
}

function finish(
  blocks: readonly Block[],
  placed: readonly Rect[],
  fits: boolean,
  o: typeof DEFAULTS,
): GroupLayout {
  const placements = blocks.map((b, i) => toPlacement(b, placed[i] as Rect, o));
  const x = Math.min(...placed.map((r) => r.x));
  const y = Math.min(...placed.map((r) => r.y));
  const w = Math.max(...placed.map((r) => r.x + r.w)) - x;
  const h = Math.max(...placed.map((r) => r.y + r.h)) - y;
  return { fits, placements, bounds: { x, y, w, h } };
}

/**
 * The size of a square-ish layout of the groups (padding included), to ask the board for that
 * much free space; `layoutGroups` in a rectangle of this size then fits.
 */
export function measureGroups(
  groups: readonly LayoutGroup[],
  options: Omit<LayoutOptions, 'obstacles'> = {},
): { w: number; h: number } {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const present = groups.filter((g) => g.notes.length > 0);
  if (present.length === 0) return { w: 2 * o.padding, h: 2 * o.padding };
  const cap = columnCaps(present)[0] as number;
  const blocks = present.map((g) => toBlock(g, cap, o));
  const area = blocks.reduce((sum, b) => sum + (b.w + o.groupGap) * (b.h + o.groupGap), 0);
  const widest = Math.max(...blocks.map((b) => b.w));
  const inner = Math.max(widest, Math.ceil(Math.sqrt(area) * 1.2));
  const packed = pack(blocks, { x: 0, y: 0, w: inner + 2 * o.padding, h: Infinity }, [], o);
  const bottom = packed ? packed.bottom : 0;
  return { w: inner + 2 * o.padding, h: Math.ceil(bottom + o.padding) };
}

function definedOnly(options: LayoutOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  for (const key of ['gap', 'groupGap', 'labelHeight', 'padding'] as const) {
    const value = options[key];
    if (value !== undefined && Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}
