/**
 * The port's event subscribers of one board, by event: each adapter fans its platform's events
 * (Miro's SDK events, MURAL's polls) out to them. A subscriber that throws is reported and the
 * others still hear the event.
 */
import type { BoardEvents } from './port';

export interface EventListeners {
  /** Adds `fn` for `event`; the returned function removes it and says how many are left. */
  add<K extends keyof BoardEvents>(event: K, fn: (payload: BoardEvents[K]) => void): () => number;
  /** Calls every subscriber of `event`, in the order they came. */
  deliver<K extends keyof BoardEvents>(event: K, payload: BoardEvents[K]): void;
  /** Whether anyone listens to any event. */
  hasListeners(): boolean;
}

type Listener = (payload: BoardEvents[keyof BoardEvents]) => void;

export function createEventListeners(onError?: (error: unknown) => void): EventListeners {
  const listeners = new Map<keyof BoardEvents, Set<Listener>>();
  return {
    add(event, fn) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      // A fresh function per subscription: the same `fn` added twice is removed once per call.
      const listener: Listener = (payload) => fn(payload as BoardEvents[typeof event]);
      set.add(listener);
      return () => {
        set.delete(listener);
        return set.size;
      };
    },
    deliver(event, payload) {
      for (const fn of [...(listeners.get(event) ?? [])]) {
        try {
          fn(payload);
        } catch (error) {
          onError?.(error);
        }
      }
    },
    hasListeners: () => [...listeners.values()].some((set) => set.size > 0),
  };
}
