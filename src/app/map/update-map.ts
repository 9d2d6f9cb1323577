/**
 * "Update on board" (issue 2 §4): change the existing map in place, never a second one. Reads the
 * board once (items and tags) so the plan follows a frame moved by hand, drops ids of items
 * someone deleted (they are re-created), and finishes a map a failed write left incomplete.
 */
import type { BatchResult, Board, BoardItem, WriteOp } from '../../board/port';
import { normalizeSpec } from '../../domain/journey/edit-spec';
import { FRAME_KEY, layoutMap } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { MapSpec } from '../../domain/journey/map-spec';
import {
  planStageTagSteps,
  tagTitlesAfter,
  updateTagTitles,
  type StageTagStep,
  type UpdateTagTitles,
} from '../../domain/journey/plan-stage-tags';
import {
  frameBatches,
  isPlanDone,
  notesInFrame,
  planMapUpdate,
  type MapPlanOp,
  type MapUpdatePlan,
} from '../../domain/journey/plan-map-update';
import { specLimitsOf, validateSpec } from '../../domain/journey/validate-spec';
import { succeededOps } from '../../board/batch-result';
import { startRun, type MapOutcome, type MapRun, type MapRunOptions } from './map-progress';
import { loadMap, loadMaps, saveMap } from './map-store';
import { findMapItems, type MapItemsFound } from '../../domain/journey/adopt-map-items';
import { errorText } from './record-journal';
import { toWriteOps } from './to-write-ops';

export interface UpdateMapOptions extends MapRunOptions {
  /** Removed stage and lane ids whose notes the facilitator agreed to move out of the grid. */
  confirmRemove?: readonly string[];
}

/** A step's value, or the outcome that ends the update there. */
type Step<T> = ({ ok: true } & T) | { ok: false; outcome: MapOutcome };

export async function updateMap(
  board: Board,
  mapId: string,
  input: MapSpec,
  options: UpdateMapOptions = {},
): Promise<MapOutcome> {
  const progress = startRun(options);
  const read = await readForUpdate(board, mapId);
  if (!read.ok) return read.outcome;
  const next = normalizeSpec({ ...input, id: mapId });
  const planned = planUpdate(board, read, next, options.confirmRemove);
  if (!planned.ok) return planned.outcome;
  const written = await writeUpdate(board, mapId, planned, options.signal, progress);
  return saveUpdate(board, read.record, next, planned, written, progress);
}

/** What an update reads of the board before deciding. */
interface UpdateRead {
  record: MapRecord;
  items: BoardItem[];
  boardTitles: Set<string>;
  /** Every map on the board, this one included. */
  maps: MapRecord[];
}

/** The map's record, the board's items and tags, and every map, read at once. */
async function readForUpdate(board: Board, mapId: string): Promise<Step<UpdateRead>> {
  // Independent reads at once: on Miro each is a round trip.
  let read;
  try {
    read = await Promise.all([
      loadMap(board, mapId),
      board.listItems(),
      board.listTags(),
      loadMaps(board),
    ]);
  } catch (error) {
    return {
      ok: false,
      outcome: {
        status: 'failed',
        changed: false,
        message: `Nothing on the board was changed: the board could not be read (${errorText(error)}).`,
      },
    };
  }
  const [loaded, items, tags, { maps }] = read;
  if (!loaded.ok) return { ok: false, outcome: { status: 'not-found', message: loaded.message } };
  return {
    ok: true,
    record: loaded.record,
    items,
    boardTitles: new Set(tags.map((t) => t.title)),
    maps,
  };
}

/** What the update will write, decided from what was read; nothing is written yet. */
interface UpdatePlanned {
  found: MapItemsFound;
  titles: UpdateTagTitles;
  plan: MapUpdatePlan;
  tagSteps: StageTagStep[];
}

/**
 * The plan: the map's items found again (a frame moved by hand is followed, items someone
 * deleted are re-created, items an interrupted run made are adopted), its stage tags, the spec
 * checked against the board's tags, then the layout's steps and the tag steps.
 */
function planUpdate(
  board: Board,
  read: UpdateRead,
  next: MapSpec,
  confirmRemove: readonly string[] | undefined,
): Step<UpdatePlanned> {
  const { record, items, boardTitles, maps } = read;
  const found = findMapItems(record, next, items);
  const titles = updateTagTitles({
    spec: next,
    record,
    maps,
    boardTitles,
    maxTagTitle: board.limits.tagTitle,
  });
  // Renames free one title and take another, so the tag budget counts them as new tags only.
  const validation = validateSpec(
    next,
    [...boardTitles].filter((t) => !titles.renamedFrom.has(t)),
    specLimitsOf(board),
  );
  if (!validation.ok)
    return { ok: false, outcome: { status: 'invalid', problems: validation.problems } };

  const notes = notesInFrame(items, found.frame);
  const previous = {
    spec: record.spec,
    layout: layoutMap(record.spec, found.origin),
    itemIds: found.itemIds,
    tagTitles: titles.onBoard,
    ...(found.frame ? { frame: found.frame.rect } : {}),
  };
  const plan = planMapUpdate(previous, next, notes, {
    ...(confirmRemove ? { confirmRemove } : {}),
    resync: record.incomplete || found.changed,
    tagTitles: titles.wanted,
  });
  if (plan.needsConfirmation.length > 0)
    return { ok: false, outcome: { status: 'needs-confirmation', items: plan.needsConfirmation } };

  const tagSteps = planStageTagSteps({
    spec: next,
    mapId: next.id,
    wanted: titles.wanted,
    renames: plan.tagRenames,
    ensure: plan.tagsToEnsure,
    boardTitles,
    maps,
    notes: items.filter((i) => i.kind === 'note'),
    inFrame: new Set(notes.map((n) => n.id)),
  });
  return { ok: true, found, titles, plan, tagSteps };
}

