/**
 * What the write queue retries and how long it waits (ARCHITECTURE.md §4): which failures are worth
 * another attempt, exponential backoff with full jitter, and the platform's own retry hints. Pure:
 * the clock and the random source are passed in.
 */

/** An error that may carry the platform's hint of when to try again. */
interface ErrorHints {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  retryAfterMs?: unknown;
  rateLimited?: unknown;
  transient?: unknown;
}

const hints = (error: unknown): ErrorHints =>
  typeof error === 'object' && error !== null ? (error as ErrorHints) : {};

/**
 * Miro's documented wording: the REST API answers HTTP 429 "Too Many Requests" (code
 * `tooManyRequests`), and the Web SDK rejects a call once the app exceeds its credits per minute
 * or per hour ("If your app exceeds either limit, it receives an error", developers.miro.com
 * websdk-reference-rate-limiting). The local board says "API rate limit exceeded".
 */
const RATE_LIMIT_TEXT = /rate.?limit|too.?many.?requests|credits|quota|limit.?exceeded/i;
const TRANSIENT_TEXT = /timed? ?out|temporar|network|unavailable|ECONNRESET|try again/i;

/** Rate-limit failures: HTTP 429, or the SDK's wording for an exhausted credit budget. */
export function isRateLimitError(error: unknown): boolean {
  const h = hints(error);
  if (h.rateLimited === true || h.status === 429 || h.status === '429') return true;
  if (typeof h.code === 'string' && RATE_LIMIT_TEXT.test(h.code)) return true;
  return typeof h.message === 'string' && RATE_LIMIT_TEXT.test(h.message);
}

/** Rate limits plus transient failures (5xx, time-outs, network). Everything else is final. */
export function isRetryableError(error: unknown): boolean {
  if (isRateLimitError(error)) return true;
  const h = hints(error);
  if (h.transient === true) return true;
  if (typeof h.status === 'number' && h.status >= 500 && h.status < 600) return true;
  return typeof h.message === 'string' && TRANSIENT_TEXT.test(h.message);
}

function retryAfterMsOf(error: unknown): number | undefined {
  const value = hints(error).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Full jitter (AWS architecture blog): a uniform delay in [0, min(cap, base · 2^(n−1))). */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseDelayMs: number,
  maxDelayMs: number,
): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  isRetryable: (error: unknown) => boolean;
  random: () => number;
}

/**
 * Whether a failed attempt is the task's last: attempts used up, or a failure no retry fixes
 * (the predicate is asked only while attempts are left).
 */
export const isFinalFailure = (attempt: number, error: unknown, policy: RetryPolicy): boolean =>
  attempt >= policy.maxAttempts || !policy.isRetryable(error);

/** How long to wait before the next attempt, and how long no call may start (a rate limit's hint). */
export interface RetryWait {
  delayMs: number;
  /** Set when the platform rate-limited the call and said when to try again. */
  holdMs?: number;
}

/**
 * The wait after failed attempt `attempt`: jittered backoff, or, when the platform said when, that
 * long plus jitter on top (which keeps retries from arriving together). Draws `random` once for
 * the backoff, and once more for the jitter on a hint.
 */
export function retryWait(attempt: number, error: unknown, policy: RetryPolicy): RetryWait {
  const { random, baseDelayMs, maxDelayMs } = policy;
  const retryAfter = retryAfterMsOf(error);
  const backoff = backoffDelay(attempt, random, baseDelayMs, maxDelayMs);
  if (retryAfter === undefined) return { delayMs: backoff };
  const delayMs = retryAfter + random() * baseDelayMs;
  return isRateLimitError(error) ? { delayMs, holdMs: retryAfter } : { delayMs };
}
