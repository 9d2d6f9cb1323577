/**
 * Each map's part of the Stages tab, worked out from the maps' records and the board's notes and
 * frames: the map placed where its frame is now, its stage context and its summary. No board
 * calls; it stays beside the view because maps are placed with `app/map`'s `toPlacedMap`.
 */
import type { BoardItem, Rect } from '../../domain/board/board-item';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import { createStageContexts, type StageContext } from '../../domain/stages/decide-stage';
import type { PlacedMap } from '../../domain/stages/placed-map';
import { summarizeStages, type StageSummary } from '../../domain/stages/summarize-stages';
import { toPlacedMap } from '../map/load-placed-maps';

export interface StageMapView {
  record: MapRecord;
  placed: PlacedMap;
  context: StageContext;
  summary: StageSummary;
}

type MapContext = Omit<StageMapView, 'summary'>;

/** The notes and frames as last known. */
interface ItemsNow {
  item(id: string): BoardItem | undefined;
  items(): BoardItem[];
}

/**
 * Every map's view, given the records oldest first and the notes and frames as last known. The
 * contexts are built again only when a record or a map's frame changed (same objects otherwise):
 * a map's membership depends on the other maps' tags and frames (issue 9 §1), so they are built
 * together.
 */
export function createStageMapViews(): (
  records: readonly MapRecord[],
  items: ItemsNow,
) => StageMapView[] {
  let built: { key: (MapRecord | Rect | undefined)[]; contexts: MapContext[] } = {
    key: [],
    contexts: [],
  };

  function contextsFor(list: readonly MapRecord[], items: ItemsNow): MapContext[] {
    const frameRectOf = (record: MapRecord) => {
      const id = record.itemIds[FRAME_KEY];
      return id === undefined ? undefined : items.item(id)?.rect;
    };
    const key = list.flatMap((record) => [record, frameRectOf(record)]);
    if (key.length === built.key.length && key.every((k, i) => k === built.key[i]))
      return built.contexts;
    const placed = list.map((record) => toPlacedMap(record, frameRectOf(record)));
    const contexts = createStageContexts(placed);
    const views = list.map((record, i) => ({
      record,
      placed: placed[i] as PlacedMap,
      context: contexts[i] as StageContext,
    }));
    built = { key, contexts: views };
    return views;
  }

  return (records, items) => {
    const all = items.items();
    return contextsFor(records, items).map((base) => ({
      ...base,
      summary: summarizeStages(all, base.context),
    }));
  };
}
