/**
 * "Show KPIs on the board" (issue 14 §2): the KPI cards of one map, drawn or updated in place
 * (domain/insights/kpi-cards.ts says where), through the keyed family in board-family.ts. Once
 * drawn, a KPI or reading saved by a facilitator redraws them (entries/services/insights.ts);
 * they go with the map ("Remove map from board", app/map/remove-map.ts).
 */
import type { Board } from '../../board/port';
import { errorMessage } from '../../domain/common';
import { KPI_CARD, layoutKpiCards } from '../../domain/insights/kpi-cards';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapSpec } from '../../domain/journey/map-spec';
import { loadMap } from '../map/map-store';
import { drawFamily, removeFamily, type FamilyItem, type FamilyOutcome } from './board-family';
import { insights, loadKpis } from './insights-store';

const part = encodeURIComponent;
export const kpiCardsKey = (mapId: string) => `kpi-cards:${part(mapId)}`;

const AGAIN = '“Show KPIs on the board”';

/** The lane of the map's KPI row (right under the stage headers), if it has one. */
export const kpiLaneOf = (spec: MapSpec): string | null =>
  spec.lanes.find((l) => l.kind === 'kpis')?.id ?? null;

export type DrawOutcome = FamilyOutcome | { status: 'not-found'; message: string };

export async function drawKpiCards(
  board: Board,
  mapId: string,
  signal?: AbortSignal,
): Promise<DrawOutcome> {
  let read;
  try {
    read = await Promise.all([loadMap(board, mapId), board.listItems(['frame'])]);
  } catch (error) {
    return { status: 'failed', message: `The board could not be read (${errorMessage(error)}).` };
  }
  const [loaded, frames] = read;
  if (!loaded.ok) return { status: 'not-found', message: loaded.message };
  const { spec, geometry, itemIds } = loaded.record;
  const frameId = itemIds[FRAME_KEY];
  const frameNow = frames.find((f) => f.id === frameId)?.rect;
  let kpis;
  try {
    kpis = await loadKpis(
      board,
      mapId,
      spec.stages.map((s) => s.id),
    );
  } catch (error) {
    return { status: 'failed', message: `The KPIs could not be read (${errorMessage(error)}).` };
  }
  const cards = layoutKpiCards(
    spec.stages,
    geometry,
    kpis.values.kpis,
    kpis.values.readings,
    frameNow,
    kpiLaneOf(spec),
  );
  const wanted: FamilyItem[] = cards.map((card) => ({
    key: card.key,
    spec: {
      kind: 'shape',
      text: card.text,
      rect: card.rect,
      fill: KPI_CARD.fill,
      border: KPI_CARD.border,
      fontSize: KPI_CARD.fontSize,
      textColor: KPI_CARD.textColor,
      align: 'left',
    },
    // In the map's KPI row, a card is the frame's child, so it moves with the map.
    ...(card.inRow && frameId !== undefined ? { parentId: frameId } : {}),
  }));
  return drawFamily(board, kpiCardsKey(mapId), wanted, AGAIN, signal);
}

/** Whether this map's cards were put on the board (so a KPI change should redraw them). */
export async function kpiCardsShown(board: Board, mapId: string): Promise<boolean> {
  return (await insights(board).get(kpiCardsKey(mapId))) !== undefined;
}

export const removeKpiCards = (board: Board, mapId: string, signal?: AbortSignal) =>
  removeFamily(board, kpiCardsKey(mapId), '“Remove KPI cards”', signal);
