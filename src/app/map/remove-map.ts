/**
 * "Remove map": removes the items Touchpoint recorded for this map (its emotion curve included)
 * and its records, nothing else.
 * Stage tags stay: participants' notes carry them. On Miro a removed frame takes its children
 * with it, so a frame that still holds anyone else's items (notes, say) is kept and reported.
 */
import type { Board, WriteOp } from '../../board/port';
import { FRAME_KEY } from '../../domain/journey/layout';
import { boardExtrasOf, forgetBoardExtras } from '../insights/map-board-extras';
import { succeededOps } from '../../board/batch-result';
import { startRun, type MapRunOptions } from './map-progress';
import { deleteMap, loadMap, saveMap } from './map-store';
import { errorText } from './record-journal';

export type RemoveMapOutcome =
  | { status: 'done'; keptFrame: null }
  /** The map's own items are gone; the frame stays because it holds `items` other items. */
  | { status: 'done'; keptFrame: { id: string; items: number } }
  | { status: 'incomplete'; cancelled: boolean; messages: string[] }
  | { status: 'not-found'; message: string };

export async function removeMap(
  board: Board,
  mapId: string,
  options: MapRunOptions = {},
): Promise<RemoveMapOutcome> {
  const progress = startRun(options);
  let read;
  try {
    read = await Promise.all([
      loadMap(board, mapId),
      board.listItems(),
      // KPI cards and the RACI frame drawn beside the map (issue 14) go with it.
      boardExtrasOf(board, mapId),
    ]);
  } catch (error) {
    return {
      status: 'incomplete',
      cancelled: false,
      messages: [`Nothing was removed: the board could not be read (${errorText(error)}).`],
    };
  }
  const [loaded, items, extras] = read;
  if (!loaded.ok) return { status: 'not-found', message: loaded.message };
  const record = loaded.record;

  const exists = new Set(items.map((i) => i.id));
  // The insights' drawings go with the map: the curve's points are children of its frame.
  const ours = new Set([...Object.values(record.itemIds), ...extras.ids, ...extras.lines]);
  const frameId = record.itemIds[FRAME_KEY];
  const keys = Object.keys(record.itemIds).filter(
    (k) => k !== FRAME_KEY && exists.has(record.itemIds[k] as string),
  );
  const others =
    frameId === undefined
      ? 0
      : items.filter((i) => i.parentId === frameId && !ours.has(i.id)).length;
  const removeFrame = frameId !== undefined && exists.has(frameId) && others === 0;

  const ops: WriteOp[] = [
    ...extras.ids.map((id) => ({ op: 'remove' as const, id })),
    ...keys.map((k) => ({ op: 'remove' as const, id: record.itemIds[k] as string })),
  ];
  if (removeFrame) ops.push({ op: 'remove', id: frameId });
  const result =
    ops.length === 0
      ? { ids: {}, done: 0, failed: [], cancelled: false }
      : await board.apply(ops, { onProgress: progress.batch, signal: options.signal });

  progress.phase('saving');
  if (result.failed.length > 0 || result.cancelled) {
    // Keep a record of what is left, so "Remove map" can be tried again.
    const ok = succeededOps(result, ops.length);
    const gone = new Set(ops.flatMap((op, i) => (op.op === 'remove' && ok.has(i) ? [op.id] : [])));
    const itemIds = Object.fromEntries(
      Object.entries(record.itemIds).filter(([, id]) => !gone.has(id)),
    );
    const left = ops.length - gone.size;
    const kept = await saveMap(board, {
      ...record,
      itemIds,
      incomplete: true,
      updatedAt: new Date().toISOString(),
    }).then(
      () => '',
      (error: unknown) => ` (its record could not be updated: ${errorText(error)})`,
    );
    return {
      status: 'incomplete',
      cancelled: result.cancelled,
      messages: [
        ...result.failed.map((f) => f.message),
        `${gone.size} of ${ops.length} items were removed; ${left} remain${kept}. “Remove map” again finishes.`,
      ],
    };
  }
  try {
    await forgetBoardExtras(board, extras);
    await deleteMap(board, mapId);
  } catch (error) {
    return {
      status: 'incomplete',
      cancelled: false,
      messages: [
        `The map's items are removed but its record could not be deleted (${errorText(error)}); “Remove map” again finishes.`,
      ],
    };
  }
  progress.phase('done');
  return removeFrame || frameId === undefined || !exists.has(frameId)
    ? { status: 'done', keptFrame: null }
    : { status: 'done', keptFrame: { id: frameId, items: others } };
}
