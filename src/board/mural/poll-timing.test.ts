import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPollTimer, DEFAULT_POLL, listCostFactor, pollTimingOf } from './poll-timing';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('poll timing', () => {
  it('backs off while nothing changes, starts over on a change, and stops when nobody listens', async () => {
    let active = true;
    const changes = [false, false, false, true, false];
    const at: number[] = [];
    const timer = createPollTimer({
      firstMs: 100,
      maxMs: 400,
      backoff: 2,
      active: () => active,
      run: () => {
        at.push(Date.now());
        return Promise.resolve(changes.shift() ?? false);
      },
      onError: () => undefined,
    });
    const start = Date.now();
    timer.schedule();
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 400 + 100);
    // Quiet polls wait 100, 200, 400, then stay at 400; a change brings back 100.
    expect(at.map((t) => t - start)).toEqual([100, 300, 700, 1100, 1200]);
    active = false;
    timer.stopIfIdle();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(at).toHaveLength(5);
    active = true;
    timer.reset();
    expect(timer.interval).toBe(100);
  });

  it('stretches the list poll past 300 widgets, and keeps the budget defaults', () => {
    expect(listCostFactor(0)).toBe(1);
    expect(listCostFactor(300)).toBe(1);
    expect(listCostFactor(1000)).toBeCloseTo(10 / 3);
    expect(pollTimingOf({})).toEqual(DEFAULT_POLL);
    expect(pollTimingOf({ pollMs: 100 })).toMatchObject({ stateMs: 100, itemsMaxMs: 400 });
  });
});
