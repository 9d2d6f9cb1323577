/**
 * The Stages tab's live picture of the board: notes and frames read once, then followed through
 * board events (no polling), and the maps followed through the shared collection. Every change
 * re-derives each map's summary with the domain rules (`summarizeStages`).
 */
import { errorMessage } from '../../domain/common';
import type { Board, BoardItem, Unsubscribe, WriteOp } from '../../board/port';
import { FRAME_KEY } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import { createStageContexts, type StageContext } from '../../domain/stages/decide-stage';
import type { PlacedMap } from '../../domain/stages/placed-map';
import { toPlacedMap } from '../map/load-placed-maps';
import { summarizeStages, type StageSummary } from '../../domain/stages/summarize-stages';
import { watchMap, watchMapIds } from '../map/map-store';
import { applyTagChange } from './stage-tags';

export interface StageMapView {
  record: MapRecord;
  placed: PlacedMap;
  context: StageContext;
  summary: StageSummary;
}

export type StageViewState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** Oldest first, as the Map tab lists them. */
      maps: StageMapView[];
      /** Ids of the sticky notes this user has selected on the board. */
      selectedNoteIds: string[];
    };

export interface StageView {
  state(): StageViewState;
  /** Called on every change of state (coalesced: one call per burst of events). */
  subscribe(fn: (state: StageViewState) => void): Unsubscribe;
  item(id: string): BoardItem | undefined;
  /** Notes and frames as last known. */
  items(): BoardItem[];
  map(mapId: string): StageMapView | undefined;
  /**
   * Reflects this panel's own successful writes: the board sends events to other participants'
   * panels, not back to the one that wrote.
   */
  reflect(ops: readonly WriteOp[]): void;
  /** Reads notes and frames again, after a batch that stopped without saying what it wrote. */
  refresh(): Promise<void>;
  close(): void;
}

type PendingEvent = () => void;

const KEPT_KINDS = new Set<BoardItem['kind']>(['note', 'frame']);

