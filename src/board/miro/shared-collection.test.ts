import { describe, expect, it, vi } from 'vitest';
import { createSharedCollection, toJson } from './shared-collection';
import type { Collection, Json } from './sdk';

type ValueHandler = (value: Json | undefined, version: string) => void;

/** A hand-written storage collection whose `get` the test resolves by hand. */
function createFakeCollection() {
  const values = new Map<string, Json>();
  const handlers = new Map<string, ValueHandler[]>();
  /** Each answers its get: with the value, or refused with the error given. */
  const pendingGets: ((error?: Error) => void)[] = [];
  let version = 0;
  const collection = {
    async set(key: string, value: Json) {
      values.set(key, value);
      version += 1;
      for (const h of handlers.get(key) ?? []) h(value, String(version));
    },
    get(key: string) {
      return new Promise((resolve, reject) =>
        pendingGets.push((error) => (error ? reject(error) : resolve(values.get(key)))),
      );
    },
    async remove(key: string) {
      values.delete(key);
      for (const h of handlers.get(key) ?? []) h(undefined, String(++version));
    },
    async onValue(key: string, handler: ValueHandler) {
      handlers.set(key, [...(handlers.get(key) ?? []), handler]);
    },
    async offValue(key: string, handler: ValueHandler) {
      handlers.set(
        key,
        (handlers.get(key) ?? []).filter((h) => h !== handler),
      );
    },
  } as unknown as Collection;
  return {
    collection,
    values,
    handlerCount: (key: string) => (handlers.get(key) ?? []).length,
    resolveGets: () => pendingGets.splice(0).forEach((r) => r()),
    failGets: (error: Error) => pendingGets.splice(0).forEach((r) => r(error)),
  };
}

describe('createSharedCollection', () => {
  it('watch gives the current value, then every change, and unsubscribes with offValue', async () => {
    const fake = createFakeCollection();
    fake.values.set('k', { v: 1 });
    const shared = createSharedCollection(fake.collection);
    const seen: unknown[] = [];
    const stop = shared.watch('k', (v) => seen.push(v));
    fake.resolveGets();
    await vi.waitFor(() => expect(seen).toEqual([{ v: 1 }]));
    await shared.set('k', { v: 2 });
    expect(seen).toEqual([{ v: 1 }, { v: 2 }]);
    stop();
    expect(fake.handlerCount('k')).toBe(0);
    await shared.set('k', { v: 3 });
    expect(seen).toHaveLength(2);
  });

  it('drops a stale current value when a change arrived first', async () => {
    const fake = createFakeCollection();
    fake.values.set('k', 'old');
    const shared = createSharedCollection(fake.collection);
    const seen: unknown[] = [];
    shared.watch('k', (v) => seen.push(v));
    await shared.set('k', 'new');
    fake.resolveGets();
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual(['new']);
  });

  it('says why the current value could not be read, and still follows changes', async () => {
    const fake = createFakeCollection();
    const shared = createSharedCollection(fake.collection);
    const seen: unknown[] = [];
    const errors: unknown[] = [];
    shared.watch(
      'k',
      (v) => seen.push(v),
      (error) => errors.push(error),
    );
    fake.failGets(new Error('timed out'));
    await vi.waitFor(() => expect(errors).toEqual([new Error('timed out')]));
    expect(seen).toEqual([]);
    await shared.set('k', 'later');
    expect(seen).toEqual(['later']);
  });

  it('never calls back after unsubscribing, even for a get still in flight', async () => {
    const fake = createFakeCollection();
    const shared = createSharedCollection(fake.collection);
    const fn = vi.fn();
    shared.watch('k', fn)();
    fake.resolveGets();
    await Promise.resolve();
    await Promise.resolve();
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('toJson', () => {
  it('accepts plain JSON and drops undefined fields as JSON.stringify does', () => {
    expect(toJson({ a: [1, 'b', true, null, { c: undefined, d: 2 }] })).toEqual({
      a: [1, 'b', true, null, { d: 2 }],
    });
    expect(toJson(Object.create(null) as object)).toEqual({});
  });

  it('refuses what JSON cannot hold, naming where', () => {
    expect(() => toJson({ when: new Date(0) })).toThrow(/value\.when is a Date/);
    expect(() => toJson({ n: [1, NaN] })).toThrow(/value\.n\[1\] is NaN/);
    expect(() => toJson(undefined)).toThrow(/undefined/);
    expect(() => toJson({ f: () => 1 })).toThrow(/function/);
    expect(() => toJson(new Map())).toThrow(/Map/);
  });
});
