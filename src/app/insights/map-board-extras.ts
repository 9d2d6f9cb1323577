/**
 * What the insights put on the board beside a map (KPI cards, the RACI frame), for "Remove map
 * from board" (app/map/remove-map.ts): their items go with the map, and then their records.
 */
import type { Board } from '../../board/port';
import { familyIds, forgetFamily } from './board-family';
import { kpiCardsKey } from './draw-kpi-cards';
import { raciFrameKey } from './draw-raci-frame';

const familiesOf = (mapId: string) => [kpiCardsKey(mapId), raciFrameKey(mapId)];

export interface BoardExtras {
  /** The items to remove with the map, frames last. */
  ids: string[];
  /** The records to forget once they are gone. */
  keys: string[];
}

export async function boardExtrasOf(board: Board, mapId: string): Promise<BoardExtras> {
  const found = await Promise.all(
    familiesOf(mapId).map(async (key) => ({ key, ids: await familyIds(board, key) })),
  );
  const drawn = found.filter((f) => f.ids !== null);
  if (drawn.length === 0) return { ids: [], keys: [] };
  const ids = drawn.flatMap((f) => f.ids ?? []);
  const frames = new Set((await board.listItems(['frame'])).map((f) => f.id));
  return {
    ids: [...ids.filter((id) => !frames.has(id)), ...ids.filter((id) => frames.has(id))],
    keys: drawn.map((f) => f.key),
  };
}

/** Forgets their records once their items are gone. */
export async function forgetBoardExtras(board: Board, extras: BoardExtras): Promise<void> {
  await Promise.all(extras.keys.map((key) => forgetFamily(board, key)));
}
