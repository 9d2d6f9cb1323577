/**
 * The Stages tab's live picture of the board: notes and frames read once, then followed through
 * board events (no polling; `stage-items-watch.ts`), and the maps followed through the shared
 * collection (`stage-maps-watch.ts`). Every change re-derives each map's summary with the domain
 * rules (`stage-map-views.ts`, `summarizeStages`).
 */
import type { Board, BoardItem, Unsubscribe, WriteOp } from '../../board/port';
import { createStageMapViews, type StageMapView } from './stage-map-views';
import { watchStageItems } from './stage-items-watch';
import { watchStageMaps } from './stage-maps-watch';

export type { StageMapView } from './stage-map-views';

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

export function createStageView(board: Board): StageView {
  let state: StageViewState = { status: 'loading' };
  let closed = false;
  let scheduled = false;
  const listeners = new Set<(state: StageViewState) => void>();
  const mapViews = createStageMapViews();

  const publish = (next: StageViewState): void => {
    state = next;
    for (const fn of [...listeners]) fn(state);
  };

  function derive(): void {
    scheduled = false;
    if (closed || !items.loaded()) return;
    const maps = mapViews(stageMaps.records(), items);
    publish({ status: 'ready', maps, selectedNoteIds: items.selectedNoteIds() });
  }

  /** Several events in one tick (a batch by another participant) give one derivation. */
  function schedule(): void {
    if (scheduled || closed) return;
    scheduled = true;
    queueMicrotask(derive);
  }

  const items = watchStageItems(board, {
    changed: schedule,
    ready: derive,
    failed: (message) => publish({ status: 'error', message }),
  });
  // A changed map (created, updated, renamed tags, moved notes) reads the items again once.
  const stageMaps = watchStageMaps(board, {
    changed: schedule,
    recordChanged: () => void items.refresh(),
  });

  return {
    state: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    item: items.item,
    items: items.items,
    map: (mapId) =>
      state.status === 'ready' ? state.maps.find((m) => m.record.spec.id === mapId) : undefined,
    reflect: items.reflect,
    refresh: items.refresh,
    close() {
      closed = true;
      items.close();
      stageMaps.close();
      listeners.clear();
    },
  };
}
