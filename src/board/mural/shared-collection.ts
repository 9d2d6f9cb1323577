/** A shared collection in the mural's Touchpoint data area, watched through the polls. */
import type { SharedCollection, Unsubscribe } from '../port';
import type { BoardEventHub } from './board-events';
import type { DataArea } from './data-area';
import { stateId, toJson } from './shared-state';

export function createSharedCollection(
  dataArea: DataArea,
  events: BoardEventHub,
  name: string,
): SharedCollection {
  return {
    async get<T>(key: string) {
      const json = (await dataArea.values()).get(stateId(name, key));
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    async set(key, value) {
      await dataArea.write(name, key, toJson(value));
      events.wrote();
    },
    async remove(key) {
      await dataArea.write(name, key, undefined);
      events.wrote();
    },
    watch: <T>(
      key: string,
      fn: (value: T | undefined) => void,
      onWatchError?: (error: unknown) => void,
    ): Unsubscribe =>
      events.watch(stateId(name, key), fn as (value: unknown) => void, onWatchError),
  };
}
