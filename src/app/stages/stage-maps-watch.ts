/**
 * The maps the Stages tab shows, followed through the shared collection: the index
 * (`watchMapIds`) and one watch per map (`watchMap`). A map's record that changed (created,
 * renamed tags, laid out again, moved notes) is told apart from its first delivery, since this
 * panel's own map writes are not echoed as item events: the items are then read again.
 */
import type { Board, Unsubscribe } from '../../board/port';
import type { MapRecord } from '../../domain/journey/map-record';
import { watchMap, watchMapIds } from '../map/map-store';

export interface StageMapsWatch {
  /** The listed maps' records as last read, oldest first (a map not read yet is left out). */
  records(): MapRecord[];
  close(): void;
}

export interface StageMapsWatchDeps {
  /** The list or a map's record changed. */
  changed: () => void;
  /** A map's record was replaced by a newer one (told before `changed`). */
  recordChanged: () => void;
}

export function watchStageMaps(
  board: Board,
  { changed, recordChanged }: StageMapsWatchDeps,
): StageMapsWatch {
  const records = new Map<string, MapRecord>();
  const mapWatches = new Map<string, Unsubscribe>();
  let mapIds: string[] = [];

  const watchOne = (id: string): Unsubscribe =>
    watchMap(board, id, (record) => {
      const known = records.get(id);
      if (record) records.set(id, record);
      else records.delete(id);
      if (known && record && known.updatedAt !== record.updatedAt) recordChanged();
      changed();
    });

  const unwatchIndex = watchMapIds(board, (ids) => {
    mapIds = ids;
    for (const [id, unwatch] of mapWatches) {
      if (!ids.includes(id)) {
        unwatch();
        mapWatches.delete(id);
        records.delete(id);
      }
    }
    for (const id of ids) if (!mapWatches.has(id)) mapWatches.set(id, watchOne(id));
    changed();
  });

  return {
    records() {
      const list = mapIds.flatMap((id) => records.get(id) ?? []);
      return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    close() {
      unwatchIndex();
      for (const unwatch of mapWatches.values()) unwatch();
      mapWatches.clear();
    },
  };
}
