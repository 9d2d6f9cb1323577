/**
 * The notes' side of "Update on board" (plan-map-update.ts): which cell each note is in now, and
 * where it goes — with its cell when the cell moves, or parked right of the grid when its cell is
 * removed. Notes outside the grid stay where they are.
 */
import { cellAt, cellKey, LAYOUT, type LayoutItem, type MapLayout } from './layout';
import { rectCenter, type Rect } from '../board/board-item';
import type { PlacedNote } from './plan-map-update';

/** A note and the cell its centre is in; null outside the grid. */
export interface NoteInCell {
  note: PlacedNote;
  cell: { stageId: string; laneId: string } | null;
}

/** Where each note is now, by cell of the layout the map has now. */
export const notesByCell = (layout: MapLayout, notes: readonly PlacedNote[]): NoteInCell[] =>
  notes.map((note) => ({
    note,
    cell: cellAt(layout.geometry, rectCenter(note.rect)),
  }));

export interface NoteMoves {
  /** In order: the notes that follow their cell, then the parked ones. */
  moves: { id: string; rect: Rect }[];
  /** Where every note will be, moved or not (the frame must hold them all). */
  rects: Rect[];
}

/** Notes follow their cell; notes of a removed cell are parked right of the grid. */
export function planNoteMoves(
  placed: readonly NoteInCell[],
  prevItems: ReadonlyMap<string, LayoutItem>,
  nextItems: ReadonlyMap<string, LayoutItem>,
  layout: MapLayout,
): NoteMoves {
  const noteMoves: { id: string; rect: Rect }[] = [];
  const parked: PlacedNote[] = [];
  const finalNoteRects: Rect[] = [];
  for (const { note, cell } of placed) {
    if (!cell) {
      finalNoteRects.push(note.rect);
      continue;
    }
    const key = cellKey(cell.stageId, cell.laneId);
    const from = prevItems.get(key);
    const to = nextItems.get(key);
    if (!to || !from) {
      parked.push(note);
      continue;
    }
    const rect = {
      ...note.rect,
      x: note.rect.x + to.rect.x - from.rect.x,
      y: note.rect.y + to.rect.y - from.rect.y,
    };
    if (rect.x !== note.rect.x || rect.y !== note.rect.y) noteMoves.push({ id: note.id, rect });
    finalNoteRects.push(rect);
  }
  const parkedRects = parkNotes(layout, parked);
  parked.forEach((note, i) => {
    const rect = parkedRects[i] as Rect;
    noteMoves.push({ id: note.id, rect });
    finalNoteRects.push(rect);
  });
  return { moves: noteMoves, rects: finalNoteRects };
}

/** Parked notes go in rows of three just right of the last column, from the first lane down. */
function parkNotes(layout: MapLayout, notes: readonly PlacedNote[]): Rect[] {
  const { gap } = LAYOUT;
  const frame = layout.geometry.frame;
  const left = frame.x + frame.w;
  const top = layout.geometry.rows[0]?.y ?? frame.y + LAYOUT.padding;
  const slot = Math.max(200, ...notes.map((n) => Math.max(n.rect.w, n.rect.h))) + gap;
  return notes.map((note, i) => ({
    x: left + (i % 3) * slot,
    y: top + Math.floor(i / 3) * slot,
    w: note.rect.w,
    h: note.rect.h,
  }));
}
