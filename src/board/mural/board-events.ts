/**
 * Events and watches on MURAL, which pushes nothing to third parties: two poll timers through
 * the adapter's queue (shared state, one request; the full widget list, one request per 100
 * widgets), each backing off while nothing changes, and, when asked, the poll results of this
 * browser's other tabs on the same mural over a `BroadcastChannel`. See CONTEXT.md, "Events".
 */
import type { BoardItem } from '../../domain/board/board-item';
import { createEventListeners } from '../event-listeners';
import type { BoardEvents, Unsubscribe } from '../port';
import { createPollTimer, listCostFactor, type PollTiming } from './poll-timing';
import {
  itemChanges,
  type ItemChanges,
  readTabMessage,
  seenItems,
  type SeenItems,
  type SentTabMessage,
} from './poll-results';
import { currentValues, indexState, stateAreaIds } from './shared-state';
import { createStateWatches } from './state-watches';
import type { MuralWidget } from './widgets';

export interface BoardEventsOptions {
  muralId: string;
  timing: PollTiming;
  /** Share poll results with this browser's other tabs on the mural. */
  shareAcrossTabs: boolean;
  /** Failures while polling, which have no caller to throw to. */
  onError: (error: unknown) => void;
  /** The mural's widgets, every page. */
  listWidgets: () => Promise<MuralWidget[]>;
  /** Board items from a full widget list (state widgets left out). */
  translate: (all: MuralWidget[]) => Promise<BoardItem[]>;
  /** Every shared key's value now, by `stateId`. */
  readValues: () => Promise<Map<string, string>>;
}

export interface BoardEventHub {
  on<K extends keyof BoardEvents>(event: K, fn: (payload: BoardEvents[K]) => void): Unsubscribe;
  /**
   * Calls `fn` with the entry `id`'s value once read, then on each change a poll (or another
   * tab's) sees. A first read that fails goes to `onWatchError`; the next poll brings the value.
   */
  watch(
    id: string,
    fn: (value: unknown) => void,
    onWatchError?: (error: unknown) => void,
  ): Unsubscribe;
  /** An own write: others' reactions come soon, so poll at the first interval again. */
  wrote(): void;
  /** A full list read outside the polls: the first one is what later polls diff against. */
  listed(items: readonly BoardItem[]): void;
  /** The items as last seen by a poll or a list (empty before either). */
  lastSeen(): ReadonlyMap<string, BoardItem>;
  /** Looks for changes now, whether or not anyone listens. */
  poll(): Promise<void>;
}

export function createBoardEvents(deps: BoardEventsOptions): BoardEventHub {
  const { timing, onError } = deps;
  const listeners = createEventListeners(onError);
  const watches = createStateWatches({
    readValues: deps.readValues,
    onError,
    onWatching: () => schedule(),
    onStopped: () => stopIfIdle(),
  });
  /** Items as last seen by a poll or a list, for diffing; null before the first look. */
  let seen: SeenItems | null = null;
  let lastItems = new Map<string, BoardItem>();
  /** Widgets in the last full list: the list poll slows down for big murals. */
  let listedCount = 0;

  function remember(items: readonly BoardItem[]): SeenItems {
    lastItems = new Map(items.map((i) => [i.id, i]));
    return seenItems(items);
  }

  /** Emits the events for `changes`; true when there were any. */
  function deliver({ created, updated, deleted }: ItemChanges): boolean {
    if (created.length) listeners.deliver('items:create', { items: created });
    if (updated.length) listeners.deliver('items:update', { items: updated });
    if (deleted.length) listeners.deliver('items:delete', { ids: deleted });
    return created.length + updated.length + deleted.length > 0;
  }

  /** Diffs items against the last look and emits events; true when anything changed. */
  function observe(items: BoardItem[], all: MuralWidget[], emitEvents: boolean): boolean {
    const before = seen;
    const next = remember(items);
    const changed = before !== null && emitEvents && deliver(itemChanges(before, items, next));
    seen = next;
    return watches.notify(currentValues(indexState(all, new Set(stateAreaIds(all))))) || changed;
  }

  async function pollItems(): Promise<boolean> {
    const all = await deps.listWidgets();
    listedCount = all.length;
    tabs?.postMessage({ t: 'items', widgets: all } satisfies SentTabMessage);
    return observe(await deps.translate(all), all, true);
  }

  async function pollState(): Promise<boolean> {
    const values = await deps.readValues();
    tabs?.postMessage({ t: 'state', entries: [...values] } satisfies SentTabMessage);
    return watches.notify(values);
  }

  // Shared state alone is one request (the data area's entries), so watchers poll it more often
  // than the full list that item events need; both back off while nothing changes.
  const statePoll = createPollTimer({
    firstMs: timing.stateMs,
    maxMs: timing.stateMaxMs,
    backoff: timing.backoff,
    active: () => watches.count() > 0,
    run: pollState,
    onError,
  });
  const itemsPoll = createPollTimer({
    firstMs: () => timing.itemsMs * listCostFactor(listedCount),
    maxMs: () => timing.itemsMaxMs * listCostFactor(listedCount),
    backoff: timing.backoff,
    active: listeners.hasListeners,
    run: pollItems,
    onError,
  });
  const schedule = (): void => {
    itemsPoll.schedule();
    statePoll.schedule();
  };
  const stopIfIdle = (): void => {
    itemsPoll.stopIfIdle();
    statePoll.stopIfIdle();
  };

  /** Another tab's poll result: used as this tab's own poll, which it postpones. */
  function heard(sent: unknown): void {
    const message = readTabMessage(sent);
    if (message?.t === 'state') statePoll.heard(watches.notify(message.values));
    else if (message?.t === 'items') {
      const all = message.widgets;
      void deps
        .translate(all)
        .then((items) => {
          itemsPoll.heard(observe(items, all, seen !== null));
        })
        .catch(onError);
    }
  }
  const tabs =
    deps.shareAcrossTabs && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(`touchpoint-mural:${deps.muralId}`)
      : null;
  if (tabs) tabs.onmessage = (event: MessageEvent<unknown>) => heard(event.data);

  return {
    on(event, fn) {
      const remove = listeners.add(event, fn);
      // Seen before any poll: an empty board (the first poll reports everything as new otherwise).
      seen ??= new Map();
      schedule();
      return () => {
        remove();
        stopIfIdle();
      };
    },

    watch: watches.watch,

    wrote() {
      if (listeners.hasListeners()) itemsPoll.reset();
      if (watches.count() > 0) statePoll.reset();
    },

    listed(items) {
      if (seen === null) seen = remember(items);
    },

    lastSeen: () => lastItems,

    async poll() {
      await pollItems();
    },
  };
}
