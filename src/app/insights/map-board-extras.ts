/**
 * What the insights put on the board beside a map (KPI cards, the RACI frame), for "Remove map
 * from board" (app/map/remove-map.ts): their items go with the map, and then their records.
 */
import type { Board } from '../../board/port';
import { familyIds, forgetFamily } from './board-family';
import { kpiCardsKey } from './draw-kpi-cards';
import { raciFrameKey } from './draw-raci-frame';

const familiesOf = (mapId: string) => [kpiCardsKey(mapId), raciFrameKey(mapId)];

/** The items to remove with the map, frames last. */
export async function boardExtrasOf(board: Board, mapId: string): Promise<string[]> {
  const ids = (await Promise.all(familiesOf(mapId).map((key) => familyIds(board, key)))).flat();
  const frames = new Set((await board.listItems(['frame'])).map((f) => f.id));
  return [...ids.filter((id) => !frames.has(id)), ...ids.filter((id) => frames.has(id))];
}

/** Forgets their records once their items are gone. */
export async function forgetBoardExtras(board: Board, mapId: string): Promise<void> {
  await Promise.all(familiesOf(mapId).map((key) => forgetFamily(board, key)));
}
