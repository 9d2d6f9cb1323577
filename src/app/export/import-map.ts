/**
 * Import a journey-map file onto this board (issue 3 §5): read it through `parseExport` (a bad or
 * too-new file writes nothing), take an automatic snapshot, recreate the map unless it is here
 * already (`createMap`, in free space), then create the notes that are not on the board yet in
 * their stages and lanes, with their tags and colours, and record their import keys so a second
 * import of the same file skips them.
 *
 * Crash and race safety (issue 10): one import of a map at a time, by a lease in the board's
 * shared collection (`import-lease.ts`): a second facilitator importing the same file waits, then
 * imports again and finds everything there. The plan (each note's place) is in the board's import
 * index before the first note is made, so importing again after a fault — from any panel — finds
 * the notes made, finishes an incomplete map (`updateMap`) and makes the rest where the plan put
 * them. Every outcome is a value; nothing throws.
 */
import type { Board, BoardLimits, WriteOp } from '../../board/port';
import { isPaletteColor } from '../../domain/board/board-item';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { parseExport } from '../../domain/export/restore';
import { normalizeSpec } from '../../domain/journey/edit-spec';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { MapSpec } from '../../domain/journey/map-spec';
import { specLimitsOf, validateSpec } from '../../domain/journey/validate-spec';
import { errorMessage, hexOf } from '../../domain/common';
import { createMap } from '../map/create-map';
import { MAP_COLLECTION } from '../map/map-store';
import { updateMap } from '../map/update-map';
import { toPlacedMap } from '../map/load-placed-maps';
import type { Workshop } from '../workshop';
import { readBoardMaps } from './build-journey-map';
import {
  claimLease,
  holdLease,
  importLeaseKey,
  realClock,
  waitForLease,
  type LeaseClock,
} from './import-lease';
import { loadImportedKeys, saveImportedKeys } from './imported-keys';
import { importNeeds, placeImport, planToken } from '../../domain/export/import-plan';
import { besideBlockSize, type Placement } from '../../domain/export/place-imported-notes';
import { restoreWorkshopData, type RestoredData } from './restore-workshop-data';
import { takeAutoSnapshot, type AutoSnapshotResult } from './snapshots';

export interface ImportProgress {
  /**
   * reading: the file and the board; waiting: for another panel's import of this map to end;
   * map: creating (or finishing) the map; notes: creating notes.
   */
  phase: 'reading' | 'waiting' | 'snapshot' | 'map' | 'notes' | 'saving' | 'done';
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  now?: () => Date;
  /** Lease times and waits (tests move time on). */
  clock?: LeaseClock;
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
  /**
   * Stopped before the first write to the board (the automatic snapshot hit a full disk, the
   * board did not keep the import's claim, cancelled while waiting for another import).
   */
  | { status: 'stopped'; message: string }
  | {
      status: 'already-imported';
      mapId: string;
      mapTitle: string;
      skipped: number;
      /** What this run still had to put back (a repair of an interrupted import). */
      restored: RestoredData;
    }
  /** Reading the board failed part way; the board may hold part of it. Importing again finishes. */
  | { status: 'interrupted'; message: string }
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

function randomToken(): string {
  return hexOf(crypto.getRandomValues(new Uint8Array(12)));
}

export async function importMap(
  workshop: Workshop,
  text: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  options.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  const parsed = parseExport(text);
  if (!parsed.ok) {
    return parsed.field === undefined
      ? { status: 'invalid', message: parsed.message }
      : { status: 'invalid', message: parsed.message, field: parsed.field };
  }
  const spec = toSpec(parsed.file);
  const shared = workshop.board.shared(MAP_COLLECTION);
  const key = importLeaseKey(spec.id);
  const me = { token: randomToken(), name: workshop.user.name };
  const clock = options.clock ?? realClock;
  for (;;) {
    let claim;
    try {
      claim = await claimLease(shared, key, me, clock);
    } catch (error) {
      return {
        status: 'stopped',
        message: `Nothing was imported: the board did not keep this import's claim (${errorMessage(error)}). Try again.`,
      };
    }
    if (claim.held) break;
    // Another panel imports this map now: wait for it, then import again (finding its work).
    options.onProgress?.({ phase: 'waiting', done: 0, total: 0 });
    await waitForLease(shared, key, claim.by, clock, options.signal);
    if (options.signal?.aborted)
      return {
        status: 'stopped',
        message: `Nothing was imported: cancelled while ${claim.by.name} was importing this map.`,
      };
  }
  const lease = holdLease(shared, key, me, clock);
  try {
    return await importHeld(workshop, parsed.file, spec, parsed.warnings, {
      ...options,
      onProgress: (p) => {
        lease.renew();
        options.onProgress?.(p);
      },
    });
  } catch (error) {
    // A call that failed outside the batch (the board went away): say so rather than throw.
    return {
      status: 'interrupted',
      message: `The import stopped (${errorMessage(error)}); part of it may be on the board. Importing the same file again finishes it without duplicates.`,
    };
  } finally {
    await lease.release();
  }
}

/** The import itself, with the lease held. */
async function importHeld(
  workshop: Workshop,
  file: JourneyMapFile,
  spec: MapSpec,
  warnings: string[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const progress = (phase: ImportProgress['phase'], done = 0, total = 0) =>
    options.onProgress?.({ phase, done, total });
  const board: Board = workshop.board;

  const [onBoard, index] = await Promise.all([readBoardMaps(board), loadImportedKeys(board)]);
  const notesNow = onBoard.items.filter((i) => i.kind === 'note');
  const existing = onBoard.maps.find((m) => m.record.spec.id === spec.id);
  const { plan, strays, toCreate } = importNeeds({
    fileNotes: file.map.notes,
    notes: notesNow,
    index,
    mapId: spec.id,
    boardId: workshop.info.id,
    ...(existing
      ? {
          frame: {
            rect: existing.placed.frameRect,
            id: existing.record.itemIds[FRAME_KEY],
          },
        }
      : {}),
  });
  const skipped = file.map.notes.length - toCreate.length;

  const isoNow = () => (options.now?.() ?? new Date()).toISOString();
  if (existing && !existing.record.incomplete && toCreate.length === 0)
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
    warnings,
    restored,
  });
  const mapFailed = (messages: string[], cancelled = false): ImportOutcome => ({
    status: 'incomplete',
    cancelled,
    failed: toCreate.length,
    messages,
    ...summary(0, 0),
  });

