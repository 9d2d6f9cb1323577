import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, isRateLimitError, isRetryableError } from './retry-policy';
import {
  createSlots,
  createWriteQueue,
  defaultSleep,
  type QueueProgress,
  type QueueTask,
  type RateWindow,
  type WriteQueueOptions,
} from './write-queue';

const rateLimited = (retryAfterMs?: number): Error & { status: number; retryAfterMs?: number } =>
  Object.assign(new Error('Rate limit exceeded'), { status: 429, retryAfterMs });

/** A promise the test resolves by hand. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets pending microtasks and promise chains run. */
const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
};

const instantSleep = (delays: number[]) => async (ms: number) => {
  delays.push(ms);
};

afterEach(() => {
  vi.useRealTimers();
});

describe('createWriteQueue: retries', () => {
  it('retries rate-limit failures with exponential backoff and full jitter, then succeeds', async () => {
    const delays: number[] = [];
    const queue = createWriteQueue({
      sleep: instantSleep(delays),
      random: () => 0.5,
      baseDelayMs: 100,
    });
    let calls = 0;
    const result = await queue.run([
      {
        key: 'a',
        run: async () => {
          calls += 1;
          if (calls < 4) throw rateLimited();
          return 'made';
        },
      },
    ]);
    expect(result.outcomes.get('a')).toEqual({ status: 'ok', value: 'made', attempts: 4 });
    expect(result.retries).toBe(3);
    expect(delays).toEqual([50, 100, 200]);
    expect(result.cancelled).toBe(false);
  });

  it('gives up after max attempts with the last error', async () => {
    const queue = createWriteQueue({ sleep: instantSleep([]), maxAttempts: 3 });
    const errors: Error[] = [];
    const result = await queue.run([
      {
        key: 'a',
        run: async () => {
          const error = Object.assign(new Error(`service unavailable #${errors.length}`), {
            status: 503,
          });
          errors.push(error);
          throw error;
        },
      },
    ]);
    expect(errors).toHaveLength(3);
    expect(result.outcomes.get('a')).toEqual({ status: 'failed', error: errors[2], attempts: 3 });
    expect(result.retries).toBe(2);
  });

  it('does not retry a failure the predicate calls final', async () => {
    const queue = createWriteQueue({ sleep: instantSleep([]) });
    let calls = 0;
    const result = await queue.run([
      {
        key: 'a',
        run: async () => {
          calls += 1;
          throw new Error('Item abc not found');
        },
      },
    ]);
    expect(calls).toBe(1);
    expect(result.outcomes.get('a')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('uses a custom predicate', async () => {
    const queue = createWriteQueue({ sleep: instantSleep([]), isRetryable: (e) => e === 'flaky' });
    let calls = 0;
    const result = await queue.run([
      {
        key: 'a',
        run: async () => {
          calls += 1;
          if (calls === 1) throw 'flaky';
          return calls;
        },
      },
    ]);
    expect(result.outcomes.get('a')).toEqual({ status: 'ok', value: 2, attempts: 2 });
  });

  it('waits at least retryAfterMs and holds other calls meanwhile', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = createWriteQueue({
      concurrency: 1,
      sleep: defaultSleep,
      now: () => Date.now(),
      random: () => 0,
    });
    const starts: Record<string, number[]> = { a: [], b: [] };
    let failed = false;
    const running = queue.run([
      {
        key: 'a',
        run: async () => {
          starts.a!.push(Date.now());
          if (!failed) {
            failed = true;
            throw rateLimited(5_000);
          }
        },
      },
      { key: 'b', run: async () => void starts.b!.push(Date.now()) },
    ]);
    await vi.runAllTimersAsync();
    const result = await running;
    expect(result.retries).toBe(1);
    expect(starts.a).toEqual([0, 5_000]);
    // b got the free slot during a's backoff, but the hold kept it from spending credits.
    expect(starts.b![0]).toBeGreaterThanOrEqual(5_000);
  });
});

describe('createWriteQueue: rate budget', () => {
  /** A queue under `rates` on a fake clock that starts at 0. */
  const clocked = (rates: RateWindow[], options: WriteQueueOptions = {}) => {
    vi.useFakeTimers({ now: 0 });
    return createWriteQueue({ rates, sleep: defaultSleep, now: () => Date.now(), ...options });
  };
  /** Runs the fake clock until `running` settles. */
  const settle = async <T>(running: Promise<T>): Promise<T> => {
    await vi.runAllTimersAsync();
    return running;
  };
  it('throttles to the credits of a rolling window (fake clock)', async () => {
    const queue = clocked([{ limit: 100, windowMs: 60_000 }], { concurrency: 8, costPerCall: 50 });
    const starts: number[] = [];
    const tasks: QueueTask[] = Array.from({ length: 5 }, (_, i) => ({
      key: `t${i}`,
      run: async () => void starts.push(Date.now()),
    }));
    await settle(queue.run(tasks));
    expect(starts).toEqual([0, 0, 60_000, 60_000, 120_000]);
  });

  it('enforces every window (MURAL-style per second and per minute)', async () => {
    const queue = clocked(
      [
        { limit: 2, windowMs: 1_000 },
        { limit: 3, windowMs: 60_000 },
      ],
      { concurrency: 8, costPerCall: 1 },
    );
    const starts: number[] = [];
    const tasks: QueueTask[] = Array.from({ length: 4 }, (_, i) => ({
      key: `t${i}`,
      run: async () => void starts.push(Date.now()),
    }));
    await settle(queue.run(tasks));
    expect(starts).toEqual([0, 0, 1_000, 60_000]);
  });

  it('charges the budget across runs of the same queue', async () => {
    const queue = clocked([{ limit: 1, windowMs: 10_000 }]);
    const starts: number[] = [];
    const task = (key: string): QueueTask => ({
      key,
      run: async () => void starts.push(Date.now()),
    });
    await settle(Promise.all([queue.run([task('a')]), queue.run([task('b')])]));
    expect(starts).toEqual([0, 10_000]);
  });

  it('charges the reads a running task makes to the same budget', async () => {
    const queue = clocked([{ limit: 2, windowMs: 1_000 }]);
    const at: string[] = [];
    const running = queue.run([
      {
        key: 'write',
        run: async () => {
          at.push(`write ${Date.now()}`);
          // Two reads it needs this time: "write" and "next" took the second's two credits.
          await queue.spend(1);
          at.push(`read ${Date.now()}`);
          await queue.spend(1);
          at.push(`read ${Date.now()}`);
        },
      },
      { key: 'next', run: async () => void at.push(`next ${Date.now()}`) },
    ]);
    await settle(running);
    expect(at).toEqual(['write 0', 'next 0', 'read 1000', 'read 1000']);
  });

  it('refuses a task that could never fit the budget', () => {
    const queue = createWriteQueue({ rates: [{ limit: 10, windowMs: 1_000 }] });
    expect(() => queue.run([{ key: 'a', calls: 11, run: async () => 1 }])).toThrow(/never fit/);
  });
});

describe('createWriteQueue: concurrency', () => {
  it('never runs more than `concurrency` tasks at once, and does reach it', async () => {
    const queue = createWriteQueue({ concurrency: 3 });
    let inFlight = 0;
    let peak = 0;
    const gates = Array.from({ length: 20 }, () => deferred());
    const tasks: QueueTask[] = gates.map((gate, i) => ({
      key: `t${i}`,
      run: async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await gate.promise;
        inFlight -= 1;
      },
    }));
    const running = queue.run(tasks);
    // Release in a scrambled order so slots free up unevenly.
    for (const i of [2, 0, 1, 5, 3, 4, 9, 6, 7, 8, 12, 10, 11, 15, 13, 14, 19, 16, 17, 18]) {
      await flush();
      expect(inFlight).toBeLessThanOrEqual(3);
      gates[i]!.resolve();
    }
    const result = await running;
    expect(peak).toBe(3);
    expect([...result.outcomes.values()].every((o) => o.status === 'ok')).toBe(true);
  });
});

describe('createWriteQueue: dependencies', () => {
  it('starts a task only after the tasks it depends on succeeded', async () => {
    const queue = createWriteQueue({ concurrency: 8 });
    const order: string[] = [];
    const frameGate = deferred();
    const running = queue.run([
      {
        key: 'frame',
        run: async () => {
          await frameGate.promise;
          order.push('frame');
          return 'F1';
        },
      },
      { key: 'note', run: async () => void order.push('note') },
      { key: 'add', deps: ['frame', 'note'], run: async () => void order.push('add') },
    ]);
    await flush();
    expect(order).toEqual(['note']);
    frameGate.resolve();
    const result = await running;
    expect(order).toEqual(['note', 'frame', 'add']);
    expect(result.outcomes.get('add')?.status).toBe('ok');
  });

  /** Tasks that note the order they finish in (each after a microtask, as a call would). */
  const recorded = () => {
    const order: string[] = [];
    const task = (key: string, deps: string[] = []): QueueTask => ({
      key,
      deps,
      run: async () => {
        await Promise.resolve();
        order.push(key);
      },
    });
    /** `create-i` then `add-i` (after it), for i = 1…n: a frame child's two calls. */
    const pairs = (n: number): QueueTask[] =>
      Array.from({ length: n }, (_, i) => [
        task(`create-${i + 1}`),
        task(`add-${i + 1}`, [`create-${i + 1}`]),
      ]).flat();
    return { order, pairs };
  };

  it('runs a task whose dependencies finished before later tasks of the batch', async () => {
    const queue = createWriteQueue({ concurrency: 1 });
    const { order, pairs } = recorded();
    await queue.run(pairs(2));
    // First in, first out would give create-1, create-2, add-1, add-2.
    expect(order).toEqual(['create-1', 'add-1', 'create-2', 'add-2']);
  });

  it('starts a task others wait on ahead of its place, so the batch does not end with one call alone', async () => {
    const queue = createWriteQueue({ concurrency: 2 });
    const { order, pairs } = recorded();
    await queue.run(pairs(3));
    // In batch order alone: create-1 create-2 | add-1 add-2 | create-3 | add-3 (four rounds of
    // two slots for six calls). create-3 goes one slot ahead of add-2: three full rounds.
    expect(order).toEqual(['create-1', 'create-2', 'add-1', 'create-3', 'add-2', 'add-3']);
  });

  it('waits out a task’s delay without holding a slot, then runs it', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = createWriteQueue({ concurrency: 1, sleep: defaultSleep });
    const at: string[] = [];
    const task = (key: string, deps: string[] = [], delayMs?: () => number): QueueTask => ({
      key,
      deps,
      delayMs,
      run: async () => void at.push(`${key} ${Date.now()}`),
    });
    const running = queue.run([
      task('write'),
      task('check', ['write'], () => 1_000),
      task('other'),
    ]);
    await vi.runAllTimersAsync();
    const result = await running;
    // Without the delay the check would go first (it follows a task that just finished).
    expect(at).toEqual(['write 0', 'other 0', 'check 1000']);
    expect(result.outcomes.get('check')?.status).toBe('ok');
  });

  it('cancels a task still waiting out its delay', async () => {
    const queue = createWriteQueue({ sleep: defaultSleep });
    const controller = new AbortController();
    const ran: string[] = [];
    const running = queue.run(
      [
        { key: 'write', run: async () => void ran.push('write') },
        {
          key: 'check',
          deps: ['write'],
          delayMs: () => 60_000,
          run: async () => void ran.push('check'),
        },
      ],
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(ran).toEqual(['write']));
    controller.abort();
    const result = await running;
    expect(result.outcomes.get('check')?.status).toBe('cancelled');
    expect(ran).toEqual(['write']);
  });

  it('skips dependents of a failed task, transitively, and runs the rest', async () => {
    const queue = createWriteQueue();
    const ran: string[] = [];
    const result = await queue.run([
      {
        key: 'a',
        run: async () => {
          throw new Error('bad input');
        },
      },
      { key: 'b', deps: ['a'], run: async () => void ran.push('b') },
      { key: 'c', deps: ['b'], run: async () => void ran.push('c') },
      { key: 'd', run: async () => void ran.push('d') },
    ]);
    expect(ran).toEqual(['d']);
    expect(result.outcomes.get('b')).toEqual({ status: 'skipped', dependency: 'a' });
    expect(result.outcomes.get('c')).toEqual({ status: 'skipped', dependency: 'b' });
  });

  it('rejects a dependency on a later or unknown task', () => {
    const queue = createWriteQueue();
    const run = async (): Promise<void> => {};
    expect(() =>
      queue.run([
        { key: 'a', deps: ['b'], run },
        { key: 'b', run },
      ]),
    ).toThrow(/not an earlier task/);
    expect(() =>
      queue.run([
        { key: 'a', run },
        { key: 'a', run },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe('createWriteQueue: cancel', () => {
  it('lets running tasks finish, never starts pending ones, and says cancelled', async () => {
    const queue = createWriteQueue({ concurrency: 2 });
    const controller = new AbortController();
    const started: string[] = [];
    const gates = Array.from({ length: 5 }, () => deferred());
    const running = queue.run(
      gates.map((gate, i) => ({
        key: `t${i}`,
        run: async () => {
          started.push(`t${i}`);
          await gate.promise;
          return i;
        },
      })),
      { signal: controller.signal },
    );
    await flush();
    expect(started).toEqual(['t0', 't1']);
    controller.abort();
    gates.forEach((g) => g.resolve());
    const result = await running;
    expect(started).toEqual(['t0', 't1']);
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.get('t0')).toEqual({ status: 'ok', value: 0, attempts: 1 });
    expect(result.outcomes.get('t1')).toEqual({ status: 'ok', value: 1, attempts: 1 });
    for (const key of ['t2', 't3', 't4'])
      expect(result.outcomes.get(key)).toEqual({ status: 'cancelled' });
  });

  it('stops retrying once cancelled during a backoff', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = createWriteQueue({ sleep: defaultSleep, now: () => Date.now(), random: () => 1 });
    const controller = new AbortController();
    let calls = 0;
    const running = queue.run(
      [
        {
          key: 'a',
          run: async () => {
            calls += 1;
            throw rateLimited();
          },
        },
      ],
      { signal: controller.signal },
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.runAllTimersAsync();
    const result = await running;
    expect(calls).toBe(1);
    expect(result.outcomes.get('a')).toEqual({ status: 'cancelled' });
    expect(result.cancelled).toBe(true);
  });

  it('starts nothing when the signal is already aborted', async () => {
    const queue = createWriteQueue();
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const result = await queue.run([{ key: 'a', run: async () => (calls += 1) }], {
      signal: controller.signal,
    });
    expect(calls).toBe(0);
    expect(result.cancelled).toBe(true);
  });
});

describe('createWriteQueue: progress', () => {
  it('reports done, total and retries as tasks settle', async () => {
    const queue = createWriteQueue({ sleep: instantSleep([]), concurrency: 1 });
    const events: QueueProgress[] = [];
    let flaky = 0;
    await queue.run(
      [
        { key: 'a', run: async () => 1 },
        {
          key: 'b',
          run: async () => {
            flaky += 1;
            if (flaky === 1) throw rateLimited();
          },
        },
        { key: 'c', run: async () => Promise.reject(new Error('final')) },
      ],
      { onProgress: (p) => events.push(p) },
    );
    expect(events).toEqual([
      { done: 1, total: 3, retries: 0 },
      { done: 1, total: 3, retries: 1 },
      { done: 2, total: 3, retries: 1 },
      { done: 3, total: 3, retries: 1 },
    ]);
  });

  it('resolves at once for an empty run', async () => {
    const result = await createWriteQueue().run([]);
    expect(result).toEqual({ outcomes: new Map(), retries: 0, cancelled: false });
  });
});

describe('error classification and backoff', () => {
  it('tells rate limits and transient failures from final ones', () => {
    expect(isRateLimitError(rateLimited())).toBe(true);
    expect(isRateLimitError({ code: 'RATE_LIMITED' })).toBe(true);
    expect(isRateLimitError(new Error('Not enough credits'))).toBe(true);
    expect(isRetryableError({ status: 502 })).toBe(true);
    expect(isRetryableError(new Error('Request timed out'))).toBe(true);
    expect(isRetryableError(new Error('Item not found'))).toBe(false);
    expect(isRetryableError({ status: 400 })).toBe(false);
    expect(isRetryableError(null)).toBe(false);
  });

  it("recognises Miro's documented rate-limit answers as well as the local board's", () => {
    // REST: HTTP 429 with code tooManyRequests; Web SDK: an error once credits are exceeded.
    expect(isRateLimitError({ status: 429 })).toBe(true);
    expect(isRateLimitError({ status: '429' })).toBe(true);
    expect(isRateLimitError({ code: 'tooManyRequests', message: 'Too Many Requests' })).toBe(true);
    expect(isRateLimitError(new Error('Credits limit exceeded for this hour'))).toBe(true);
    expect(isRateLimitError(new Error('API rate limit exceeded: retry after 10 ms'))).toBe(true);
    expect(isRateLimitError(new Error('Invalid parameter x'))).toBe(false);
  });

  it('caps the jittered backoff', () => {
    expect(backoffDelay(1, () => 1, 100, 1_000)).toBe(100);
    expect(backoffDelay(4, () => 1, 100, 1_000)).toBe(800);
    expect(backoffDelay(10, () => 1, 100, 1_000)).toBe(1_000);
    expect(backoffDelay(10, () => 0, 100, 1_000)).toBe(0);
  });
});

describe('createSlots', () => {
  it('hands freed slots to the lowest priority number, ties in arrival order', async () => {
    const slots = createSlots(1);
    const order: string[] = [];
    await slots.acquire(0);
    const waits = [
      slots.acquire(5).then(() => order.push('5a')),
      slots.acquire(2).then(() => order.push('2')),
      slots.acquire(5).then(() => order.push('5b')),
      slots.acquire(1).then(() => order.push('1')),
    ];
    for (let i = 0; i < 4; i += 1) {
      slots.release();
      await flush();
    }
    await Promise.all(waits);
    expect(order).toEqual(['1', '2', '5a', '5b']);
  });
});

describe('createWriteQueue: single calls', () => {
  it('resolves with the value after retries, or rejects with the last error', async () => {
    const queue = createWriteQueue({ sleep: instantSleep([]), maxAttempts: 2 });
    let calls = 0;
    await expect(
      queue.call(async () => {
        calls += 1;
        if (calls === 1) throw rateLimited();
        return 'read';
      }),
    ).resolves.toBe('read');
    const final = new Error('Item x was not found');
    await expect(queue.call(async () => Promise.reject(final))).rejects.toBe(final);
  });

  it('goes ahead of batch tasks waiting for a slot', async () => {
    const queue = createWriteQueue({ concurrency: 1 });
    const order: string[] = [];
    const gate = deferred();
    const batch = queue.run([
      {
        key: 'first',
        run: async () => {
          await gate.promise;
          order.push('first');
        },
      },
      { key: 'second', run: async () => void order.push('second') },
    ]);
    const read = queue.call(async () => void order.push('read'));
    gate.resolve();
    await Promise.all([batch, read]);
    expect(order).toEqual(['first', 'read', 'second']);
  });

  it('shares the budget with batches (fake clock)', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = createWriteQueue({
      rates: [{ limit: 1, windowMs: 1_000 }],
      sleep: defaultSleep,
      now: () => Date.now(),
    });
    const starts: number[] = [];
    const batch = queue.run([{ key: 'w', run: async () => void starts.push(Date.now()) }]);
    const read = queue.call(async () => void starts.push(Date.now()));
    await vi.runAllTimersAsync();
    await Promise.all([batch, read]);
    expect(starts).toEqual([0, 1_000]);
  });

  it('rejects as aborted when cancelled before it starts', async () => {
    const queue = createWriteQueue();
    const controller = new AbortController();
    controller.abort();
    const fn = vi.fn(async () => 1);
    await expect(queue.call(fn, { signal: controller.signal })).rejects.toThrow(/cancelled/);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('createWriteQueue: any batch', () => {
  it('settles every task once, within the concurrency, never before its dependencies', async () => {
    const batch = fc.integer({ min: 1, max: 25 }).chain((n) =>
      fc.record({
        concurrency: fc.integer({ min: 1, max: 6 }),
        tasks: fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            fc.record({
              deps: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), {
                maxLength: i === 0 ? 0 : 3,
              }),
              fails: fc.boolean(),
              ticks: fc.integer({ min: 0, max: 4 }),
            }),
          ),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(batch, async ({ concurrency, tasks }) => {
        const queue = createWriteQueue({ concurrency, maxAttempts: 1 });
        let inFlight = 0;
        let peak = 0;
        const finished = new Set<string>();
        const result = await queue.run(
          tasks.map((t, i) => ({
            key: `t${i}`,
            deps: t.deps.map((d) => `t${d}`),
            run: async () => {
              for (const d of t.deps) expect(finished.has(`t${d}`)).toBe(true);
              inFlight += 1;
              peak = Math.max(peak, inFlight);
              for (let k = 0; k < t.ticks; k += 1) await Promise.resolve();
              inFlight -= 1;
              if (t.fails) throw new Error('final');
              finished.add(`t${i}`);
            },
          })),
        );
        expect(peak).toBeLessThanOrEqual(concurrency);
        expect(result.outcomes.size).toBe(tasks.length);
        tasks.forEach((t, i) => {
          const outcome = result.outcomes.get(`t${i}`)!;
          const depsOk = t.deps.every((d) => result.outcomes.get(`t${d}`)?.status === 'ok');
          expect(outcome.status).toBe(!depsOk ? 'skipped' : t.fails ? 'failed' : 'ok');
        });
      }),
      { numRuns: 150 },
    );
  });
});
