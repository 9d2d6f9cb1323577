/**
 * Stored maps → where their cells are now (domain/stages PlacedMap), for stage decisions and the
 * export: follows a frame someone dragged, and a frame grown past the layout (parked notes).
 */
import type { Board, Rect } from '../../board/port';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import { createPlacedMap, type PlacedMap } from '../../domain/stages/placed-map';
import { loadMaps } from './map-store';

/** `frameNow`: the frame's rect on the board now, if known. */
export function toPlacedMap(record: MapRecord, frameNow?: Rect): PlacedMap {
  const placed = {
    ...createPlacedMap(record.spec, record.geometry, frameNow),
    tagTitles: record.tagTitles,
  };
  return frameNow ? { ...placed, frameRect: { ...frameNow } } : placed;
}

/** Every stored map, placed where its frame is now (frames read from the board once). */
export async function loadPlacedMaps(board: Board): Promise<PlacedMap[]> {
  const [{ maps }, frames] = await Promise.all([loadMaps(board), board.listItems(['frame'])]);
  const rects = new Map(frames.map((f) => [f.id, f.rect]));
  return maps.map((record) => {
    const id = record.itemIds[FRAME_KEY];
    return toPlacedMap(record, id === undefined ? undefined : rects.get(id));
  });
}
