/**
 * Import a journey-map file onto this board (issue 3 §5): read it through `parseExport` (a bad or
 * too-new file writes nothing), take an automatic snapshot, recreate the map unless it is here
 * already (`createMap`, in free space), then create the notes that are not on the board yet in
 * their stages and lanes, with their tags and colours, and record their import keys so a second
 * import of the same file skips them.
 */
import type { Board, BoardItem, BoardLimits, WriteOp } from '../../board/port';
import { isPaletteColor } from '../../domain/board/board-item';
import { deriveImportKey } from '../../domain/export/derive-journey-map';
import type { ExportNote, JourneyMapFile } from '../../domain/export/journey-map';
import { parseExport } from '../../domain/export/restore';
import { normalizeSpec } from '../../domain/journey/edit-spec';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { MapSpec } from '../../domain/journey/map-spec';
import { specLimitsOf, validateSpec } from '../../domain/journey/validate-spec';
import { createStageContext, findCell } from '../../domain/stages/decide-stage';
import { createMap } from '../map/create-map';
import { toPlacedMap } from '../map/load-placed-maps';
import type { Workshop } from '../workshop';
import { readBoardMaps } from './build-journey-map';
import { loadImportedKeys, saveImportedKeys } from './imported-keys';
import {
  besideBlockSize,
  cellId,
  placeImportedNotes,
  type Placement,
} from './place-imported-notes';
import { restoreWorkshopData, type RestoredData } from './restore-workshop-data';
import { takeAutoSnapshot, type AutoSnapshotResult } from './snapshots';

export interface ImportProgress {
  /** reading: the file and the board; map: creating the map; notes: creating notes. */
  phase: 'reading' | 'snapshot' | 'map' | 'notes' | 'saving' | 'done';
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

interface ImportSummary {
  mapId: string;
  mapTitle: string;
  /** The map was made by this import (else it was on the board already). */
  mapCreated: boolean;
  created: number;
  /** Notes of the file already on this board. */
  skipped: number;
  /** Notes placed beside the map (loose in the file, or in no cell). */
  beside: number;
  snapshot: AutoSnapshotResult;
  warnings: string[];
  /** Groups, actions and vote rounds put back from the file (issue 9 §3). */
  restored: RestoredData;
}

export type ImportOutcome =
  /** The file is not a map this version reads; nothing was written. */
  | { status: 'invalid'; message: string; field?: string }
  /** The map cannot go on this board as it is (e.g. too many tags); nothing was written. */
  | { status: 'refused'; message: string }
  /** The automatic snapshot hit a full disk; nothing was written. */
  | { status: 'stopped'; message: string }
  | {
      status: 'already-imported';
      mapId: string;
      mapTitle: string;
      skipped: number;
      /** What this run still had to put back (a repair of an interrupted import). */
      restored: RestoredData;
    }
  | ({ status: 'done' } & ImportSummary)
  /** Part was written (cancelled or some writes failed); importing again completes it. */
  | ({
      status: 'incomplete';
      cancelled: boolean;
      failed: number;
      messages: string[];
    } & ImportSummary);

/** Miro sticky content must stay under 6,000 characters (HTML), so longer text is cut. */
const MAX_NOTE_CHARS = 5_000;

export function toSpec(file: JourneyMapFile): MapSpec {
  const { map } = file;
  return normalizeSpec({
    id: map.id,
    title: map.title,
    presetId: map.preset,
    persona: map.persona ? { name: map.persona.name, summary: map.persona.summary } : null,
    stages: map.stages.map(({ id, name }) => ({ id, name })),
    lanes: map.lanes.map(({ id, name, kind }) => ({ id, name, kind })),
  });
}

/** Import keys of the notes on the board now: from the import index, markers, or the board id. */
function presentKeys(
  notes: readonly BoardItem[],
  index: ReadonlyMap<string, { key: string }>,
  boardId: string,
): Set<string> {
  const keys = new Set<string>();
  for (const note of notes) keys.add(index.get(note.id)?.key ?? deriveImportKey(note, boardId));
  return keys;
}

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
    ref: `note:${i}`,
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

function uniqueByKey(notes: readonly ExportNote[]): ExportNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => !seen.has(n.importKey) && seen.add(n.importKey));
}

