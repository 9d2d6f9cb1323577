/** The port's `SharedCollection` over a Miro storage collection. */
import type { SharedCollection, Unsubscribe } from '../port';
import type { Collection, Json } from './sdk';

/** A JSON value, or a clear error naming where it is not one (Miro stores JSON only). */
export function toJson(value: unknown, path = 'value'): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new TypeError(`${path} is ${value}, which JSON cannot hold.`);
  }
  if (Array.isArray(value)) return value.map((v, i) => toJson(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`${path} is a ${value.constructor.name}, not plain JSON.`);
    }
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) {
      // As JSON.stringify does: an undefined field is simply absent.
      if (v !== undefined) out[key] = toJson(v, `${path}.${key}`);
    }
    return out;
  }
  throw new TypeError(
    `${path} is ${value === undefined ? 'undefined' : `a ${typeof value}`}, not JSON.`,
  );
}

/** Absent and null read the same: whether Miro answers a missing key with null is not documented. */
export function createSharedCollection(
  collection: Collection,
  /** Runs each call (the adapter passes its queue's budgeted, retrying `call`). */
  run: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
): SharedCollection {
  return {
    // The port hands values back as the caller's type; callers validate what they read.
    async get<T = unknown>(key: string): Promise<T | undefined> {
      const value = await run(() => collection.get(key));
      return (value ?? undefined) as T | undefined;
    },
    async set(key, value) {
      const json = toJson(value);
      await run(() => collection.set(key, json));
    },
    async remove(key) {
      await run(() => collection.remove(key));
    },
    watch<T = unknown>(
      key: string,
      fn: (value: T | undefined) => void,
      onError?: (error: unknown) => void,
    ): Unsubscribe {
      let active = true;
      let changed = false;
      const handler = (value: Json | undefined): void => {
        changed = true;
        if (active) fn((value ?? undefined) as T | undefined);
      };
      void collection.onValue(key, handler);
      // The current value, unless a change already arrived (it is newer).
      void collection.get(key).then(
        (value) => {
          if (active && !changed) fn((value ?? undefined) as T | undefined);
        },
        (error: unknown) => {
          if (active && !changed) onError?.(error);
        },
      );
      return () => {
        if (!active) return;
        active = false;
        void collection.offValue(key, handler);
      };
    },
  };
}
