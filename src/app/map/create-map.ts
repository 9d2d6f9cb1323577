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
import type { Board, WriteOp } from '../../board/port';
import { normalizeSpec } from '../../domain/journey/edit-spec';
import { deriveMapSize, FRAME_KEY, layoutMap } from '../../domain/journey/layout';
import { MAP_RECORD_VERSION, type MapRecord } from '../../domain/journey/map-record';
import type { MapSpec } from '../../domain/journey/map-spec';
import { stageTagColorOf } from '../../domain/journey/stage-tag-colors';
import { chooseStageTagTitles } from '../../domain/journey/stage-tag-titles';
import { specLimitsOf, validateSpec } from '../../domain/journey/validate-spec';
import { loadMap, loadMapIds, loadMaps, saveMap } from './map-store';
import { succeededOps } from '../../board/batch-result';
import { startRun, type MapOutcome, type MapRunOptions } from './map-progress';
import { createRecordJournal, errorText } from './record-journal';
import { toCreateOp } from './to-write-ops';

export async function createMap(
  board: Board,
  input: MapSpec,
  options: MapRunOptions = {},
): Promise<MapOutcome> {
  const progress = startRun(options);
  const spec = normalizeSpec(input);
  // Independent reads at once: on Miro each is a round trip. Where the map goes depends only on
  // its size, so the free spot is looked for alongside (wasted only when the spec is refused).
  const size = deriveMapSize(spec.stages.length, spec.lanes.length);
  const [tags, mapIds, { maps }, spot] = await Promise.all([
    board.listTags(),
    loadMapIds(board),
    loadMaps(board),
    (options.near ? Promise.resolve(options.near) : board.viewport()).then((near) =>
      board.findEmptySpace(size, near),
    ),
  ]);
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
  if (!validation.ok) return { status: 'invalid', problems: validation.problems };

  const layout = layoutMap(spec, { x: Math.round(spot.x), y: Math.round(spot.y) });
  const createdAt = progress.now();
  const record: MapRecord = {
    version: MAP_RECORD_VERSION,
    spec,
    origin: layout.origin,
    size: layout.size,
    geometry: layout.geometry,
    itemIds: {},
    tagTitles: {},
    createdAt,
    updatedAt: createdAt,
    incomplete: true,
  };

  // This map's own stage tags: none another map holds, even where stage names are the same.
  const titleOf = chooseStageTagTitles(spec, {
    taken: maps.flatMap((m) => Object.values(m.tagTitles)),
    maxTagTitle: board.limits.tagTitle,
  });
  const tagTitles = [...new Set(Object.values(titleOf))];
  const ops: WriteOp[] = [
    ...tagTitles.map((title): WriteOp => ({
      op: 'ensureTag',
      title,
      color: stageTagColorOf(spec, titleOf, title),
    })),
    ...layout.items.map((item) => toCreateOp(item, spec.id, { ref: FRAME_KEY })),
  ];
  // Intent before effect: the record (incomplete, where the map will be) is on the board before
  // the first item, so any panel that opens later sees the map and "Update on board" adopts what
  // was made. Nothing is written if it cannot be stored.
  try {
    await saveMap(board, record, mapIds);
  } catch (error) {
    return {
      status: 'failed',
      changed: false,
      message: `Nothing on the board was changed: the map could not be recorded (${errorText(error)}).`,
    };
  }
  // Created ids are journaled as they come back (one record write in flight at a time).
  const journal = createRecordJournal(board, record);
  const result = await board.apply(ops, {
    onProgress: progress.batch,
    signal: options.signal,
    onCreated: journal.created,
  });
  await journal.settled();

  const ok = succeededOps(result, ops.length);
  const madeTags = new Set(tagTitles.filter((_, i) => ok.has(i)));
  const itemIds: Record<string, string> = {};
  for (const item of layout.items) {
    const id = result.ids[item.key];
    if (id !== undefined) itemIds[item.key] = id;
  }
  const complete =
    Object.keys(itemIds).length === layout.items.length &&
    madeTags.size === tagTitles.length &&
    result.failed.length === 0 &&
    !result.cancelled;

  progress.phase('saving');
  const saved: MapRecord = {
    ...record,
    itemIds,
    tagTitles: Object.fromEntries(
      spec.stages.flatMap((s) => {
        const title = titleOf[s.id] as string;
        return madeTags.has(title) ? [[s.id, title]] : [];
      }),
    ),
    updatedAt: progress.now(),
    incomplete: !complete,
  };
  const frameId = itemIds[FRAME_KEY];
  const [stored] = await Promise.allSettled([
    saveMap(board, saved, [...mapIds, spec.id]),
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
        `The map is on the board (${Object.keys(itemIds).length} of ${layout.items.length} items) but its record could not be saved (${errorText(stored.reason)}); “Update on board” finishes it.`,
      ],
    };
  return complete
    ? { status: 'done', record: saved }
    : {
        status: 'incomplete',
        record: saved,
        cancelled: result.cancelled,
        messages: result.failed.map((f) => f.message),
      };
}
