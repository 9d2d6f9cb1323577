/**
 * "Create on board" (issue 2 §4): validate against the board's tags, find empty space near the
 * view, lay out, make one tag per stage (reusing existing ones), create the frame and its
 * children in one batch, store the record, zoom to the frame.
 *
 * The record is written with the batch (marked incomplete) so a panel that closes halfway
 * leaves a map other panels can see and "Update on board" can finish, and again after it with
 * the ids that were made.
 */
import type { Board, WriteOp } from '../../board/port';
import { normalizeSpec } from '../../domain/journey/edit-spec';
import { deriveMapSize, FRAME_KEY, layoutMap } from '../../domain/journey/layout';
import { MAP_RECORD_VERSION, type MapRecord } from '../../domain/journey/map-record';
import { stageTagTitle, type MapSpec } from '../../domain/journey/map-spec';
import { tagTitleLimit, validateSpec } from '../../domain/journey/validate-spec';
import { loadMapIds, saveMap } from './map-store';
import {
  nowIso,
  reporter,
  succeededOps,
  type MapOutcome,
  type MapRunOptions,
} from './map-progress';
import { toCreateOp } from './to-write-ops';

/** The colour of stage tags on Miro (one of its 13 tag colours). */
export const STAGE_TAG_COLOR = 'blue';

export async function createMap(
  board: Board,
  input: MapSpec,
  options: MapRunOptions = {},
): Promise<MapOutcome> {
  const progress = reporter(options);
  progress.phase('checking');
  const spec = normalizeSpec(input);
  // Independent reads at once: on Miro each is a round trip.
  const [tags, mapIds, view] = await Promise.all([
    board.listTags(),
    loadMapIds(board),
    board.viewport(),
  ]);
  if (mapIds.includes(spec.id))
    return {
      status: 'invalid',
      problems: [
        { field: 'id', message: 'This map is already on the board: use "Update on board".' },
      ],
    };
  const validation = validateSpec(
    spec,
    tags.map((t) => t.title),
    { maxTagTitle: tagTitleLimit(board.platform) },
  );
  if (!validation.ok) return { status: 'invalid', problems: validation.problems };

  const size = deriveMapSize(spec.stages.length, spec.lanes.length);
  const spot = await board.findEmptySpace(size, options.near ?? view);
  const layout = layoutMap(spec, { x: Math.round(spot.x), y: Math.round(spot.y) });
  const createdAt = nowIso(options);
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

  const tagTitles = [...new Set(spec.stages.map((s) => stageTagTitle(s.name)))];
  const ops: WriteOp[] = [
    ...tagTitles.map((title): WriteOp => ({ op: 'ensureTag', title, color: STAGE_TAG_COLOR })),
    ...layout.items.map((item) => toCreateOp(item, spec.id, { ref: FRAME_KEY })),
  ];
  // The first record goes out alongside the batch, not before it: it only has to exist if the
  // panel closes halfway, and waiting for it would add round trips to every create.
  const [result] = await Promise.all([
    board.apply(ops, { onProgress: progress.batch, signal: options.signal }),
    saveMap(board, record, mapIds),
  ]);

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
      spec.stages.flatMap((s) =>
        madeTags.has(stageTagTitle(s.name)) ? [[s.id, stageTagTitle(s.name)]] : [],
      ),
    ),
    updatedAt: nowIso(options),
    incomplete: !complete,
  };
  const frameId = itemIds[FRAME_KEY];
  await Promise.all([
    saveMap(board, saved, [...mapIds, spec.id]),
    frameId !== undefined && !result.cancelled ? board.zoomTo([frameId]) : undefined,
  ]);
  progress.phase('done');
  return complete
    ? { status: 'done', record: saved }
    : {
        status: 'incomplete',
        record: saved,
        cancelled: result.cancelled,
        messages: result.failed.map((f) => f.message),
      };
}
