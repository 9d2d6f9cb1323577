/**
 * What the Miro adapter keeps between calls (frames, tags, the items it created) and the reads
 * that fill it. Reads share the writes' budget and retries (`read`); only apply tasks call the
 * SDK directly.
 */
import type { ItemKind } from '../../domain/board/board-item';
import type { ApplyEnv } from './apply-ops';
import type { CentreGeometry } from './coordinates';
import { isFrame, isTag, type MiroSdk, type SdkBoard, type SdkItem, type SdkTag } from './sdk';
import { toCentreGeometry } from './to-board-item';
import type { WriteQueue } from '../write-queue';

/** Created items kept for `zoomTo`; a map is about 50, so this holds a few maps. */
const MAX_CREATED_KEPT = 500;

export interface MiroCache {
  readonly board: SdkBoard;
  /** Reads share the writes' budget and retries; only apply tasks call the SDK directly. */
  readonly read: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Kinds whose marker `listItems` reads from metadata, one call per item. */
  readonly metadataKinds: ReadonlySet<ItemKind>;
  // Frames by id (Miro geometry) from the last list, events and writes: events need a parent's
  // position to make a child's rect absolute, and a read per event would be wasteful.
  readonly frames: Map<string, CentreGeometry>;
  readonly tags: Map<string, SdkTag>;
  tagsLoaded: boolean;
  // SDK objects of items this adapter created, so `zoomTo` right after a create needs no read.
  readonly created: Map<string, SdkItem>;
}

export function createMiroCache(
  board: SdkBoard,
  queue: WriteQueue,
  metadataKinds: readonly ItemKind[],
): MiroCache {
  return {
    board,
    read: (fn) => queue.call(fn),
    metadataKinds: new Set<ItemKind>(metadataKinds),
    frames: new Map(),
    tags: new Map(),
    tagsLoaded: false,
    created: new Map(),
  };
}

export async function loadTags(cache: MiroCache): Promise<SdkTag[]> {
  const all = (await cache.board.get({ type: 'tag' })).filter(isTag);
  cache.tags.clear();
  for (const tag of all) cache.tags.set(tag.id, tag);
  cache.tagsLoaded = true;
  return all;
}

export function rememberFrames(cache: MiroCache, items: readonly SdkItem[]): void {
  for (const item of items) if (isFrame(item)) cache.frames.set(item.id, toCentreGeometry(item));
}

export function forget(cache: MiroCache, id: string): void {
  cache.frames.delete(id);
  cache.created.delete(id);
}

/** What a batch's tasks see of the cache: they keep it current with what they write. */
export function applyEnvOf(sdk: MiroSdk, queue: WriteQueue, cache: MiroCache): ApplyEnv {
  return {
    sdk,
    queue,
    rememberFrame(id, geometry) {
      if (geometry) cache.frames.set(id, geometry);
      else cache.frames.delete(id);
    },
    forget: (id) => forget(cache, id),
    rememberCreated(item) {
      if (cache.created.size >= MAX_CREATED_KEPT) cache.created.clear();
      cache.created.set(item.id, item);
    },
    knownTags: () => (cache.tagsLoaded ? [...cache.tags.values()] : undefined),
    loadTags: () => loadTags(cache),
    rememberTag: (tag) => void cache.tags.set(tag.id, tag),
  };
}
