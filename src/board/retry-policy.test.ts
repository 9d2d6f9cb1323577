import { describe, expect, it } from 'vitest';
import { isFinalFailure, retryWait, type RetryPolicy } from './retry-policy';

const policy = (random: () => number, over: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  isRetryable: () => true,
  random,
  ...over,
});

describe('isFinalFailure', () => {
  it('is final once attempts are used up, without asking the predicate', () => {
    const asked: unknown[] = [];
    const p = policy(() => 0, { isRetryable: (e) => (asked.push(e), true) });
    expect(isFinalFailure(3, 'boom', p)).toBe(true);
    expect(asked).toEqual([]);
    expect(isFinalFailure(2, 'boom', p)).toBe(false);
    expect(asked).toEqual(['boom']);
  });

  it('is final for a failure the predicate calls final', () => {
    expect(
      isFinalFailure(
        1,
        'x',
        policy(() => 0, { isRetryable: () => false }),
      ),
    ).toBe(true);
  });
});

describe('retryWait', () => {
  it('waits a jittered exponential backoff, capped, with no hold', () => {
    expect(
      retryWait(
        1,
        new Error('network'),
        policy(() => 0.5),
      ),
    ).toEqual({ delayMs: 50 });
    expect(
      retryWait(
        3,
        new Error('network'),
        policy(() => 0.5),
      ),
    ).toEqual({ delayMs: 200 });
    expect(
      retryWait(
        9,
        new Error('network'),
        policy(() => 0.5),
      ),
    ).toEqual({ delayMs: 500 });
  });

  it("waits the platform's hint plus jitter, and holds every call on a rate limit", () => {
    const draws = [0.9, 0.25];
    const random = (): number => draws.shift()!;
    expect(retryWait(2, { status: 429, retryAfterMs: 2_000 }, policy(random))).toEqual({
      delayMs: 2_025,
      holdMs: 2_000,
    });
    // Both draws taken: the backoff's first, then the jitter on the hint.
    expect(draws).toEqual([]);
  });

  it('holds nothing when a failure that is not a rate limit carries a hint', () => {
    expect(
      retryWait(
        1,
        { status: 503, retryAfterMs: 400 },
        policy(() => 0.5),
      ),
    ).toEqual({
      delayMs: 450,
    });
  });

  it('ignores a hint that is not a finite, non-negative number', () => {
    for (const retryAfterMs of [-1, Number.NaN, Infinity, '300']) {
      expect(
        retryWait(
          1,
          { status: 429, retryAfterMs },
          policy(() => 0.5),
        ),
      ).toEqual({
        delayMs: 50,
      });
    }
  });
});
