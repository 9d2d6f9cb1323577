/**
 * "Create on board" (issue 2 §4): validate against the board's tags, find empty space near the
 * view, lay out, make one tag per stage (this map's own: see stage-tag-titles.ts), create the frame and its
 * children in one batch, store the record, zoom to the frame.
 *
 * Intent before effect (issue 10): the record is written before the batch (marked incomplete),
 * so a panel that closes halfway leaves a map other panels can see and "Update on board" can
 * finish by adopting what exists; ids are journaled as they come back, and the record is written
 * again after the batch. Every failure comes back as an outcome saying what changed.
 */
import type { BatchResult, Board, BoardTag, Rect, WriteOp } from '../../board/port';
import { normalizeSpec } from '../../domain/journey/edit-spec';
import { deriveMapSize, FRAME_KEY, layoutMap, type MapLayout } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { MapSpec } from '../../domain/journey/map-spec';
import { intendedMapRecord, recordAfterCreate } from '../../domain/journey/plan-map-create';
import { stageTagColorOf } from '../../domain/journey/stage-tag-colors';
import { chooseStageTagTitles } from '../../domain/journey/stage-tag-titles';
import { specLimitsOf, validateSpec } from '../../domain/journey/validate-spec';
import { loadMap, loadMapIds, loadMaps, saveMap } from './map-store';
import { succeededOps } from '../../board/batch-result';
import { startRun, type MapOutcome, type MapRun, type MapRunOptions } from './map-progress';
import { createRecordJournal, errorText } from './record-journal';
import { toCreateOp } from './to-write-ops';

export async function createMap(
  board: Board,
  input: MapSpec,
  options: MapRunOptions = {},
): Promise<MapOutcome> {
  const progress = startRun(options);
  const spec = normalizeSpec(input);
  const read = await readForCreate(board, spec, options);
  const refused = await refuseCreate(board, spec, read);
  if (refused) return refused;

  const layout = layoutMap(spec, { x: Math.round(read.spot.x), y: Math.round(read.spot.y) });
  const record = intendedMapRecord(spec, layout, progress.now());
  const tags = stageTagsFor(board, spec, read.maps);
  const ops = createOps(spec, layout, tags);
  // Intent before effect: the record (incomplete, where the map will be) is on the board before
  // the first item, so any panel that opens later sees the map and "Update on board" adopts what
  // was made. Nothing is written if it cannot be stored.
  try {
    await saveMap(board, record, read.mapIds);
  } catch (error) {
    return {
      status: 'failed',
      changed: false,
      message: `Nothing on the board was changed: the map could not be recorded (${errorText(error)}).`,
    };
  }
  const result = await writeCreate(board, record, ops, progress, options.signal);

  const ok = succeededOps(result, ops.length);
  const made = new Set(tags.wanted.filter((_, i) => ok.has(i)));
  progress.phase('saving');
  const saved = recordAfterCreate(
    record,
    layout,
    { ...tags, made },
    { ids: result.ids, failed: result.failed.length, cancelled: result.cancelled },
    progress.now(),
  );
  return saveCreate(board, { saved, mapIds: read.mapIds, result, layout, progress });
}

interface CreateRead {
  tags: BoardTag[];
  mapIds: string[];
  maps: MapRecord[];
  spot: Rect;
}

/**
 * Independent reads at once: on Miro each is a round trip. Where the map goes depends only on
 * its size, so the free spot is looked for alongside (wasted only when the spec is refused).
 */
async function readForCreate(
  board: Board,
  spec: MapSpec,
  options: MapRunOptions,
): Promise<CreateRead> {
  const size = deriveMapSize(spec.stages.length, spec.lanes.length);
  const [tags, mapIds, { maps }, spot] = await Promise.all([
    board.listTags(),
    loadMapIds(board),
    loadMaps(board),
    (options.near ? Promise.resolve(options.near) : board.viewport()).then((near) =>
      board.findEmptySpace(size, near),
    ),
  ]);
  return { tags, mapIds, maps, spot };
}

/** Why nothing may be written: the map is on the board already, or the spec is invalid. */
async function refuseCreate(
  board: Board,
  spec: MapSpec,
  { tags, mapIds }: CreateRead,
): Promise<MapOutcome | null> {
  // Listed with a record: on the board already. Listed without one (a record write failed
  // after the index's): made anew here, adopting nothing it cannot see.
  if (mapIds.includes(spec.id) && (await loadMap(board, spec.id)).ok)
    return {
      status: 'invalid',
      problems: [
        { field: 'id', message: 'This map is already on the board: use "Update on board".' },
      ],
    };
  const validation = validateSpec(
    spec,
    tags.map((t) => t.title),
    specLimitsOf(board),
  );
  return validation.ok ? null : { status: 'invalid', problems: validation.problems };
}

/** This map's own stage tags: none another map holds, even where stage names are the same. */
function stageTagsFor(board: Board, spec: MapSpec, maps: readonly MapRecord[]) {
  const titleOf = chooseStageTagTitles(spec, {
    taken: maps.flatMap((m) => Object.values(m.tagTitles)),
    maxTagTitle: board.limits.tagTitle,
  });
  return { titleOf, wanted: [...new Set(Object.values(titleOf))] };
}

/** One batch: the stage tags first, then the frame and its children. */
function createOps(
  spec: MapSpec,
  layout: MapLayout,
  tags: ReturnType<typeof stageTagsFor>,
): WriteOp[] {
  return [
    ...tags.wanted.map((title): WriteOp => ({
      op: 'ensureTag',
      title,
      color: stageTagColorOf(spec, tags.titleOf, title),
    })),
    ...layout.items.map((item) => toCreateOp(item, spec.id, { ref: FRAME_KEY })),
  ];
}

/** The batch; created ids are journaled as they come back (one record write in flight at a time). */
async function writeCreate(
  board: Board,
  record: MapRecord,
  ops: WriteOp[],
  progress: MapRun,
  signal: AbortSignal | undefined,
): Promise<BatchResult> {
  const journal = createRecordJournal(board, record);
  const result = await board.apply(ops, {
    onProgress: progress.batch,
    signal,
    onCreated: journal.created,
  });
  await journal.settled();
  return result;
}

/** The record written again, the view zoomed to the frame (unless cancelled), and the outcome. */
async function saveCreate(
  board: Board,
  done: {
    saved: MapRecord;
    mapIds: string[];
    result: BatchResult;
    layout: MapLayout;
    progress: MapRun;
  },
): Promise<MapOutcome> {
  const { saved, mapIds, result, layout, progress } = done;
  const frameId = saved.itemIds[FRAME_KEY];
  const [stored] = await Promise.allSettled([
    saveMap(board, saved, [...mapIds, saved.spec.id]),
    frameId !== undefined && !result.cancelled ? board.zoomTo([frameId]) : undefined,
  ]);
  progress.phase('done');
  if (stored.status === 'rejected')
    return {
      status: 'incomplete',
      record: saved,
      cancelled: result.cancelled,
      messages: [
        ...result.failed.map((f) => f.message),
        `The map is on the board (${Object.keys(saved.itemIds).length} of ${layout.items.length} items) but its record could not be saved (${errorText(stored.reason)}); “Update on board” finishes it.`,
      ],
    };
  return !saved.incomplete
    ? { status: 'done', record: saved }
    : {
        status: 'incomplete',
        record: saved,
        cancelled: result.cancelled,
        messages: result.failed.map((f) => f.message),
      };
}
