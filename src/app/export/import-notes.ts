/**
 * The notes side of an import (`import-map.ts`): where the file's notes go on the map, the one
 * batch that makes them, and their import keys saved once they are made.
 */
import type { BatchResult, Board, BoardItem, BoardLimits, WriteOp } from '../../board/port';
import { isPaletteColor, type Rect } from '../../domain/board/board-item';
import {
  besideBlockNear,
  moveBesideBlock,
  placeImport,
  type ImportNeeds,
  type ImportPlacements,
} from '../../domain/export/import-plan';
import type { Placement } from '../../domain/export/place-imported-notes';
import type { MapRecord } from '../../domain/journey/map-record';
import type { PlacedMap } from '../../domain/stages/placed-map';
import { errorMessage } from '../../domain/common';
import { toPlacedMap } from '../map/load-placed-maps';
import { saveImportedKeys } from './imported-keys';

/** Miro sticky content must stay under 6,000 characters (HTML), so longer text is cut. */
const MAX_NOTE_CHARS = 5_000;

/** The ref of the `i`th note's create in the batch, by which its id comes back. */
const noteRef = (i: number) => `note:${i}`;

/**
 * No item marker: the board's import index records each note's key, and a marker costs one more
 * call per note on Miro (create, add to frame, set metadata: a third of an import's time).
 */
function toNoteOp(
  p: Placement,
  i: number,
  frameId: string | undefined,
  limits: BoardLimits,
): WriteOp {
  const { note } = p;
  const text =
    note.text.length > MAX_NOTE_CHARS ? `${note.text.slice(0, MAX_NOTE_CHARS - 1)}…` : note.text;
  const tags = [...new Set(note.tags)]
    .filter((t) => t.trim() !== '' && t.length <= limits.tagTitle)
    .slice(0, limits.tagsPerItem);
  return {
    op: 'create',
    ref: noteRef(i),
    item: {
      kind: 'note',
      text,
      rect: p.rect,
      color: isPaletteColor(note.color) ? note.color : 'light_yellow',
      ...(tags.length > 0 ? { tags } : {}),
    },
    ...(p.inCell && frameId !== undefined ? { parent: { id: frameId } } : {}),
  };
}

export interface NotesToPlace extends Pick<ImportNeeds, 'toCreate' | 'plan'> {
  /** The map as the board held it before this import (complete or not), if it was there. */
  existing: { record: MapRecord; placed: PlacedMap } | undefined;
  /** The board's notes. */
  notes: readonly BoardItem[];
}

export interface PlacedNotes extends ImportPlacements {
  /** The map's frame where it is now: the plan's places are relative to it. */
  frame: Rect;
}

/**
 * Where the notes go, on the map where it is now (an existing frame may have moved since its
 * record was written): notes an earlier run planned where it planned them; the rest are placed
 * now, and those outside cells go to a block that moves to free space beside the map.
 */
export async function placeNotes(
  board: Board,
  { existing, toCreate, plan, notes }: NotesToPlace,
  record: MapRecord,
): Promise<PlacedNotes> {
  const placed = existing && !existing.record.incomplete ? existing.placed : toPlacedMap(record);
  const frame = placed.frameRect;
  const placement = placeImport({ toCreate, plan, placed, notesThere: existing ? notes : [] });
  const near = besideBlockNear(frame, placement.fresh);
  if (!near) return { ...placement, frame };
  const spot = await board.findEmptySpace({ w: near.w, h: near.h }, near);
  return { ...moveBesideBlock(placement, spot), frame };
}

/** One batch; strays first: a half-made note is replaced by the one the plan wants, in its frame. */
export async function writeNotes(
  board: Board,
  strays: readonly BoardItem[],
  placements: readonly Placement[],
  run: {
    frameId: string | undefined;
    signal: AbortSignal | undefined;
    onProgress: (done: number, total: number) => void;
  },
): Promise<BatchResult> {
  const ops: WriteOp[] = [
    ...strays.map((n): WriteOp => ({ op: 'remove', id: n.id })),
    ...placements.map((p, i) => toNoteOp(p, i, run.frameId, board.limits)),
  ];
  run.onProgress(0, ops.length);
  return board.apply(ops, {
    signal: run.signal,
    onProgress: (p) => run.onProgress(p.done, p.total),
  });
}

export interface MadeNotes {
  /** [item id, import key] of each note made. */
  pairs: [string, string][];
  /** How many of them went beside the map. */
  beside: number;
  /** The import's warnings, and one more when the index could not be updated. */
  warnings: string[];
}

/** The import keys of the notes the batch made, into the board's index. */
export async function saveMadeNotes(
  board: Board,
  mapId: string,
  placements: readonly Placement[],
  result: BatchResult,
  warnings: readonly string[],
): Promise<MadeNotes> {
  const pairs: [string, string][] = [];
  placements.forEach((p, i) => {
    const id = result.ids[noteRef(i)];
    if (id !== undefined) pairs.push([id, p.note.importKey]);
  });
  const beside = placements.filter((p, i) => !p.inCell && result.ids[noteRef(i)]).length;
  const said = [...warnings];
  try {
    await saveImportedKeys(board, mapId, pairs);
  } catch (error) {
    // The plan already names every note by its place, so a later import still finds them.
    said.push(
      `The import index was not updated (${errorMessage(error)}); the notes are found by their place.`,
    );
  }
  return { pairs, beside, warnings: said };
}
