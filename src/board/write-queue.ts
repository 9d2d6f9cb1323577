/**
 * The write queue (ARCHITECTURE.md §4): every board write runs through it. It bounds concurrency,
 * keeps within the platform's rate budget, retries rate-limit and transient failures with
 * exponential backoff and full jitter, orders tasks after the tasks they depend on, reports
 * progress and can be cancelled. One queue per board connection: the budget and the concurrency
 * limit are shared by every batch run through it, because the platform counts per user.
 */

/** A rolling window of the rate budget: at most `limit` credits in any `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface WriteQueueOptions {
  /** Calls in flight at once (default 8). */
  concurrency?: number;
  /** Rate budget windows, all enforced (default: none). */
  rates?: RateWindow[];
  /** Credits one call costs (default 1). */
  costPerCall?: number;
  /** Attempts per task, the first included (default 5). */
  maxAttempts?: number;
  /** Backoff base and ceiling, ms (defaults 250 and 30,000). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Whether a failure is worth retrying (default `isRetryableError`). */
  isRetryable?: (error: unknown) => boolean;
  /** Injected for tests. `sleep` must resolve (not reject) early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** Miro Web SDK: 100,000 credits a rolling minute per user, about 50 a call. */
export const MIRO_QUEUE_OPTIONS: WriteQueueOptions = {
  concurrency: 8,
  rates: [{ limit: 100_000, windowMs: 60_000 }],
  costPerCall: 50,
};

/** MURAL REST API: 25 requests a second per user and 10,000 a minute per app. */
export const MURAL_QUEUE_OPTIONS: WriteQueueOptions = {
  concurrency: 8,
  rates: [
    { limit: 25, windowMs: 1_000 },
    { limit: 10_000, windowMs: 60_000 },
  ],
  costPerCall: 1,
};

export interface QueueTask {
  /** Unique within one run. */
  key: string;
  /** Keys of earlier tasks in the same run that must succeed before this one starts. */
  deps?: readonly string[];
  /** SDK or HTTP calls the task makes, each charged `costPerCall` credits (default 1). */
  calls?: number;
  /**
   * How long to wait once its dependencies succeeded, before asking for a slot (read when they
   * have): a check that must let another participant's write land first waits without holding
   * a slot the rest of the batch could use.
   */
  delayMs?: () => number;
  run: () => Promise<unknown>;
}

export type TaskOutcome =
  | { status: 'ok'; value: unknown; attempts: number }
  | { status: 'failed'; error: unknown; attempts: number }
  /** Never started (or not retried) because the run was cancelled. */
  | { status: 'cancelled' }
  /** Never started because a task it depends on did not succeed. */
  | { status: 'skipped'; dependency: string };

export interface QueueProgress {
  /** Tasks settled, whatever their outcome. */
  done: number;
  total: number;
  retries: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: QueueProgress) => void;
  /** Called once per task as it settles, before the progress event. */
  onSettled?: (key: string, outcome: TaskOutcome) => void;
}

export interface QueueResult {
  outcomes: Map<string, TaskOutcome>;
  retries: number;
  /** The signal aborted before every task had run. */
  cancelled: boolean;
}

export interface WriteQueue {
  run(tasks: readonly QueueTask[], options?: RunOptions): Promise<QueueResult>;
  /**
   * One call (a read, say) under the same budget, concurrency and retries, ahead of batch tasks
   * waiting for a slot. Resolves with its value or rejects with its last error. Never call it
   * from inside a running task: the task holds a slot the call may need.
   */
  call<T>(fn: () => Promise<T>, options?: { calls?: number; signal?: AbortSignal }): Promise<T>;
  /**
   * Charges `calls` more to the budget, waiting until they fit: for a request a running task
   * makes only sometimes (a read of what it has not seen), so it needs no slot of its own and
   * the task declares only the calls it always makes.
   */
  spend(calls: number): Promise<void>;
}

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

export function retryAfterMsOf(error: unknown): number | undefined {
  const value = hints(error).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** Full jitter (AWS architecture blog): a uniform delay in [0, min(cap, base · 2^(n−1))). */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseDelayMs: number,
  maxDelayMs: number,
): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Counting semaphore that hands a freed slot to the waiter of lowest priority number (ties in
 * arrival order). The queue uses a task's place in its batch, so a task whose dependencies just
 * finished (a `frame.add` after its create) goes before later tasks: operations complete in
 * roughly batch order, progress moves steadily, and a cancelled batch leaves fewer loose ends.
 * A task others depend on moves ahead by the other slots (concurrency − 1), no further.
 */
