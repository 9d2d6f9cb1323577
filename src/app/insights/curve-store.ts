/**
 * What Touchpoint drew of a map's emotion curve (issue 14 §1), in the shared collection
 * `touchpoint-insights` under `curve:<map>`: the board id of each point and line by its
 * operation key, so drawing again updates in place and "Remove map" finds the curve. Written
 * before the batch (intent before effect) and journaled as ids come back. The record's shape and
 * its check (an unreadable record reads as none) are `domain/insights/curve-record.ts`.
 */
import type { Board } from '../../board/port';
import { parseCurveRecord, type CurveRecord } from '../../domain/insights/curve-record';
import { insights } from './insights-store';

export const curveKey = (mapId: string): string => `curve:${encodeURIComponent(mapId)}`;

export async function loadCurve(board: Board, mapId: string): Promise<CurveRecord | null> {
  return parseCurveRecord(await insights(board).get(curveKey(mapId)));
}

export const saveCurve = (board: Board, record: CurveRecord): Promise<void> =>
  insights(board).set(curveKey(record.mapId), record);

export const deleteCurve = (board: Board, mapId: string): Promise<void> =>
  insights(board).remove(curveKey(mapId));