/** A stage tag step as the board's write operation. */
function tagWriteOp(step: StageTagStep): WriteOp {
  switch (step.kind) {
    case 'ensure':
      return { op: 'ensureTag', title: step.title, color: step.color };
    case 'retag':
      return { op: 'tag', id: step.noteId, add: [step.title], remove: [step.from] };
    case 'rename':
      return { op: 'renameTag', from: step.from, to: step.title };
  }
}

/** What the batches surely did, for the record. */
interface UpdateWritten {
  itemIds: Record<string, string>;
  madeTitles: Set<string>;
  messages: string[];
  cancelled: boolean;
}

interface UpdateBatch {
  tagSteps: readonly StageTagStep[];
  steps: readonly MapPlanOp[];
}

/**
 * Three batches, because the write queue runs a batch's ops concurrently (`frameBatches`); the
 * tag steps go with the first. A batch that fails or is cancelled stops the rest: later batches
 * depend on it, and the next update picks up from the record.
 */
async function writeUpdate(
  board: Board,
  mapId: string,
  { found, plan, tagSteps }: UpdatePlanned,
  signal: AbortSignal | undefined,
  progress: MapRun,
): Promise<UpdateWritten> {
  const [before, children, after] = frameBatches(plan.ops);
  const batches: UpdateBatch[] = [
    { tagSteps, steps: before },
    { tagSteps: [], steps: children },
    { tagSteps: [], steps: after },
  ];
  const total = tagSteps.length + plan.ops.length;
  let offset = 0;
  const written: UpdateWritten = {
    itemIds: { ...found.itemIds },
    madeTitles: new Set<string>(),
    messages: [],
    cancelled: false,
  };
  for (const batch of batches) {
    const ops = [
      ...batch.tagSteps.map(tagWriteOp),
      ...toWriteOps(batch.steps, mapId, written.itemIds[FRAME_KEY]),
    ];
    if (ops.length === 0) continue;
    const base = offset;
    const result = await board.apply(ops, {
      signal,
      onProgress: (p) => progress.batch({ ...p, done: base + p.done, total }),
    });
    offset += ops.length;
    keepWhatTookEffect(written, batch, result);
    if (result.failed.length > 0 || result.cancelled) break;
  }
  return written;
}

/** Notes in `written` the titles made, the ids removed and created, and the failures of a batch. */
function keepWhatTookEffect(written: UpdateWritten, batch: UpdateBatch, result: BatchResult): void {
  const { itemIds } = written;
  const ok = succeededOps(result, batch.tagSteps.length + batch.steps.length);
  batch.tagSteps.forEach((t, i) => {
    if (ok.has(i)) written.madeTitles.add(t.title);
  });
  batch.steps.forEach((step, j) => {
    const i = batch.tagSteps.length + j;
    if (step.op === 'remove' && ok.has(i) && itemIds[step.key] === step.id)
      delete itemIds[step.key];
    if (step.op === 'create') {
      const id = result.ids[step.key];
      if (id !== undefined) itemIds[step.key] = id;
    }
  });
  written.messages.push(...result.failed.map((f) => f.message));
  written.cancelled = result.cancelled;
}

/** The record as the batches left the map (incomplete unless all is there), saved. */
async function saveUpdate(
  board: Board,
  record: MapRecord,
  next: MapSpec,
  { titles, plan }: UpdatePlanned,
  { itemIds, madeTitles, messages, cancelled }: UpdateWritten,
  progress: MapRun,
): Promise<MapOutcome> {
  const nextTags = tagTitlesAfter(next, plan.tagTitles, titles.onBoard, madeTitles);
  const complete = messages.length === 0 && !cancelled && isPlanDone(plan, next, itemIds, nextTags);

  progress.phase('saving');
  const saved: MapRecord = {
    ...record,
    spec: next,
    origin: plan.layout.origin,
    size: plan.layout.size,
    geometry: plan.layout.geometry,
    itemIds,
    tagTitles: nextTags,
    updatedAt: progress.now(),
    incomplete: !complete,
  };
  try {
    await saveMap(board, saved);
  } catch (error) {
    progress.phase('done');
    return {
      status: 'incomplete',
      record: saved,
      cancelled,
      messages: [
        ...messages,
        `The board was updated but the map record could not be saved (${errorText(error)}); “Update on board” again finishes it.`,
      ],
    };
  }
  progress.phase('done');
  return complete
    ? { status: 'done', record: saved }
    : {
        status: 'incomplete',
        record: saved,
        cancelled,
        messages,
      };
}