export function createSlots(size: number): {
  acquire(priority: number): Promise<void>;
  release(): void;
} {
  let free = size;
  const waiters: { priority: number; resolve: () => void }[] = [];
  return {
    acquire(priority) {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        let at = waiters.length;
        while (at > 0 && waiters[at - 1]!.priority > priority) at -= 1;
        waiters.splice(at, 0, { priority, resolve });
      });
    },
    release() {
      const next = waiters.shift();
      if (next) next.resolve();
      else free += 1;
    },
  };
}

/** Rolling-window credit ledgers; `wait` says how long until `cost` more credits fit them all. */
function createBudget(windows: readonly RateWindow[]) {
  const ledgers = windows.map((w) => ({ ...w, spent: [] as { at: number; cost: number }[] }));
  return {
    wait(cost: number, at: number): number {
      let wait = 0;
      for (const ledger of ledgers) {
        const spent = ledger.spent;
        while (spent.length > 0 && spent[0]!.at <= at - ledger.windowMs) spent.shift();
        let used = spent.reduce((sum, s) => sum + s.cost, 0);
        // Oldest spends expire first; find the one whose expiry frees enough.
        for (const s of spent) {
          if (used + cost <= ledger.limit) break;
          used -= s.cost;
          wait = Math.max(wait, s.at + ledger.windowMs - at);
        }
      }
      return wait;
    },
    spend(cost: number, at: number): void {
      for (const ledger of ledgers) ledger.spent.push({ at, cost });
    },
  };
}