export function createStageView(board: Board): StageView {
  const items = new Map<string, BoardItem>();
  const records = new Map<string, MapRecord>();
  let mapIds: string[] = [];
  let selected: string[] = [];
  let state: StageViewState = { status: 'loading' };
  let loaded = false;
  let reading = false;
  let closed = false;
  /** Events that arrive while a read is under way, replayed in order on top of it. */
  const queued: PendingEvent[] = [];
  const listeners = new Set<(state: StageViewState) => void>();
  /** The last contexts and what they were built from: rebuilt only when a map or frame changed. */
  let built: {
    key: (MapRecord | BoardItem['rect'] | undefined)[];
    views: Omit<StageMapView, 'summary'>[];
  } = {
    key: [],
    views: [],
  };
  let scheduled = false;

  const frameRectOf = (record: MapRecord) => {
    const id = record.itemIds[FRAME_KEY];
    return id === undefined ? undefined : items.get(id)?.rect;
  };

  /**
   * Every map's context, oldest first: a map's membership depends on the other maps' tags and
   * frames (issue 9 §1), so they are built together, and only when a map or a frame changed.
   */
  function contextsFor(list: readonly MapRecord[]): Omit<StageMapView, 'summary'>[] {
    const key = list.flatMap((record) => [record, frameRectOf(record)]);
    if (key.length === built.key.length && key.every((k, i) => k === built.key[i]))
      return built.views;
    const placed = list.map((record) => toPlacedMap(record, frameRectOf(record)));
    const contexts = createStageContexts(placed);
    const views = list.map((record, i) => ({
      record,
      placed: placed[i] as PlacedMap,
      context: contexts[i] as StageContext,
    }));
    built = { key, views };
    return views;
  }

  function derive(): void {
    scheduled = false;
    if (closed || !loaded) return;
    const all = [...items.values()];
    const list = mapIds.flatMap((id) => records.get(id) ?? []);
    list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const maps = contextsFor(list).map((base) => ({
      ...base,
      summary: summarizeStages(all, base.context),
    }));
    const notes = selected.filter((id) => items.get(id)?.kind === 'note');
    state = { status: 'ready', maps, selectedNoteIds: notes };
    for (const fn of [...listeners]) fn(state);
  }

  /** Several events in one tick (a batch by another participant) give one derivation. */
  function schedule(): void {
    if (scheduled || closed) return;
    scheduled = true;
    queueMicrotask(derive);
  }

  const whenLoaded = (apply: PendingEvent): void => {
    if (loaded && !reading) {
      apply();
      schedule();
    } else queued.push(apply);
  };

  function put(item: BoardItem): void {
    if (!KEPT_KINDS.has(item.kind)) return;
    const before = items.get(item.id);
    items.set(item.id, item);
    // Children of a moved frame move with it, but the board reports only the frame.
    if (before && item.kind === 'frame') {
      const dx = item.rect.x - before.rect.x;
      const dy = item.rect.y - before.rect.y;
      if (dx !== 0 || dy !== 0) shiftChildren(item.id, dx, dy, new Set([item.id]));
    }
  }

  function shiftChildren(frameId: string, dx: number, dy: number, seen: Set<string>): void {
    for (const child of [...items.values()]) {
      if (child.parentId !== frameId || seen.has(child.id)) continue;
      seen.add(child.id);
      items.set(child.id, {
        ...child,
        rect: { ...child.rect, x: child.rect.x + dx, y: child.rect.y + dy },
      });
      if (child.kind === 'frame') shiftChildren(child.id, dx, dy, seen);
    }
  }

  /** Reads notes and frames, then replays the events that arrived meanwhile. */
  async function readItems(): Promise<void> {
    reading = true;
    try {
      const list = await board.listItems(['note', 'frame']);
      if (closed) return;
      items.clear();
      for (const item of list) put(item);
    } finally {
      reading = false;
    }
    if (!loaded) return;
    for (const apply of queued.splice(0)) apply();
  }

  const subscriptions: Unsubscribe[] = [
    board.on('items:create', ({ items: created }) => whenLoaded(() => created.forEach(put))),
    board.on('items:update', ({ items: updated }) => whenLoaded(() => updated.forEach(put))),
    board.on('items:delete', ({ ids }) =>
      whenLoaded(() => {
        for (const id of ids) items.delete(id);
      }),
    ),
    board.on('selection', ({ items: chosen }) =>
      whenLoaded(() => {
        selected = chosen.map((i) => i.id);
        for (const item of chosen) if (items.has(item.id)) put(item);
      }),
    ),
  ];

  // Maps: the index, and one watch per map. A changed map (created, updated, renamed tags, moved
  // notes) is read again once, since this panel's own map writes are not echoed as item events.
  const mapWatches = new Map<string, Unsubscribe>();
  let reread: Promise<void> | null = null;
  function rereadItems(): Promise<void> {
    if (!loaded) return Promise.resolve();
    reread ??= readItems()
      .catch(() => undefined)
      .finally(() => {
        reread = null;
        schedule();
      });
    return reread;
  }
  subscriptions.push(
    watchMapIds(board, (ids) => {
      mapIds = ids;
      for (const [id, unwatch] of mapWatches) {
        if (!ids.includes(id)) {
          unwatch();
          mapWatches.delete(id);
          records.delete(id);
        }
      }
      for (const id of ids) {
        if (mapWatches.has(id)) continue;
        mapWatches.set(
          id,
          watchMap(board, id, (record) => {
            const known = records.get(id);
            if (record) records.set(id, record);
            else records.delete(id);
            if (known && record && known.updatedAt !== record.updatedAt) void rereadItems();
            schedule();
          }),
        );
      }
      schedule();
    }),
  );

  void (async () => {
    try {
      const [, chosen] = await Promise.all([readItems(), board.selection()]);
      if (closed) return;
      selected = chosen.map((i) => i.id);
      loaded = true;
      for (const apply of queued.splice(0)) apply();
      derive();
    } catch (error) {
      if (closed) return;
      state = {
        status: 'error',
        message: errorMessage(error),
      };
      for (const fn of [...listeners]) fn(state);
    }
  })();

  return {
    state: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    item: (id) => items.get(id),
    items: () => [...items.values()],
    map: (mapId) =>
      state.status === 'ready' ? state.maps.find((m) => m.record.spec.id === mapId) : undefined,
    reflect(ops) {
      for (const op of ops) {
        const item = 'id' in op ? items.get(op.id) : undefined;
        if (!item) continue;
        if (op.op === 'tag') put({ ...item, tags: applyTagChange(item.tags, op) });
        else if (op.op === 'update' && op.patch.rect)
          put({ ...item, rect: { ...item.rect, ...op.patch.rect } });
        else if (op.op === 'remove') items.delete(op.id);
      }
      schedule();
    },
    refresh: rereadItems,
    close() {
      closed = true;
      for (const unsubscribe of subscriptions) unsubscribe();
      for (const unwatch of mapWatches.values()) unwatch();
      mapWatches.clear();
      listeners.clear();
    },
  };
}
