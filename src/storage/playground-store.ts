/**
 * The playground's local board, kept so a reload finds it again. The state is opaque JSON: the
 * playground validates what it loads. Saving is not debounced here; the caller decides when.
 *
 * Two tabs on the playground each keep their own board in memory and save it whole, so the last
 * save wins; nothing merges. That is fine for a local demo board and keeps the design free of
 * cross-tab messaging.
 */
import type { TouchpointDatabase } from './db';
import type { StorageAction } from './storage-error';
import { tx } from './tx';

export const PLAYGROUND_BOARD_KEY = 'board';

const SAVING: StorageAction = {
  doing: 'save the playground board',
  consequence:
    'the board on screen keeps your changes, but they will not survive a reload until then',
};

export interface PlaygroundStore {
  /** The saved state, or `undefined` when nothing was saved under `key`. */
  load(key?: string): Promise<unknown>;
  /** Replaces the state under `key`. Rejects with a `StorageError` (e.g. 'quota'), keeping the previous state. */
  save(state: unknown, key?: string): Promise<void>;
  clear(key?: string): Promise<void>;
}

export function createPlaygroundStore(db: TouchpointDatabase): PlaygroundStore {
  return {
    load: (key = PLAYGROUND_BOARD_KEY) =>
      tx(
        db,
        'readonly',
        ['playground'],
        (t) => t.objectStore('playground').get(key),
        'load the playground board',
      ),
    save: (state, key = PLAYGROUND_BOARD_KEY) =>
      tx(
        db,
        'readwrite',
        ['playground'],
        async (t) => {
          await t.objectStore('playground').put(state, key);
        },
        SAVING,
      ),
    clear: (key = PLAYGROUND_BOARD_KEY) =>
      tx(
        db,
        'readwrite',
        ['playground'],
        (t) => t.objectStore('playground').delete(key),
        'clear the playground board',
      ),
  };
}
