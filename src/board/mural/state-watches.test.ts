import { describe, expect, it, vi } from 'vitest';
import { createStateWatches } from './state-watches';

/** A first read answered when the test says so. */
function deferredRead() {
  let answer!: (values: Map<string, string>) => void;
  let refuse!: (error: unknown) => void;
  const read = new Promise<Map<string, string>>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  return { read: () => read, answer, refuse };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(read: () => Promise<Map<string, string>>) {
  const events: string[] = [];
  const onError = vi.fn();
  const watches = createStateWatches({
    readValues: read,
    onError,
    onWatching: () => events.push('watching'),
    onStopped: () => events.push('stopped'),
  });
  return { watches, events, onError };
}

describe('createStateWatches', () => {
  it('gives the first value read, then only values that changed', async () => {
    const { watches, events } = setUp(async () => new Map([['k', '{"n":1}']]));
    const heard: unknown[] = [];
    watches.watch('k', (value) => heard.push(value));
    await flush();
    expect(heard).toEqual([{ n: 1 }]);
    expect(events).toEqual(['watching']);
    expect(watches.count()).toBe(1);

    expect(watches.notify(new Map([['k', '{"n":1}']]))).toBe(false);
    expect(watches.notify(new Map([['k', '{"n":2}']]))).toBe(true);
    expect(watches.notify(new Map())).toBe(true);
    expect(heard).toEqual([{ n: 1 }, { n: 2 }, undefined]);
  });

  it('after a refused first read, says why and delivers whatever the next poll finds', async () => {
    const first = deferredRead();
    const { watches, onError } = setUp(first.read);
    const heard: unknown[] = [];
    const failures: unknown[] = [];
    watches.watch(
      'k',
      (value) => heard.push(value),
      (error) => failures.push(error),
    );
    first.refuse(new Error('refused'));
    await flush();
    expect(failures).toEqual([new Error('refused')]);
    expect(onError).toHaveBeenCalledTimes(1);
    // Even "no value" is news to a watcher that never had one.
    expect(watches.notify(new Map())).toBe(true);
    expect(heard).toEqual([undefined]);
  });

  it('a watch stopped before its first read answers hears nothing and is not kept', async () => {
    const first = deferredRead();
    const { watches, events } = setUp(first.read);
    const fn = vi.fn();
    const stop = watches.watch('k', fn);
    stop();
    first.answer(new Map([['k', '1']]));
    await flush();
    expect(fn).not.toHaveBeenCalled();
    expect(watches.count()).toBe(0);
    expect(watches.notify(new Map([['k', '2']]))).toBe(false);
    expect(events).toEqual(['stopped']);
  });
});
