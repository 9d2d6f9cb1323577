/**
 * Miro storage collections: named key → JSON maps shared live by every user of the app on the
 * board. Every `set`/`remove` calls every `onValue` subscriber of that key (the writer's too)
 * with the new value and a new version string; last write wins, as in Miro (no compare-and-set).
 * Subscribers are not called with the current value on subscribing: read it with `get`.
 */
import type { Collection, Json } from '../../miro/sdk';
import type { BoardStore } from './board-store';
import { invalidParam } from './errors';
import { jsonValue, stringValue } from './validate';

type ValueHandler = (value: Json | undefined, version: string) => void;

export interface SharedCollections {
  /** The `Collection` one connection sees; `call` charges and counts each operation. */
  collection(
    name: string,
    connectionId: number,
    call: <T>(method: string, fn: () => T) => Promise<T>,
  ): Collection;
  /** Drop a connection's subscriptions. */
  disconnect(connectionId: number): void;
}

export function createSharedCollections(store: BoardStore): SharedCollections {
  const subscribers = new Map<string, { connectionId: number; handler: ValueHandler }[]>();
  const versions = new Map<string, number>();
  const slot = (name: string, key: string): string => `${name}\u0000${key}`;

  const publish = (name: string, key: string, value: Json | undefined): void => {
    const id = slot(name, key);
    const version = (versions.get(id) ?? 0) + 1;
    versions.set(id, version);
    for (const { handler } of [...(subscribers.get(id) ?? [])]) {
      try {
        handler(value === undefined ? undefined : structuredClone(value), String(version));
      } catch (error) {
        // One panel's faulty handler must not stop the write or the other panels.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    store.changed();
  };

  const checkName = (field: string, value: unknown): string => {
    const s = stringValue(field, value);
    if (s === '') throw invalidParam(field, 'must not be empty');
    return s;
  };

  return {
    collection(name, connectionId, call) {
      checkName('name', name);
      const collection = {
        set: (key: string, value: Json) =>
          call('storage.set', () => {
            checkName('key', key);
            const json = jsonValue('value', value) as Json;
            store.collections[name] = { ...store.collections[name], [key]: json };
            publish(name, key, json);
          }),
        get: (key: string) =>
          call('storage.get', () => {
            checkName('key', key);
            const value = store.collections[name]?.[key];
            return value === undefined ? undefined : (structuredClone(value) as Json);
          }),
        remove: (key: string) =>
          call('storage.remove', () => {
            checkName('key', key);
            const values = store.collections[name];
            if (values === undefined || !(key in values)) return;
            const { [key]: _removed, ...rest } = values;
            store.collections[name] = rest;
            publish(name, key, undefined);
          }),
        onValue: (key: string, handler: ValueHandler) =>
          call('storage.onValue', () => {
            checkName('key', key);
            const id = slot(name, key);
            subscribers.set(id, [...(subscribers.get(id) ?? []), { connectionId, handler }]);
          }),
        offValue: (key: string, handler: ValueHandler) =>
          call('storage.offValue', () => {
            const id = slot(name, key);
            const list = subscribers.get(id) ?? [];
            subscribers.set(
              id,
              list.filter((s) => !(s.connectionId === connectionId && s.handler === handler)),
            );
          }),
      };
      // Miro declares get/onValue/offValue as generics over the stored type; values are JSON.
      return collection as unknown as Collection;
    },
    disconnect(connectionId) {
      for (const [id, list] of subscribers) {
        subscribers.set(
          id,
          list.filter((s) => s.connectionId !== connectionId),
        );
      }
    },
  };
}