  let record: MapRecord;
  const mapRun = {
    signal: options.signal,
    now: options.now,
    onProgress: (p: { phase: string; done: number; total: number }) => {
      if (p.phase === 'writing') progress('map', p.done, p.total);
    },
  };
  if (existing && !existing.record.incomplete) record = existing.record;
  else {
    progress('map');
    // A map an interrupted run left incomplete is finished from its own record ("Update on
    // board", which adopts what exists); otherwise it is made.
    const made = existing
      ? await updateMap(board, spec.id, existing.record.spec, mapRun)
      : await createMap(board, spec, mapRun);
    if (made.status === 'invalid')
      return { status: 'refused', message: made.problems.map((p) => p.message).join(' ') };
    if (made.status !== 'done')
      return made.status === 'incomplete'
        ? mapFailed(made.messages, made.cancelled)
        : mapFailed(['message' in made ? made.message : 'The map could not be made.']);
    record = made.record;
  }

  // Where the map is now: an existing frame may have moved since its record was written.
  const frameId = record.itemIds[FRAME_KEY];
  const placed = existing && !existing.record.incomplete ? existing.placed : toPlacedMap(record);
  const frame = placed.frameRect;
  // Notes an earlier run planned go where it planned them; the rest are placed now, and those
  // outside cells go to a block at 0, 0 that moves to free space beside the map.
  const { placements, fresh } = placeImport({
    toCreate,
    plan,
    placed,
    notesThere: existing ? notesNow : [],
  });
  const outsideCount = fresh.filter((p) => !p.inCell).length;
  if (outsideCount > 0) {
    const block = besideBlockSize(outsideCount);
    const near = { x: frame.x + frame.w + 100, y: frame.y, w: block.w, h: block.h };
    const spot = await board.findEmptySpace({ w: block.w, h: block.h }, near);
    for (const p of fresh)
      if (!p.inCell)
        p.rect = {
          ...p.rect,
          x: Math.round(p.rect.x + spot.x),
          y: Math.round(p.rect.y + spot.y),
        };
  }
  const ops: WriteOp[] = [
    ...strays.map((n): WriteOp => ({ op: 'remove', id: n.id })),
    ...placements.map((p, i) => toNoteOp(p, i, frameId, board.limits)),
  ];

  // Intent before effect: the plan of the new placements is on the board before the first note.
  try {
    await saveImportedKeys(
      board,
      spec.id,
      fresh.map((p) => [planToken(p.rect, frame), p.note.importKey]),
    );
  } catch (error) {
    return mapFailed([
      `No note was made: the import could not record its plan on the board (${errorMessage(error)}). Importing the same file again finishes it.`,
    ]);
  }

  progress('notes', 0, ops.length);
  // (Strays first: a half-made note is replaced by the one the plan wants, in its frame.)
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
  const notes = [...warnings];
  try {
    await saveImportedKeys(board, spec.id, pairs);
  } catch (error) {
    // The plan already names every note by its place, so a later import still finds them.
    notes.push(
      `The import index was not updated (${errorMessage(error)}); the notes are found by their place.`,
    );
  }
  // Groups, actions, rounds and insights after the notes, so their members map to notes that exist.
  const restored = await restoreWorkshopData(workshop, file, { now: isoNow() });
  progress('done');

  const besideCount = placements.filter((p, i) => !p.inCell && result.ids[`note:${i}`]).length;
  const base = { ...summary(pairs.length, besideCount, restored), warnings: notes };
  if (result.cancelled || result.failed.length > 0 || pairs.length < placements.length) {
    return {
      status: 'incomplete',
      cancelled: result.cancelled,
      failed: placements.length - pairs.length,
      messages: [...new Set(result.failed.map((f) => f.message))],
      ...base,
    };
  }
  return { status: 'done', ...base };
}
