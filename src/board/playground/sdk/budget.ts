/**
 * Miro's rolling credit budget (platform-notes.md, "Rate budget"): every call costs credits;
 * once a rolling minute holds the whole budget, further calls reject until old calls age out.
 */
import { RateLimitError } from './errors';
import { MINUTE_MS } from './limits';

export interface CreditBudgetOptions {
  creditsPerMinute: number;
  creditsPerCall: number;
  now: () => number;
}

export interface CreditBudget {
  /** Spend one call's credits, or throw `RateLimitError` without spending anything. */
  charge(): void;
  /** Credits spent within the last minute. */
  used(): number;
}

export function createCreditBudget(options: CreditBudgetOptions): CreditBudget {
  const { creditsPerMinute, creditsPerCall, now } = options;
  // Timestamps of accepted calls, oldest first; each cost `creditsPerCall`.
  const spent: number[] = [];

  const forget = (t: number): void => {
    while (spent.length > 0 && (spent[0] ?? t) <= t - MINUTE_MS) spent.shift();
  };

  return {
    charge() {
      const t = now();
      forget(t);
      const maxCalls = Math.floor(creditsPerMinute / creditsPerCall);
      if (spent.length + 1 > maxCalls) {
        // Enough credits free up when the call that would make room ages out of the window.
        const freeing = spent[spent.length - maxCalls] ?? t;
        throw new RateLimitError(Math.max(1, freeing + MINUTE_MS - t), creditsPerMinute);
      }
      spent.push(t);
    },
    used() {
      forget(now());
      return spent.length * creditsPerCall;
    },
  };
}
