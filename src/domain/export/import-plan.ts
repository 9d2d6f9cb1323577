/**
 * Which notes of an imported file go on the board, and where (issue 3 §5, issue 10 §2), without
 * the board. An import records its plan — each note's place relative to the map's frame, as a
 * plan token — in the board's import index before the first note is made, so a repair finds the
 * notes an interrupted run made (by id, by planned place, or by marker), puts the missing ones
 * exactly where the plan said, and replaces a note made at its place but never put in the frame.
 * `app/export/import-map.ts` reads the board and the index, and writes.
 */
import type { BoardItem, Rect } from '../board/board-item';
import { createStageContext, findCell } from '../stages/decide-stage';
import type { PlacedMap } from '../stages/placed-map';
import { deriveImportKey } from './derive-journey-map';
import type { ExportNote } from './journey-map';
import {
  besideBlockSize,
  cellId,
  placeImportedNotes,
  type Placement,
} from './place-imported-notes';

/** The board's import index: item id or plan token → the map it went into and its import key. */
export type ImportIndex = ReadonlyMap<string, { mapId: string; key: string }>;

const PLAN_PREFIX = '@';

/** A planned note's place, relative to the map frame's top-left (so it follows a moved frame). */
export const planToken = (rect: Rect, frame: { x: number; y: number }): string =>
  `${PLAN_PREFIX}${[rect.x - frame.x, rect.y - frame.y, rect.w, rect.h].map(Math.round).join(',')}`;

/** The rect (relative to the frame) a plan token names; undefined for an item id. */
export function planRect(token: string): Rect | undefined {
  if (!token.startsWith(PLAN_PREFIX)) return undefined;
  const [x, y, w, h] = token.slice(1).split(',').map(Number);
  return [x, y, w, h].every((n) => Number.isFinite(n)) ? { x: x!, y: y!, w: w!, h: h! } : undefined;
}

/** Edges count as inside: a planned note may sit on the frame's edge. */
const centreInside = (r: Rect, area: Rect) =>
  r.x + r.w / 2 >= area.x &&
  r.x + r.w / 2 <= area.x + area.w &&
  r.y + r.h / 2 >= area.y &&
  r.y + r.h / 2 <= area.y + area.h;

/** Where each file note of this map was planned, relative to the frame: import key → rect. */
function plannedPlaces(index: ImportIndex, mapId: string): Map<string, Rect> {
  const out = new Map<string, Rect>();
  for (const [token, entry] of index) {
    if (entry.mapId !== mapId) continue;
    const rect = planRect(token);
    if (rect && !out.has(entry.key)) out.set(entry.key, rect);
  }
  return out;
}

export interface ImportScan {
  /** The file's notes (one per import key). */
  fileNotes: readonly ExportNote[];
  /** The board's notes now. */
  notes: readonly BoardItem[];
  index: ImportIndex;
  mapId: string;
  boardId: string;
  /** The map's frame on the board, when the map is there already, and its id when recorded. */
  frame?: { rect: Rect; id: string | undefined };
}

export interface ImportNeeds {
  /** Import key → planned place, relative to the frame (what an earlier run recorded). */
  plan: ReadonlyMap<string, Rect>;
  /**
   * Notes an interrupted run made at their planned place inside the frame but never put into it
   * (the frame.add call failed or never ran): they are removed and made again in the frame. A
   * participant who moved a note would have moved it off its planned place.
   */
  strays: BoardItem[];
  /** The file's notes not on the board yet. */
  toCreate: ExportNote[];
}

/** What an import still has to do: the file's notes the board lacks, and the half-made ones. */
export function importNeeds(scan: ImportScan): ImportNeeds {
  const plan = plannedPlaces(scan.index, scan.mapId);
  const frame = scan.frame;
  const local = frame && { x: 0, y: 0, w: frame.rect.w, h: frame.rect.h };
  const strays =
    frame?.id !== undefined && local
      ? scan.notes.filter((note) => {
          if (note.parentId === frame.id) return false;
          const key = scan.index.get(planToken(note.rect, frame.rect))?.key;
          const at = key === undefined ? undefined : plan.get(key);
          return at !== undefined && centreInside(at, local);
        })
      : [];
  // Import keys of the notes on the board now: from the index (by id, or by the place an import
  // planned for it, relative to the map's frame), markers, or the board id.
  const present = new Set(
    scan.notes
      .filter((note) => !strays.includes(note))
      .map(
        (note) =>
          scan.index.get(note.id)?.key ??
          (frame && scan.index.get(planToken(note.rect, frame.rect))?.key) ??
          deriveImportKey(note, scan.boardId),
      ),
  );
  const seen = new Set<string>();
  const toCreate = scan.fileNotes.filter(
    (n) => !seen.has(n.importKey) && seen.add(n.importKey) && !present.has(n.importKey),
  );
  return { plan, strays, toCreate };
}

