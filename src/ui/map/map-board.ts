/**
 * Map tab › the board's maps: the list, the chosen map and the board's tag titles, read as the
 * tab opens and followed (the map watch, and a read after each of this tab's jobs) until it
 * closes. The draft follows the chosen map while it is not edited.
 */
import { computed, signal, type Signal } from '@preact/signals';
import type { BoardSession } from '../../app/workshop';
import { followedMapId } from '../../domain/journey/map-choice';
import type { TabMessage } from '../components/action-runner';
import type { createMapDraftModel } from './map-draft-model';
import { couldNotRead } from './map-messages';
import type { MapOnBoard, MapUseCases } from './map-tab-model';

type MapDrafts = ReturnType<typeof createMapDraftModel>;

/** The maps, the chosen one (null while drafting a new map) and the board's tag titles. */
export function createMapList() {
  const loading = signal(true);
  const maps = signal<MapOnBoard[]>([]);
  /** The map being edited; null while drafting a new one. */
  const selectedId = signal<string | null>(null);
  const onBoard = computed(() => maps.value.find((m) => m.spec.id === selectedId.value) ?? null);
  const tagTitles = signal<string[]>([]);
  return { loading, maps, selectedId, onBoard, tagTitles };
}

export type MapList = ReturnType<typeof createMapList>;

/** Keeps `list` current; a read that fails says so in `message`. */
export function followMaps(
  workshop: BoardSession,
  useCases: MapUseCases,
  {
    list,
    drafts,
    message,
  }: { list: MapList; drafts: MapDrafts; message: Signal<TabMessage | null> },
) {
  const { loading, tagTitles } = list;
  const show = (next: MapOnBoard[]) => showMaps(list, drafts, next);

  // The list comes from the map watch (its first value as the tab opens, then every change by
  // any participant) and from a read after each job of this tab. Only the newest may apply: a
  // read that began before the watch reported a new map could otherwise undo its selection.
  let latest = 0;
  function fromWatch(next: MapOnBoard[]): void {
    latest += 1;
    show(next);
  }
  async function refresh(): Promise<void> {
    const read = ++latest;
    try {
      const [next, titles] = await Promise.all([
        useCases.loadMaps(workshop),
        useCases.listTagTitles(workshop),
      ]);
      tagTitles.value = titles;
      if (read === latest) show(next);
    } catch (error) {
      if (read === latest) message.value = couldNotRead(error);
    } finally {
      if (read === latest) loading.value = false;
    }
  }
  async function readTagTitles(): Promise<void> {
    try {
      tagTitles.value = await useCases.listTagTitles(workshop);
    } catch (error) {
      message.value = couldNotRead(error);
    }
  }

  return {
    refresh,
    open() {
      void readTagTitles();
      // A first read the watch could not make is made again the ordinary way (with its message).
      return useCases.watchMaps(workshop, fromWatch, () => void refresh());
    },
  };
}

/** Shows `next` as the board's maps, following the selected map. */
function showMaps(list: MapList, drafts: MapDrafts, next: MapOnBoard[]): void {
  const { loading, maps, selectedId } = list;
  const { dirty } = drafts;
  maps.value = next;
  // Follow the selected map. When it is gone (or on first load), open the board's first map,
  // unless the facilitator is drafting a new one.
  const followed = followedMapId(
    next.map((m) => m.spec.id),
    selectedId.value,
    dirty.value,
  );
  if (followed !== 'keep') {
    selectedId.value = followed.id;
    dirty.value = false;
    if (selectedId.value === null) drafts.startNew(false);
  }
  const current = next.find((m) => m.spec.id === selectedId.value);
  if (current && !dirty.value) drafts.showSpec(current.spec);
  loading.value = false;
}
