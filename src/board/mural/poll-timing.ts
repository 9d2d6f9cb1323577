/**
 * How often a MURAL panel looks for others' changes. MURAL pushes nothing to apps and its
 * 10,000 requests a minute are per app, shared by every participant of every workshop
 * (developers.mural.co/public/docs/rate-limiting), so each panel polls within a budget: shared
 * state (one request) more often than the full widget list (one request per 100 widgets), each
 * backing off while nothing changes and starting over on a change or an own write. MURAL
 * documents no conditional requests (no ETag, If-None-Match or If-Modified-Since), so a poll that
 * finds nothing new still costs its requests; back-off is what saves them.
 */

export interface PollTiming {
  /** Shared state: first interval and the longest it backs off to, ms. */
  stateMs: number;
  stateMaxMs: number;
  /** The full widget list (items' events). */
  itemsMs: number;
  itemsMaxMs: number;
  /** Each quiet poll multiplies the interval by this. */
  backoff: number;
}

/**
 * 30 panels on a 300-widget mural, all active: 30 × (60/5 + 3 × 60/15) = 720 requests a minute,
 * 7.2 % of the app's 10,000; quiet, they back off to 30 × (2 + 3) = 150. The list poll's
 * intervals stretch with the mural past 300 widgets (`listCostFactor`), so a bigger mural costs
 * no more a minute. `npm run bench` measures it.
 */
export const DEFAULT_POLL: PollTiming = {
  stateMs: 5_000,
  stateMaxMs: 30_000,
  itemsMs: 15_000,
  itemsMaxMs: 60_000,
  backoff: 2,
};

export function pollTimingOf(options: { pollMs?: number; poll?: Partial<PollTiming> }): PollTiming {
  const base =
    options.pollMs === undefined
      ? DEFAULT_POLL
      : {
          stateMs: options.pollMs,
          stateMaxMs: options.pollMs * 4,
          itemsMs: options.pollMs,
          itemsMaxMs: options.pollMs * 4,
          backoff: 2,
        };
  return { ...base, ...options.poll };
}

export interface PollTimer {
  /** Starts polling if `active()` and not already waiting or running. */
  schedule(): void;
  /** Back to the first interval, and poll that soon (a change seen, an own write). */
  reset(): void;
  /** Stops waiting when nobody listens any more. */
  stopIfIdle(): void;
  /**
   * Another tab just polled for us: count it as our poll (back off if it found nothing, start
   * over if it found a change) and wait a whole interval from now before polling again.
   */
  heard(changed: boolean): void;
  /** The interval the next poll waits, ms. */
  readonly interval: number;
}

/**
 * One chained poll (never two at once): `run` resolves true when it saw a change. Quiet polls
 * back off up to `maxMs`.
 */
export function createPollTimer(options: {
  /** Read at each reset, so the interval can follow the cost of a poll. */
  firstMs: number | (() => number);
  maxMs: number | (() => number);
  backoff: number;
  active: () => boolean;
  run: () => Promise<boolean>;
  onError: (error: unknown) => void;
}): PollTimer {
  const first = (): number =>
    typeof options.firstMs === 'number' ? options.firstMs : options.firstMs();
  const max = (): number => (typeof options.maxMs === 'number' ? options.maxMs : options.maxMs());
  let interval = first();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  function schedule(delay = interval): void {
    if (timer !== undefined || running || !options.active()) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = true;
      options
        .run()
        .then(
          (changed) => {
            interval = changed ? first() : Math.min(max(), interval * options.backoff);
          },
          (error: unknown) => {
            interval = Math.min(max(), interval * options.backoff);
            options.onError(error);
          },
        )
        .finally(() => {
          running = false;
          schedule();
        });
    }, delay);
  }

  return {
    schedule: () => schedule(),
    reset() {
      interval = first();
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      schedule();
    },
    stopIfIdle() {
      if (!options.active() && timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
    },
    heard(changed) {
      interval = changed ? first() : Math.min(max(), interval * options.backoff);
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      // Half an interval past the other tab's next poll, so this one keeps hearing it first.
      schedule(interval * 1.5);
    },
    get interval() {
      return interval;
    },
  };
}

/** How much longer the list poll waits for a mural of `widgets`: 1 up to 300, then in proportion. */
export const listCostFactor = (widgets: number): number =>
  Math.max(1, Math.ceil(widgets / 100) / 3);
