/**
 * The Miro panel's `MapIdsMemory` (app/workshop): the ids of the maps the panel last showed, in
 * this browser's localStorage, so the next opening reads those maps beside the board's index
 * (issue 12 §1). Ids only, never a map's content. Where storage is refused or holds something
 * else, it recalls nothing and the panel reads the maps the ordinary way.
 */
import type { MapIdsMemory } from '../app/workshop';

export const MAP_IDS_KEY = 'touchpoint.map-ids';
/** Each id recalled costs a read on opening; a board seldom holds more maps. */
const MAX_IDS = 20;
const MAX_ID_CHARS = 200;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.length <= MAX_ID_CHARS;

export function browserMapIdsMemory(
  storage: () => Pick<Storage, 'getItem' | 'setItem'> = () => localStorage,
): MapIdsMemory {
  return {
    recall() {
      try {
        const stored: unknown = JSON.parse(storage().getItem(MAP_IDS_KEY) ?? '[]');
        return Array.isArray(stored) ? stored.filter(isId).slice(0, MAX_IDS) : [];
      } catch {
        return [];
      }
    },
    remember(ids) {
      const kept = JSON.stringify(ids.filter(isId).slice(0, MAX_IDS));
      try {
        if (storage().getItem(MAP_IDS_KEY) !== kept) storage().setItem(MAP_IDS_KEY, kept);
      } catch {
        // Refused or full: the next opening reads the maps after the index, as without a memory.
      }
    },
  };
}
