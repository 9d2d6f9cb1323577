/**
 * Reading the mural: its tags, its widgets turned into items (state widgets left out, markers
 * attached), the arrows before a batch that removes, and the markers saved after one.
 */
import type { BoardItem, ItemKind, ItemMarker } from '../../domain/board/board-item';
import { listAll } from './client';
import { parseTags, type MuralTag } from './apply-ops';
import type { BoardEventHub } from './board-events';
import { originOf, type MuralCache } from './board-cache';
import { MARKERS, MARKERS_ID, parseMarkers, settleMarkers, withMarker } from './markers';
import { currentValues, indexState, isStateWidget } from './shared-state';
import { toBoardItem, TYPE_FILTER, type MuralWidget } from './widgets';

export async function loadTags({ client, base, read, tags }: MuralCache): Promise<MuralTag[]> {
  const list = parseTags(await listAll(client, `${base}/tags`, {}, read));
  tags.clear();
  for (const tag of list) tags.set(tag.id, tag);
  return list;
}

/** Items from a full widget list: state widgets left out, markers attached, areas cached. */
export async function translate(cache: MuralCache, all: MuralWidget[]): Promise<BoardItem[]> {
  const { widgets, tags } = cache;
  for (const w of all) widgets.set(w.id, w);
  const areaIds = cache.dataArea.seen(all);
  cache.markers = parseMarkers(currentValues(indexState(all, areaIds)).get(MARKERS_ID));
  const visible = all.filter((w) => !isStateWidget(w, areaIds));
  if (visible.some((w) => w.tags.some((id) => !tags.has(id)))) await loadTags(cache);
  const byId = new Map(all.map((w) => [w.id, w]));
  const at = await originOf(cache);
  const { markers } = cache;
  return visible.map((w) =>
    withMarker(
      toBoardItem(w, {
        area: (id) => byId.get(id) ?? widgets.get(id),
        tagTitle: (id) => tags.get(id)?.text,
        marker: (id) => markers.get(id) ?? null,
        origin: at,
      }),
      markers,
    ),
  );
}

export async function listItems(
  cache: MuralCache,
  events: BoardEventHub,
  kinds?: ItemKind[],
): Promise<BoardItem[]> {
  const all = await cache.listWidgets();
  await loadTags(cache);
  const items = await translate(cache, all);
  events.listed(items);
  return kinds === undefined ? items : items.filter((i) => kinds.includes(i.kind));
}

/** The mural's arrows, read before a batch with removes: the cache keeps exactly these. */
export async function readArrows({ listWidgets, widgets }: MuralCache): Promise<void> {
  const arrows = await listWidgets({ type: TYPE_FILTER.arrows });
  const listed = new Set(arrows.map((w) => w.id));
  for (const [id, w] of widgets) if (w.type === 'arrow' && !listed.has(id)) widgets.delete(id);
  for (const w of arrows) widgets.set(w.id, w);
}

export async function saveMarkers(
  cache: MuralCache,
  made: ReadonlyMap<string, ItemMarker>,
  intent = false,
): Promise<void> {
  const { dataArea } = cache;
  const write = (value: Record<string, ItemMarker>) =>
    dataArea.write(MARKERS.collection, MARKERS.key, JSON.stringify(value));
  if (intent) {
    const stored = parseMarkers((await dataArea.values()).get(MARKERS_ID));
    await write(Object.fromEntries([...stored, ...made]));
    return;
  }
  // The mural's full list holds the data area's entries too: `translate` reads the stored
  // markers from it into `markers`, so the area is not read a second time.
  const items = await translate(cache, await cache.listWidgets());
  const kept = settleMarkers(cache.markers, items, made);
  await write(kept);
  cache.markers = new Map(Object.entries(kept));
}