export function createWriteQueue(options: WriteQueueOptions = {}): WriteQueue {
  const concurrency = options.concurrency ?? 8;
  const rates = options.rates ?? [];
  const costPerCall = options.costPerCall ?? 1;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const isRetryable = options.isRetryable ?? isRetryableError;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;

  if (!(concurrency >= 1))
    throw new Error(`Write queue: concurrency must be at least 1, not ${concurrency}.`);
  if (!(maxAttempts >= 1))
    throw new Error(`Write queue: maxAttempts must be at least 1, not ${maxAttempts}.`);

  const slots = createSlots(concurrency);
  const budget = createBudget(rates);
  /** After a rate-limit error with a retry hint, no call starts before this time. */
  let holdUntil = 0;

  const checkCost = (cost: number): void => {
    for (const w of rates) {
      if (cost > w.limit) {
        throw new Error(
          `Write queue: a call costing ${cost} can never fit a budget of ${w.limit}.`,
        );
      }
    }
  };

  /** Waits for the budget and any hold; false when cancelled meanwhile. */
  async function admit(cost: number, signal: AbortSignal | undefined): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const at = now();
      const wait = Math.max(holdUntil - at, budget.wait(cost, at));
      if (wait <= 0) {
        budget.spend(cost, at);
        return true;
      }
      await sleep(wait, signal);
    }
  }

  /**
   * Runs one task to its outcome and hands it to `settle` while still holding the slot, so the
   * dependents that settle releases queue up before the slot goes to anyone else.
   */
  async function execute(
    task: QueueTask,
    priority: number,
    signal: AbortSignal | undefined,
    onRetry: () => void,
    settle: (outcome: TaskOutcome) => void,
  ): Promise<void> {
    const cost = (task.calls ?? 1) * costPerCall;
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) return settle({ status: 'cancelled' });
      await slots.acquire(priority);
      let outcome: TaskOutcome | undefined;
      let error: unknown;
      try {
        // Checked again after waiting: pending work never starts once cancelled.
        if (!(await admit(cost, signal))) outcome = { status: 'cancelled' };
        else outcome = { status: 'ok', value: await task.run(), attempts: attempt };
      } catch (caught) {
        error = caught;
      }
      if (outcome === undefined && (attempt >= maxAttempts || !isRetryable(error))) {
        outcome = { status: 'failed', error, attempts: attempt };
      }
      if (outcome !== undefined) {
        try {
          settle(outcome);
        } finally {
          slots.release();
        }
        return;
      }
      slots.release();
      const retryAfter = retryAfterMsOf(error);
      let delay = backoffDelay(attempt, random, baseDelayMs, maxDelayMs);
      if (retryAfter !== undefined) {
        // The platform said when; jitter on top keeps retries from arriving together.
        delay = retryAfter + random() * baseDelayMs;
        if (isRateLimitError(error)) holdUntil = Math.max(holdUntil, now() + retryAfter);
      }
      onRetry();
      await sleep(delay, signal);
    }
  }

  /** Earlier runs keep precedence over later ones sharing the queue. */
  let runs = 0;

  function run(tasks: readonly QueueTask[], runOptions: RunOptions = {}): Promise<QueueResult> {
    const base = runs * 1e9;
    runs += 1;
    const { signal, onProgress, onSettled } = runOptions;
    const index = new Map<string, number>();
    const dependents = new Map<string, string[]>();
    const waitingOn = new Map<string, number>();
    tasks.forEach((task, i) => {
      if (index.has(task.key)) throw new Error(`Write queue: duplicate task key "${task.key}".`);
      for (const dep of task.deps ?? []) {
        // Only earlier tasks: this rules out cycles by construction.
        if (!index.has(dep)) {
          throw new Error(
            `Write queue: task "${task.key}" depends on "${dep}", which is not an earlier task.`,
          );
        }
        const list = dependents.get(dep);
        if (list) list.push(task.key);
        else dependents.set(dep, [task.key]);
      }
      checkCost((task.calls ?? 1) * costPerCall);
      index.set(task.key, i);
      waitingOn.set(task.key, new Set(task.deps ?? []).size);
    });

    // Batch order, except that a task others wait on goes ahead by the other slots (concurrency
    // − 1; with one slot, order cannot change the time): its dependents are then ready when
    // their turn comes, and the batch does not end with one dependent running alone after its
    // create (a whole round trip for one call).
    const priorityOf = (key: string): number =>
      base + index.get(key)! - (dependents.has(key) ? concurrency - 1 : 0);

    const outcomes = new Map<string, TaskOutcome>();
    const total = tasks.length;
    let retries = 0;
    const progress = (): void => onProgress?.({ done: outcomes.size, total, retries });

    return new Promise((resolve) => {
      const finish = (): void => {
        const cancelled = [...outcomes.values()].some((o) => o.status === 'cancelled');
        resolve({ outcomes, retries, cancelled });
      };
      if (total === 0) return finish();

      const settle = (task: QueueTask, outcome: TaskOutcome): void => {
        if (outcomes.has(task.key)) return;
        outcomes.set(task.key, outcome);
        try {
          onSettled?.(task.key, outcome);
          progress();
        } catch (error) {
          // A throwing listener must not stall the run; it still surfaces, uncaught.
          queueMicrotask(() => {
            throw error;
          });
        }
        for (const key of dependents.get(task.key) ?? []) {
          const left = (waitingOn.get(key) ?? 0) - 1;
          waitingOn.set(key, left);
          if (left === 0) start(tasks[index.get(key)!]!);
        }
        if (outcomes.size === total) finish();
      };

      const start = (task: QueueTask): void => {
        const failedDep = (task.deps ?? []).find((d) => outcomes.get(d)?.status !== 'ok');
        if (failedDep !== undefined) {
          const dep = outcomes.get(failedDep);
          return settle(
            task,
            dep?.status === 'cancelled'
              ? { status: 'cancelled' }
              : { status: 'skipped', dependency: failedDep },
          );
        }
        const onRetry = (): void => {
          retries += 1;
          progress();
        };
        const begin = (): void => {
          if (signal?.aborted) return settle(task, { status: 'cancelled' });
          execute(task, priorityOf(task.key), signal, onRetry, (outcome) =>
            settle(task, outcome),
          ).catch((error: unknown) => settle(task, { status: 'failed', error, attempts: 1 }));
        };
        const delay = task.delayMs?.() ?? 0;
        if (delay > 0) void sleep(delay, signal).then(begin);
        else begin();
      };

      // Roots first, collected before any start: a synchronous settle may release dependents.
      const roots = tasks.filter((task) => waitingOn.get(task.key) === 0);
      for (const task of roots) start(task);
    });
  }

  function call<T>(
    fn: () => Promise<T>,
    options: { calls?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const task: QueueTask = { key: 'call', run: fn, calls: options.calls ?? 1 };
    checkCost((task.calls ?? 1) * costPerCall);
    return new Promise<T>((resolve, reject) => {
      const settle = (outcome: TaskOutcome): void => {
        if (outcome.status === 'ok') resolve(outcome.value as T);
        else if (outcome.status === 'failed') reject(outcome.error);
        else reject(new DOMException('The call was cancelled.', 'AbortError'));
      };
      execute(task, CALL_PRIORITY, options.signal, () => undefined, settle).catch(reject);
    });
  }

  async function spend(calls: number): Promise<void> {
    const cost = calls * costPerCall;
    checkCost(cost);
    await admit(cost, undefined);
  }

  return { run, call, spend };
}

/** Single calls go before any batch's waiting tasks (whose priorities are 0 and up). */
const CALL_PRIORITY = -1;
