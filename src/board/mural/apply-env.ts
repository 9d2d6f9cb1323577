/** What a batch's tasks see of the adapter: the cache they keep current, and the reads they need. */
import type { WriteQueue } from '../write-queue';
import type { ApplyEnv } from './write-batch';
import { originOf, type MuralCache } from './board-cache';
import { readArrows, saveMarkers } from './read-items';

export function applyEnvOf(cache: MuralCache, queue: WriteQueue): ApplyEnv {
  const { widgets, tags } = cache;
  return {
    origin: () => originOf(cache),
    client: cache.client,
    muralId: cache.muralId,
    queue,
    widget: (id) => widgets.get(id),
    remember: (w) => void widgets.set(w.id, w),
    forget: (id) => void widgets.delete(id),
    arrows: () => [...widgets.values()].filter((w) => w.arrow !== undefined),
    readArrows: () => readArrows(cache),
    refusedOnCreate: cache.refusedOnCreate,
    rememberTags: (list) => {
      for (const t of list) tags.set(t.id, t);
    },
    saveMarkers: (made, intent) => saveMarkers(cache, made, intent),
  };
}