export async function importMap(
  workshop: Workshop,
  text: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const progress = (phase: ImportProgress['phase'], done = 0, total = 0) =>
    options.onProgress?.({ phase, done, total });
  const board: Board = workshop.board;
  progress('reading');
  const parsed = parseExport(text);
  if (!parsed.ok) {
    return parsed.field === undefined
      ? { status: 'invalid', message: parsed.message }
      : { status: 'invalid', message: parsed.message, field: parsed.field };
  }
  const file = parsed.file;
  const spec = toSpec(file);

  const [onBoard, index] = await Promise.all([readBoardMaps(board), loadImportedKeys(board)]);
  const notesNow = onBoard.items.filter((i) => i.kind === 'note');
  const present = presentKeys(notesNow, index, workshop.info.id);
  const fileNotes = uniqueByKey(file.map.notes);
  const toCreate = fileNotes.filter((n) => !present.has(n.importKey));
  const skipped = file.map.notes.length - toCreate.length;
  const existing = onBoard.maps.find((m) => m.record.spec.id === spec.id);

  const isoNow = () => (options.now?.() ?? new Date()).toISOString();
  if (existing && toCreate.length === 0)
    return {
      status: 'already-imported',
      mapId: spec.id,
      mapTitle: spec.title,
      skipped,
      restored: await restoreWorkshopData(workshop, file, { now: isoNow() }),
    };
  if (!existing) {
    const tags = await board.listTags();
    const validation = validateSpec(
      spec,
      tags.map((t) => t.title),
      specLimitsOf(board),
    );
    if (!validation.ok)
      return {
        status: 'refused',
        message: `This map cannot be made on this board: ${validation.problems.map((p) => p.message).join(' ')}`,
      };
  }

  progress('snapshot');
  // Kept in the history of the map the import goes into (none when it makes a new map).
  const snapshot = await takeAutoSnapshot(workshop, `before importing “${spec.title}”`, {
    items: onBoard.items,
    mapId: spec.id,
    now: options.now,
  });
  if (snapshot.status === 'failed') return { status: 'stopped', message: snapshot.message };

  let record: MapRecord;
  const nothingRestored: RestoredData = {
    groups: 0,
    actions: 0,
    rounds: 0,
    ratings: 0,
    kpis: 0,
    raci: 0,
    warnings: [],
  };
  const summary = (
    created: number,
    beside: number,
    restored: RestoredData = nothingRestored,
  ): ImportSummary => ({
    mapId: spec.id,
    mapTitle: spec.title,
    mapCreated: !existing,
    created,
    skipped,
    beside,
    snapshot,
    warnings: parsed.warnings,
    restored,
  });
  if (existing) record = existing.record;
  else {
    progress('map');
    const made = await createMap(board, spec, {
      signal: options.signal,
      now: options.now,
      onProgress: (p) => {
        if (p.phase === 'writing') progress('map', p.done, p.total);
      },
    });
    if (made.status === 'invalid')
      return { status: 'refused', message: made.problems.map((p) => p.message).join(' ') };
    if (made.status !== 'done') {
      const messages =
        made.status === 'incomplete' ? made.messages : ['The map could not be made.'];
      return {
        status: 'incomplete',
        cancelled: made.status === 'incomplete' && made.cancelled,
        failed: toCreate.length,
        messages,
        ...summary(0, 0),
      };
    }
    record = made.record;
  }

  // Where the map is now: an existing frame may have moved since its record was written.
  const frameId = record.itemIds[FRAME_KEY];
  const placed = existing ? existing.placed : toPlacedMap(record);
  const ctx = createStageContext(placed);
  const taken = new Map<string, number>();
  if (existing)
    for (const note of notesNow) {
      const cell = findCell(note.rect, ctx);
      if (!cell) continue;
      const key = cellId(cell.stageId, cell.laneId);
      taken.set(key, (taken.get(key) ?? 0) + 1);
    }
  const frame = placed.frameRect;
  // Notes outside cells first go to a block at 0, 0, then move to free space beside the map.
  const placements = placeImportedNotes({
    notes: toCreate,
    cells: placed.cells,
    taken,
    beside: { x: 0, y: 0 },
  });
  const outsideCount = placements.filter((p) => !p.inCell).length;
  if (outsideCount > 0) {
    const block = besideBlockSize(outsideCount);
    const near = { x: frame.x + frame.w + 100, y: frame.y, w: block.w, h: block.h };
    const spot = await board.findEmptySpace({ w: block.w, h: block.h }, near);
    for (const p of placements)
      if (!p.inCell) p.rect = { ...p.rect, x: p.rect.x + spot.x, y: p.rect.y + spot.y };
  }
  const ops = placements.map((p, i) => toNoteOp(p, i, frameId, board.limits));

  progress('notes', 0, ops.length);
  const result = await board.apply(ops, {
    signal: options.signal,
    onProgress: (p) => progress('notes', p.done, p.total),
  });

  progress('saving');
  const pairs: [string, string][] = [];
  placements.forEach((p, i) => {
    const id = result.ids[`note:${i}`];
    if (id !== undefined) pairs.push([id, p.note.importKey]);
  });
  await saveImportedKeys(board, spec.id, pairs);
  // Groups, actions and rounds after the notes, so their members map to notes that exist.
  const restored = await restoreWorkshopData(workshop, file, { now: isoNow() });
  progress('done');

  const besideCount = placements.filter((p, i) => !p.inCell && result.ids[`note:${i}`]).length;
  const base = summary(pairs.length, besideCount, restored);
  if (result.cancelled || result.failed.length > 0 || pairs.length < ops.length) {
    return {
      status: 'incomplete',
      cancelled: result.cancelled,
      failed: ops.length - pairs.length,
      messages: [...new Set(result.failed.map((f) => f.message))],
      ...base,
    };
  }
  return { status: 'done', ...base };
}
