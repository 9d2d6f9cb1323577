import { describe, expect, it } from 'vitest';
import { createCreditBudget } from './budget';
import { RateLimitError } from './errors';

describe('createCreditBudget', () => {
  it('rejects the call that would exceed the minute, with Miro-like rate-limit error', () => {
    let t = 1_000;
    const budget = createCreditBudget({ creditsPerMinute: 150, creditsPerCall: 50, now: () => t });
    budget.charge();
    t += 10_000;
    budget.charge();
    budget.charge();
    let error: unknown;
    try {
      budget.charge();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(RateLimitError);
    const rate = error as RateLimitError;
    expect(rate.message).toMatch(/rate limit/);
    expect(rate.status).toBe(429);
    // The first call (at t = 1,000) frees its credits at 61,000; now is 11,000.
    expect(rate.retryAfterMs).toBe(50_000);
    expect(budget.used()).toBe(150);
  });

  it('frees credits as calls age out of the rolling minute', () => {
    let t = 0;
    const budget = createCreditBudget({ creditsPerMinute: 100, creditsPerCall: 50, now: () => t });
    budget.charge();
    t = 30_000;
    budget.charge();
    expect(() => budget.charge()).toThrow(RateLimitError);
    t = 60_000;
    // The call at 0 has aged out; the one at 30,000 still counts.
    expect(() => budget.charge()).not.toThrow();
    expect(budget.used()).toBe(100);
  });
});
