/**
 * One connected SDK's `ui.on/off` registry. Handlers run synchronously when the board changes,
 * so by the time a write resolves every other panel has heard of it; a throwing handler is
 * reported asynchronously and does not stop the others.
 */
import type { SdkEventName, SdkItemsEvent } from '../../miro/sdk';

export type ItemsHandler = (event: SdkItemsEvent) => void;

export interface EventRegistry {
  on(event: SdkEventName, handler: ItemsHandler): void;
  off(event: SdkEventName, handler: ItemsHandler): void;
  has(event: SdkEventName): boolean;
  dispatch(event: SdkEventName, payload: SdkItemsEvent): void;
}

export function createEventRegistry(): EventRegistry {
  const handlers = new Map<SdkEventName, ItemsHandler[]>();
  return {
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    off(event, handler) {
      handlers.set(
        event,
        (handlers.get(event) ?? []).filter((h) => h !== handler),
      );
    },
    has: (event) => (handlers.get(event) ?? []).length > 0,
    dispatch(event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          handler(payload);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
