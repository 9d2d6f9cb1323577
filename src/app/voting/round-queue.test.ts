import { describe, expect, it } from 'vitest';
import { createRoundQueue } from './round-queue';

/** A promise and the functions that settle it, for holding work until the test lets it go. */
function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createRoundQueue', () => {
  it('runs two calls on one round in order: the second starts when the first has finished', async () => {
    const queue = createRoundQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.after('r1', async () => {
      log.push('a starts');
      await first.promise;
      log.push('a ends');
      return 'a';
    });
    const b = queue.after('r1', async () => {
      log.push('b starts');
      return 'b';
    });
    await tick();
    expect(log).toEqual(['a starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('runs the next call on a round after one that failed', async () => {
    const queue = createRoundQueue();
    const failed = queue.after('r1', async () => {
      throw new Error('lost');
    });
    const next = queue.after('r1', async () => 'ran');
    await expect(failed).rejects.toThrow('lost');
    expect(await next).toBe('ran');
  });

  it('does not hold one round behind another', async () => {
    const queue = createRoundQueue();
    const held = gate();
    let ran = false;
    void queue.after('r1', () => held.promise);
    void queue.after('r2', async () => {
      ran = true;
    });
    await tick();
    expect(ran).toBe(true);
    held.open();
  });

  it('settled waits for every tracked piece of work, failed ones and ones tracked meanwhile', async () => {
    const queue = createRoundQueue();
    const first = gate<string>();
    const second = gate<string>();
    const late = gate<string>();
    let settled = false;
    void queue.track(first.promise);
    void queue.track(second.promise).catch(() => undefined);
    const waiting = queue.settled().then(() => {
      settled = true;
    });
    first.open('one');
    await tick();
    expect(settled).toBe(false);
    void queue.track(late.promise);
    second.fail(new Error('failed'));
    await tick();
    expect(settled).toBe(false);
    late.open('late');
    await waiting;
    expect(settled).toBe(true);
  });

  it('track returns the work itself', async () => {
    const queue = createRoundQueue();
    const work = Promise.resolve(7);
    expect(queue.track(work)).toBe(work);
    await queue.settled();
  });
});
