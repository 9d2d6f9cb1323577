/**
 * Where imported notes go (pure): each note of a cell into that cell of the new map, packed in a
 * grid that shrinks until they fit so each centre stays in its cell (stage and lane by position
 * survive the trip); every other note (loose, or in the frame but in no cell) in a block beside
 * the map, in file order.
 */
import type { Rect } from '../board/board-item';
import type { ExportNote } from './journey-map';
import type { MapCell } from '../stages/placed-map';

/** Miro sticky notes: square 199 × 228, rectangle 350 × 228; the width sets the size. */
const SQUARE = { w: 199, h: 228 };
const RECTANGLE = { w: 350, h: 228 };
const GAP = 20;
const MIN_SCALE = 0.35;

/** Square or rectangle, as the note was; Miro only makes these two shapes. */
export function stickySize(position: { w: number; h: number }): { w: number; h: number } {
  return position.h > 0 && position.w / position.h >= 1.2 ? { ...RECTANGLE } : { ...SQUARE };
}

/** Slots for `count` notes of `size` in `area`, after `skip` slots already taken. */
export function packGrid(
  area: Rect,
  count: number,
  size: { w: number; h: number },
  skip = 0,
): Rect[] {
  const need = count + skip;
  let scale = 1;
  let cols = 1;
  let rows = 1;
  for (; scale >= MIN_SCALE; scale *= 0.9) {
    cols = Math.floor((area.w - GAP) / (size.w * scale + GAP));
    rows = Math.floor((area.h - GAP) / (size.h * scale + GAP));
    if (cols >= 1 && rows >= 1 && cols * rows >= need) break;
  }
  scale = Math.max(scale, MIN_SCALE);
  cols = Math.max(cols, 1);
  rows = Math.max(rows, 1);
  const w = size.w * scale;
  const h = size.h * scale;
  const capacity = cols * rows;
  const out: Rect[] = [];
  for (let i = skip; i < need; i += 1) {
    // Beyond capacity, later notes stack on earlier slots, a little offset, so every centre stays
    // in the area (the cell decides the stage) and none hides another completely.
    const slot = i % capacity;
    const layer = Math.floor(i / capacity);
    const col = slot % cols;
    const row = Math.floor(slot / cols);
    const nudge = Math.min(layer * 8, GAP * 2);
    out.push({
      x: Math.round(area.x + GAP + col * (w + GAP) + nudge),
      y: Math.round(area.y + GAP + row * (h + GAP) + nudge),
      w: Math.round(w),
      h: Math.round(h),
    });
  }
  return out;
}

/** Width and height of a block of `count` notes beside the map, about square. */
export function besideBlockSize(count: number): { w: number; h: number; cols: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / cols));
  return {
    cols,
    w: GAP + cols * (RECTANGLE.w + GAP),
    h: GAP + rows * (SQUARE.h + GAP),
  };
}

export interface Placement {
  note: ExportNote;
  rect: Rect;
  /** In one of the map's cells (so a child of its frame). */
  inCell: boolean;
}

export interface PlaceInput {
  notes: readonly ExportNote[];
  cells: readonly MapCell[];
  /** Notes already in each cell (`stageId|laneId`), so new ones go after them. */
  taken?: ReadonlyMap<string, number>;
  /** Top-left of the block for notes outside cells. */
  beside: { x: number; y: number };
}

export const cellId = (stageId: string, laneId: string) => `${stageId}|${laneId}`;

export function placeImportedNotes(input: PlaceInput): Placement[] {
  const cells = new Map(input.cells.map((c) => [cellId(c.stageId, c.laneId), c]));
  const byCell = new Map<string, ExportNote[]>();
  const outside: ExportNote[] = [];
  for (const note of input.notes) {
    const key =
      !note.loose && note.stageId !== null && note.laneId !== null
        ? cellId(note.stageId, note.laneId)
        : null;
    if (key !== null && cells.has(key)) {
      const list = byCell.get(key);
      if (list) list.push(note);
      else byCell.set(key, [note]);
    } else outside.push(note);
  }
  const placements: Placement[] = [];
  for (const [key, notes] of byCell) {
    const cell = cells.get(key)!;
    const slot = notes.some((n) => stickySize(n.position).w > SQUARE.w) ? RECTANGLE : SQUARE;
    const rects = packGrid(cell.rect, notes.length, slot, input.taken?.get(key) ?? 0);
    notes.forEach((note, i) => {
      const r = rects[i]!;
      const own = stickySize(note.position);
      const scale = r.w / slot.w;
      placements.push({
        note,
        rect: { x: r.x, y: r.y, w: Math.round(own.w * scale), h: Math.round(own.h * scale) },
        inCell: true,
      });
    });
  }
  const { cols } = besideBlockSize(outside.length);
  outside.forEach((note, i) => {
    const own = stickySize(note.position);
    placements.push({
      note,
      rect: {
        x: input.beside.x + GAP + (i % cols) * (RECTANGLE.w + GAP),
        y: input.beside.y + GAP + Math.floor(i / cols) * (SQUARE.h + GAP),
        w: own.w,
        h: own.h,
      },
      inCell: false,
    });
  });
  return placements;
}
