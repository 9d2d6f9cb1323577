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
import type { BatchResult, Board, BoardItem } from '../../board/port';
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
import type { Workshop } from '../workshop';
import { readBoardMaps, type BoardMaps } from './build-journey-map';
import {
  claimLease,
  holdLease,
  importLeaseKey,
  realClock,
  waitForLease,
  type LeaseClock,
} from './import-lease';
import { loadImportedKeys, saveImportedKeys } from './imported-keys';
import { importNeeds, planEntries, type ImportNeeds } from '../../domain/export/import-plan';
import type { Placement } from '../../domain/export/place-imported-notes';
import {
  placeNotes,
  saveMadeNotes,
  writeNotes,
  type MadeNotes,
  type PlacedNotes,
} from './import-notes';
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

type Progress = (phase: ImportProgress['phase'], done?: number, total?: number) => void;

/** A step's value, or the outcome that ends the import there. */
type Step<T> = ({ ok: true } & T) | { ok: false; outcome: ImportOutcome };

/** The import itself, with the lease held. */
async function importHeld(
  workshop: Workshop,
  file: JourneyMapFile,
  spec: MapSpec,
  warnings: string[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const progress: Progress = (phase, done = 0, total = 0) =>
    options.onProgress?.({ phase, done, total });
  const isoNow = () => (options.now?.() ?? new Date()).toISOString();
  const board: Board = workshop.board;

  const scan = await scanBoard(workshop, file, spec);
  const { existing } = scan;
  if (existing && !existing.record.incomplete && scan.toCreate.length === 0)
    return {
      status: 'already-imported',
      mapId: spec.id,
      mapTitle: spec.title,
      skipped: scan.skipped,
      restored: await restoreWorkshopData(workshop, file, { now: isoNow() }),
    };
  if (!existing) {
    const refused = await refusalOf(board, spec);
    if (refused) return refused;
  }

  progress('snapshot');
  // Kept in the history of the map the import goes into (none when it makes a new map).
  const snapshot = await takeAutoSnapshot(workshop, `before importing “${spec.title}”`, {
    items: scan.items,
    mapId: spec.id,
    now: options.now,
  });
  if (snapshot.status === 'failed') return { status: 'stopped', message: snapshot.message };
  const facts: ImportFacts = {
    spec,
    mapCreated: !existing,
    skipped: scan.skipped,
    toCreate: scan.toCreate.length,
    snapshot,
    warnings,
  };

  const map = await ensureMap(board, spec, existing, facts, options, progress);
  if (!map.ok) return map.outcome;
  const notes = await placeNotes(board, scan, map.record);
  // Intent before effect: the plan of the new placements is on the board before the first note.
  const unplanned = await savePlan(board, spec.id, notes, facts);
  if (unplanned) return unplanned;
  const result = await writeNotes(board, scan.strays, notes.placements, {
    frameId: map.record.itemIds[FRAME_KEY],
    signal: options.signal,
    onProgress: (done, total) => progress('notes', done, total),
  });

  progress('saving');
  const made = await saveMadeNotes(board, spec.id, notes.placements, result, warnings);
  // Groups, actions, rounds and insights after the notes, so their members map to notes that exist.
  const restored = await restoreWorkshopData(workshop, file, { now: isoNow() });
  progress('done');
  return finalOutcome(facts, notes.placements, result, made, restored);
}

type OnBoardMap = BoardMaps['maps'][number];

/** What the board holds for this import, and what the file still needs of it. */
interface ImportScan extends ImportNeeds {
  /** Every note and frame, as listed once (the snapshot's items). */
  items: BoardItem[];
  notes: BoardItem[];
  /** This map, when it is on the board already. */
  existing: OnBoardMap | undefined;
  /** Notes of the file already on this board. */
  skipped: number;
}

/** The board's notes and maps and its import index, read at once; what to make (`importNeeds`). */
async function scanBoard(
  workshop: Workshop,
  file: JourneyMapFile,
  spec: MapSpec,
): Promise<ImportScan> {
  const [onBoard, index] = await Promise.all([
    readBoardMaps(workshop.board),
    loadImportedKeys(workshop.board),
  ]);
  const notes = onBoard.items.filter((i) => i.kind === 'note');
  const existing = onBoard.maps.find((m) => m.record.spec.id === spec.id);
  const needs = importNeeds({
    fileNotes: file.map.notes,
    notes,
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
  return {
    items: onBoard.items,
    notes,
    existing,
    ...needs,
    skipped: file.map.notes.length - needs.toCreate.length,
  };
}

/** Why a new map cannot go on this board (e.g. too many tags), if it cannot. */
async function refusalOf(board: Board, spec: MapSpec): Promise<ImportOutcome | undefined> {
  const tags = await board.listTags();
  const validation = validateSpec(
    spec,
    tags.map((t) => t.title),
    specLimitsOf(board),
  );
  if (validation.ok) return undefined;
  return {
    status: 'refused',
    message: `This map cannot be made on this board: ${validation.problems.map((p) => p.message).join(' ')}`,
  };
}

/** What every summary of this import says, whatever it goes on to make. */
interface ImportFacts {
  spec: MapSpec;
  mapCreated: boolean;
  skipped: number;
  /** Notes of the file not on this board yet. */
  toCreate: number;
  snapshot: AutoSnapshotResult;
  warnings: string[];
}

const nothingRestored = (): RestoredData => ({
  groups: 0,
  actions: 0,
  rounds: 0,
  ratings: 0,
  kpis: 0,
  raci: 0,
  warnings: [],
});

function summaryOf(
  facts: ImportFacts,
  created: number,
  beside: number,
  restored: RestoredData = nothingRestored(),
): ImportSummary {
  return {
    mapId: facts.spec.id,
    mapTitle: facts.spec.title,
    mapCreated: facts.mapCreated,
    created,
    skipped: facts.skipped,
    beside,
    snapshot: facts.snapshot,
    warnings: facts.warnings,
    restored,
  };
}

/** Stopped before the first note: the map could not be made, or the plan not recorded. */
const noNoteMade = (facts: ImportFacts, messages: string[], cancelled = false): ImportOutcome => ({
  status: 'incomplete',
  cancelled,
  failed: facts.toCreate,
  messages,
  ...summaryOf(facts, 0, 0),
});

/**
 * The map the notes go into: the one here; else made, or, when an interrupted run left it
 * incomplete, finished from its own record ("Update on board", which adopts what exists).
 */
async function ensureMap(
  board: Board,
  spec: MapSpec,
  existing: OnBoardMap | undefined,
  facts: ImportFacts,
  options: ImportOptions,
  progress: Progress,
): Promise<Step<{ record: MapRecord }>> {
  if (existing && !existing.record.incomplete) return { ok: true, record: existing.record };
  const mapRun = {
    signal: options.signal,
    now: options.now,
    onProgress: (p: { phase: string; done: number; total: number }) => {
      if (p.phase === 'writing') progress('map', p.done, p.total);
    },
  };
  progress('map');
  const made = existing
    ? await updateMap(board, spec.id, existing.record.spec, mapRun)
    : await createMap(board, spec, mapRun);
  if (made.status === 'invalid')
    return {
      ok: false,
      outcome: { status: 'refused', message: made.problems.map((p) => p.message).join(' ') },
    };
  if (made.status !== 'done')
    return {
      ok: false,
      outcome:
        made.status === 'incomplete'
          ? noNoteMade(facts, made.messages, made.cancelled)
          : noNoteMade(facts, ['message' in made ? made.message : 'The map could not be made.']),
    };
  return { ok: true, record: made.record };
}

/** The plan (each fresh note's place) into the board's import index; the outcome if it fails. */
async function savePlan(
  board: Board,
  mapId: string,
  notes: PlacedNotes,
  facts: ImportFacts,
): Promise<ImportOutcome | undefined> {
  try {
    await saveImportedKeys(board, mapId, planEntries(notes.fresh, notes.frame));
    return undefined;
  } catch (error) {
    return noNoteMade(facts, [
      `No note was made: the import could not record its plan on the board (${errorMessage(error)}). Importing the same file again finishes it.`,
    ]);
  }
}

/** Done when every planned note was made; else incomplete, and importing again completes it. */
function finalOutcome(
  facts: ImportFacts,
  placements: readonly Placement[],
  result: BatchResult,
  made: MadeNotes,
  restored: RestoredData,
): ImportOutcome {
  const base = {
    ...summaryOf(facts, made.pairs.length, made.beside, restored),
    warnings: made.warnings,
  };
  if (result.cancelled || result.failed.length > 0 || made.pairs.length < placements.length) {
    return {
      status: 'incomplete',
      cancelled: result.cancelled,
      failed: placements.length - made.pairs.length,
      messages: [...new Set(result.failed.map((f) => f.message))],
      ...base,
    };
  }
  return { status: 'done', ...base };
}
