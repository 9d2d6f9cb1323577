/**
 * Typed board events over Miro's loosely typed `ui.on/off`. Miro delivers every event to every
 * iframe that subscribed, so the adapter holds at most one SDK subscription per event and fans
 * it out to the port's subscribers; the SDK subscription goes when the last subscriber leaves.
 */
import type { BoardItem } from '../../domain/board/board-item';
import type { BoardEvents, Unsubscribe } from '../port';
import type { SdkEventName, SdkItem, SdkItemsEvent, SdkUi } from './sdk';

/** Port event → the SDK event it comes from. */
export const SDK_EVENT: Record<keyof BoardEvents, SdkEventName> = {
  selection: 'selection:update',
  'items:create': 'items:create',
  'items:update': 'experimental:items:update',
  'items:delete': 'items:delete',
};

export interface BoardEventsOptions {
  ui: SdkUi;
  /** SDK items → BoardItems (may read frames or tags it does not know yet). */
  translate(items: SdkItem[]): Promise<BoardItem[]>;
  /** Sees every SDK payload first, to keep the adapter's caches current. */
  observe?(event: keyof BoardEvents, items: SdkItem[]): void;
  onError?(error: unknown): void;
}

export interface BoardEventHub {
  on<K extends keyof BoardEvents>(event: K, fn: (payload: BoardEvents[K]) => void): Unsubscribe;
}

type Listener = (payload: BoardEvents[keyof BoardEvents]) => void;

const itemsOf = (event: unknown): SdkItem[] => {
  const items = (event as Partial<SdkItemsEvent> | null)?.items;
  return Array.isArray(items) ? items : [];
};

export function createBoardEvents(options: BoardEventsOptions): BoardEventHub {
  const listeners = new Map<keyof BoardEvents, Set<Listener>>();
  const handlers = new Map<keyof BoardEvents, (event: SdkItemsEvent) => void>();
  /** Translation is async; chaining per event keeps deliveries in the order Miro sent them. */
  const chains = new Map<keyof BoardEvents, Promise<void>>();

  const deliver = (event: keyof BoardEvents, payload: BoardEvents[keyof BoardEvents]): void => {
    for (const fn of [...(listeners.get(event) ?? [])]) {
      try {
        fn(payload);
      } catch (error) {
        options.onError?.(error);
      }
    }
  };

  const translateFor = async (event: keyof BoardEvents, items: SdkItem[]): Promise<void> => {
    if (event === 'items:delete') return deliver(event, { ids: items.map((i) => i.id) });
    const translated = await options.translate(items);
    deliver(event, { items: translated });
  };

  const subscribe = (event: keyof BoardEvents): void => {
    const handler = (raw: SdkItemsEvent): void => {
      const items = itemsOf(raw);
      options.observe?.(event, items);
      const previous = chains.get(event) ?? Promise.resolve();
      chains.set(
        event,
        previous
          .then(() => translateFor(event, items))
          .catch((error: unknown) => options.onError?.(error)),
      );
    };
    handlers.set(event, handler);
    void options.ui.on(SDK_EVENT[event], handler);
  };

  return {
    on(event, fn) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const listener = fn as Listener;
      set.add(listener);
      if (!handlers.has(event)) subscribe(event);
      return () => {
        set.delete(listener);
        const handler = handlers.get(event);
        if (set.size === 0 && handler) {
          handlers.delete(event);
          void options.ui.off(SDK_EVENT[event], handler);
        }
      };
    },
  };
}
