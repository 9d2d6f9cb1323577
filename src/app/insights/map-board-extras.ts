/**
 * What the insights put on the board beside a map (KPI cards, the RACI frame, the emotion curve),
 * for "Remove map from board" (app/map/remove-map.ts): their items go with the map, and then their
 * records.
 */
import type { Board } from '../../board/port';
import { familyIds, forgetFamily } from './board-family';
import { curveAttachedLineIds, curveItemIds } from '../../domain/insights/curve-record';
import { deleteCurve, loadCurve } from './curve-store';
import { kpiCardsKey } from './draw-kpi-cards';
import { raciFrameKey } from './draw-raci-frame';

const familiesOf = (mapId: string) => [kpiCardsKey(mapId), raciFrameKey(mapId)];

export interface BoardExtras {
  /** The items to remove with the map, frames last. */
  ids: string[];
  /**
   * Lines that go with the items they join (the curve's, between two of its points): not removed
   * one by one, but Touchpoint's all the same (a MURAL arrow sits in the map's area).
   */
  lines: string[];
  /** The family records to forget once they are gone. */
  keys: string[];
  /** The map whose curve record goes too (its points sit over the frame, not in it); null if none. */
  curveOf: string | null;
}

export async function boardExtrasOf(board: Board, mapId: string): Promise<BoardExtras> {
  const [found, curve] = await Promise.all([
    Promise.all(familiesOf(mapId).map(async (key) => ({ key, ids: await familyIds(board, key) }))),
    loadCurve(board, mapId),
  ]);
  const drawn = found.filter((f) => f.ids !== null);
  const curveIds = curveItemIds(curve);
  if (drawn.length === 0 && curve === null) return { ids: [], lines: [], keys: [], curveOf: null };
  const ids = [...curveIds, ...drawn.flatMap((f) => f.ids ?? [])];
  const frames = new Set((await board.listItems(['frame'])).map((f) => f.id));
  return {
    ids: [...ids.filter((id) => !frames.has(id)), ...ids.filter((id) => frames.has(id))],
    lines: curveAttachedLineIds(curve),
    keys: drawn.map((f) => f.key),
    curveOf: curve === null ? null : mapId,
  };
}

/** Forgets their records once their items are gone (before the map's: a map still listed can be removed again). */
export async function forgetBoardExtras(board: Board, extras: BoardExtras): Promise<void> {
  await Promise.all([
    ...extras.keys.map((key) => forgetFamily(board, key)),
    ...(extras.curveOf === null ? [] : [deleteCurve(board, extras.curveOf)]),
  ]);
}
