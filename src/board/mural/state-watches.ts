/**
 * Watches on the mural's shared keys (`board-events.ts` polls for them): each watcher hears its
 * key's value once read, then each time a poll, or another tab's, finds it changed.
 */
import type { Unsubscribe } from '../port';

export interface StateWatchesOptions {
  /** Every shared key's value now, by `stateId`. */
  readValues: () => Promise<Map<string, string>>;
  /** Failures of a first read, beside the watcher's own `onWatchError`. */
  onError: (error: unknown) => void;
  /** A watcher was added (after its first read): the state poll should run. */
  onWatching: () => void;
  /** A watcher was removed: the state poll may stop. */
  onStopped: () => void;
}

export interface StateWatches {
  /** See `BoardEventHub.watch`. */
  watch(
    id: string,
    fn: (value: unknown) => void,
    onWatchError?: (error: unknown) => void,
  ): Unsubscribe;
  /** Calls the watchers whose value changed in `values`; true when any did. */
  notify(values: ReadonlyMap<string, string>): boolean;
  /** How many watchers are listening. */
  count(): number;
}

interface Watcher {
  id: string;
  last: string | undefined;
  fn: (value: unknown) => void;
}

/** A watcher's `last` while its first read failed: no stored JSON equals it. */
const UNREAD = '\u0000unread';

const parsed = (json: string | undefined): unknown =>
  json === undefined ? undefined : JSON.parse(json);

export function createStateWatches(options: StateWatchesOptions): StateWatches {
  const watchers = new Set<Watcher>();

  return {
    watch(id, fn, onWatchError) {
      const watcher: Watcher = { id, last: undefined, fn };
      let stopped = false;
      void options
        .readValues()
        .then((values) => {
          if (stopped) return;
          const json = values.get(id);
          watcher.last = json;
          fn(parsed(json));
        })
        .catch((error: unknown) => {
          if (stopped) return;
          // Not JSON, so it equals no stored value: the next poll delivers the value.
          watcher.last = UNREAD;
          onWatchError?.(error);
          options.onError(error);
        })
        .finally(() => {
          if (stopped) return;
          watchers.add(watcher);
          options.onWatching();
        });
      return () => {
        stopped = true;
        watchers.delete(watcher);
        options.onStopped();
      };
    },

    notify(values) {
      let changed = false;
      for (const watcher of [...watchers]) {
        const json = values.get(watcher.id);
        if (json !== watcher.last) {
          watcher.last = json;
          changed = true;
          watcher.fn(parsed(json));
        }
      }
      return changed;
    },

    count: () => watchers.size,
  };
}