export interface ImportPlacementInput {
  toCreate: readonly ExportNote[];
  plan: ReadonlyMap<string, Rect>;
  /** The map where it is now. */
  placed: PlacedMap;
  /** Notes on the board now: those in the map's cells fill them. */
  notesThere: readonly BoardItem[];
}

export interface ImportPlacements {
  /** Every note to make, in order: the planned ones first, then `fresh`. */
  placements: Placement[];
  /** The notes placed by this run (the tail of `placements`): their places go into the plan. */
  fresh: Placement[];
}

/**
 * Where the notes go: a note an earlier run planned goes where it planned it; the rest fill
 * their cells after the notes already there (`placeImportedNotes`), and notes with no cell
 * (`fresh`, `inCell` false) form a block at 0, 0 that the caller moves to free space
 * (`besideBlockNear`, `moveBesideBlock`).
 */
export function placeImport(input: ImportPlacementInput): ImportPlacements {
  const frame = input.placed.frameRect;
  const ctx = createStageContext(input.placed);
  const taken = new Map<string, number>();
  const countTaken = (rect: Rect) => {
    const cell = findCell(rect, ctx);
    if (!cell) return;
    const id = cellId(cell.stageId, cell.laneId);
    taken.set(id, (taken.get(id) ?? 0) + 1);
  };
  for (const note of input.notesThere) countTaken(note.rect);
  const planned: Placement[] = [];
  const unplanned: ExportNote[] = [];
  for (const note of input.toCreate) {
    const at = input.plan.get(note.importKey);
    if (!at) {
      unplanned.push(note);
      continue;
    }
    const rect = { ...at, x: at.x + frame.x, y: at.y + frame.y };
    const inCell = centreInside(rect, frame);
    planned.push({ note, rect, inCell });
    if (inCell) countTaken(rect);
  }
  const fresh = placeImportedNotes({
    notes: unplanned,
    cells: input.placed.cells,
    taken,
    beside: { x: 0, y: 0 },
  });
  return { placements: [...planned, ...fresh], fresh };
}

/**
 * Where to look for free space for the block of fresh notes with no cell: its size, 100 to the
 * right of the map's frame; undefined when every fresh note has a cell.
 */
export function besideBlockNear(frame: Rect, fresh: readonly Placement[]): Rect | undefined {
  const outside = fresh.filter((p) => !p.inCell).length;
  if (outside === 0) return undefined;
  const block = besideBlockSize(outside);
  return { x: frame.x + frame.w + 100, y: frame.y, w: block.w, h: block.h };
}

/** The fresh notes with no cell moved from their block at 0, 0 to `spot`, in whole units. */
export function moveBesideBlock(
  { placements, fresh }: ImportPlacements,
  spot: { x: number; y: number },
): ImportPlacements {
  const moved = new Map(
    fresh
      .filter((p) => !p.inCell)
      .map((p): [Placement, Placement] => [
        p,
        {
          ...p,
          rect: {
            ...p.rect,
            x: Math.round(p.rect.x + spot.x),
            y: Math.round(p.rect.y + spot.y),
          },
        },
      ]),
  );
  const move = (p: Placement) => moved.get(p) ?? p;
  return { placements: placements.map(move), fresh: fresh.map(move) };
}

/** The import index's entries for a plan: each fresh note's place (`planToken`) → its key. */
export const planEntries = (
  fresh: readonly Placement[],
  frame: { x: number; y: number },
): [string, string][] => fresh.map((p) => [planToken(p.rect, frame), p.note.importKey]);
