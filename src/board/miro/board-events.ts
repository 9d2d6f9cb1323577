/**
 * Typed board events over Miro's loosely typed `ui.on/off`. Miro delivers every event to every
 * iframe that subscribed, so the adapter holds at most one SDK subscription per event and fans
 * it out to the port's subscribers; the SDK subscription goes when the last subscriber leaves.
 */
import type { BoardItem } from '../../domain/board/board-item';
import { createEventListeners } from '../event-listeners';
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

const itemsOf = (event: unknown): SdkItem[] => {
  const items = (event as Partial<SdkItemsEvent> | null)?.items;
  return Array.isArray(items) ? items : [];
};

export function createBoardEvents(options: BoardEventsOptions): BoardEventHub {
  const listeners = createEventListeners(options.onError);
  const handlers = new Map<keyof BoardEvents, (event: SdkItemsEvent) => void>();
  /** Translation is async; chaining per event keeps deliveries in the order Miro sent them. */
  const chains = new Map<keyof BoardEvents, Promise<void>>();

  const translateFor = async (event: keyof BoardEvents, items: SdkItem[]): Promise<void> => {
    if (event === 'items:delete') return listeners.deliver(event, { ids: items.map((i) => i.id) });
    const translated = await options.translate(items);
    listeners.deliver(event, { items: translated });
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
      const remove = listeners.add(event, fn);
      if (!handlers.has(event)) subscribe(event);
      return () => {
        const handler = handlers.get(event);
        if (remove() === 0 && handler) {
          handlers.delete(event);
          void options.ui.off(SDK_EVENT[event], handler);
        }
      };
    },
  };
}
