/**
 * Reading items: by id, with their frames and tags, translated to `BoardItem`s; the full list
 * with markers read for the kinds that carry them. See CONTEXT.md for what each read costs.
 */
import type { BoardItem, ItemKind, ItemMarker } from '../../domain/board/board-item';
import { isRetryableError } from '../retry-policy';
import { createFrameResolver } from './coordinates';
import { loadTags, rememberFrames, type MiroCache } from './board-cache';
import { MARKER_KEY, toItemMarker } from './item-marker';
import { readsMarker, sdkTypesOf } from './list-query';
import { isFrame, isTag, type SdkEntity, type SdkItem } from './sdk';
import { toBoardItem, toCentreGeometry, toItemKind } from './to-board-item';

/** Frames nest a level or two at most; this bounds a walk up a broken parent chain. */
const MAX_FRAME_DEPTH = 32;

/** Entities by id; an unknown id fails Miro's whole call, so fall back to one by one. */
export async function getByIds(cache: MiroCache, ids: string[]): Promise<SdkEntity[]> {
  const { board, read } = cache;
  if (ids.length === 0) return [];
  try {
    return await read(() => board.get({ id: ids }));
  } catch (error) {
    if (isRetryableError(error) || ids.length === 1) throw error;
  }
  const found: SdkEntity[] = [];
  for (const id of ids) {
    try {
      found.push(...(await read(() => board.get({ id }))));
    } catch (error) {
      if (isRetryableError(error)) throw error;
    }
  }
  return found;
}

/** Reads frames that items sit in but the cache lacks, up their parent chains. */
async function ensureFrames(cache: MiroCache, parentIds: Iterable<string | null>): Promise<void> {
  const { frames } = cache;
  let missing = [...new Set(parentIds)].filter(
    (id): id is string => id !== null && !frames.has(id),
  );
  for (let depth = 0; missing.length > 0 && depth < MAX_FRAME_DEPTH; depth += 1) {
    const found = (await getByIds(cache, missing)).filter(isFrame);
    for (const frame of found) frames.set(frame.id, toCentreGeometry(frame));
    const next = found
      .map((f) => f.parentId)
      .filter((id): id is string => id !== null && !frames.has(id));
    missing = [...new Set(next)];
  }
}

const unknownTags = (cache: MiroCache, items: SdkItem[]): boolean =>
  items.some((item) => 'tagIds' in item && item.tagIds.some((id) => !cache.tags.has(id)));

export async function translate(
  cache: MiroCache,
  items: SdkItem[],
  metas?: ReadonlyMap<string, ItemMarker | null>,
): Promise<BoardItem[]> {
  rememberFrames(cache, items);
  await ensureFrames(
    cache,
    items.map((item) => toCentreGeometry(item).parentId),
  );
  if (unknownTags(cache, items)) await cache.read(() => loadTags(cache));
  const resolver = createFrameResolver(cache.frames);
  return items.map((item) =>
    toBoardItem(item, {
      frames: resolver,
      tagTitle: (id) => cache.tags.get(id)?.title,
      meta: metas?.get(item.id) ?? null,
    }),
  );
}

async function readMarker(cache: MiroCache, item: SdkItem): Promise<ItemMarker | null> {
  if (!('getMetadata' in item)) return null;
  try {
    return toItemMarker(await cache.read(() => item.getMetadata(MARKER_KEY)));
  } catch (error) {
    if (isRetryableError(error)) throw error;
    return null;
  }
}

export async function listItems(cache: MiroCache, kinds?: ItemKind[]): Promise<BoardItem[]> {
  const { board, read } = cache;
  const wanted = kinds === undefined ? undefined : new Set(kinds);
  let entities: SdkEntity[];
  if (wanted === undefined || wanted.has('other')) {
    entities = await read(() => board.get());
  } else {
    // Frames always come along: children's positions are relative to them.
    const types = sdkTypesOf(wanted);
    entities = await read(() => board.get({ type: types }));
  }
  const items = entities.filter((e): e is SdkItem => !isTag(e));
  cache.frames.clear();
  rememberFrames(cache, items);
  await read(() => loadTags(cache));
  const metas = new Map<string, ItemMarker | null>();
  const marked = items.filter((item) => readsMarker(toItemKind(item), cache.metadataKinds, wanted));
  await Promise.all(marked.map(async (item) => metas.set(item.id, await readMarker(cache, item))));
  const all = await translate(cache, items, metas);
  return wanted === undefined ? all : all.filter((item) => wanted.has(item.kind));
}
