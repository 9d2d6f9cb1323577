/**
 * Stored maps → the geometry stage decisions and the export read (domain/stages MapGeometry):
 * the cells where they are now, following a frame someone dragged since the map was laid out.
 */
import type { Board, Rect } from '../../board/port';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import type { MapCell, MapGeometry } from '../../domain/stages/map-geometry';
import { loadMaps } from './map-store';

/** `frameNow`: the frame's rect on the board now, if known (it may have moved or grown). */
export function toMapGeometry(record: MapRecord, frameNow?: Rect): MapGeometry {
  const laidOut = record.geometry.frame;
  const dx = frameNow ? frameNow.x - laidOut.x : 0;
  const dy = frameNow ? frameNow.y - laidOut.y : 0;
  const cells: MapCell[] = [];
  for (const column of record.geometry.columns)
    for (const row of record.geometry.rows)
      cells.push({
        stageId: column.stageId,
        laneId: row.laneId,
        rect: { x: column.x + dx, y: row.y + dy, w: column.w, h: row.h },
      });
  return {
    spec: record.spec,
    frameRect: frameNow ? { ...frameNow } : { ...laidOut },
    cells,
  };
}

/** Every stored map's geometry, with frames read from the board once. */
export async function loadMapGeometries(board: Board): Promise<MapGeometry[]> {
  const [{ maps }, frames] = await Promise.all([loadMaps(board), board.listItems(['frame'])]);
  const rects = new Map(frames.map((f) => [f.id, f.rect]));
  return maps.map((record) => {
    const id = record.itemIds[FRAME_KEY];
    return toMapGeometry(record, id === undefined ? undefined : rects.get(id));
  });
}
