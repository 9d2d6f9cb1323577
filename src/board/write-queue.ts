/**
 * The write queue (ARCHITECTURE.md §4): every board write runs through it. It bounds concurrency,
 * keeps within the platform's rate budget, retries rate-limit and transient failures with
 * exponential backoff and full jitter, orders tasks after the tasks they depend on, reports
 * progress and can be cancelled. One queue per board connection: the budget and the concurrency
 * limit are shared by every batch run through it, because the platform counts per user.
 */
import { blockedOutcome, orderRun, taskPriority, type RunOrder } from './queue-order';
import { isFinalFailure, isRetryableError, retryWait, type RetryPolicy } from './retry-policy';

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

interface QueueSettings extends RetryPolicy {
  concurrency: number;
  rates: readonly RateWindow[];
  costPerCall: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
}

/** The options with their defaults, refusing a queue that could never run a task. */
function queueSettings(options: WriteQueueOptions): QueueSettings {
  const settings: QueueSettings = {
    concurrency: options.concurrency ?? 8,
    rates: options.rates ?? [],
    costPerCall: options.costPerCall ?? 1,
    maxAttempts: options.maxAttempts ?? 5,
    baseDelayMs: options.baseDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    isRetryable: options.isRetryable ?? isRetryableError,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
  };
  const { concurrency, maxAttempts } = settings;
  if (!(concurrency >= 1))
    throw new Error(`Write queue: concurrency must be at least 1, not ${concurrency}.`);
  if (!(maxAttempts >= 1))
    throw new Error(`Write queue: maxAttempts must be at least 1, not ${maxAttempts}.`);
  return settings;
}

/** What lets a call start, shared by every run of the queue: slots, the budget and any hold. */
interface Gate {
  slots: ReturnType<typeof createSlots>;
  /** Refuses a cost no budget window could ever take. */
  checkCost(cost: number): void;
  /** Waits for the budget and any hold, then charges `cost`; false when cancelled meanwhile. */
  admit(cost: number, signal: AbortSignal | undefined): Promise<boolean>;
  /** No call starts for `ms` from now (a rate limit's retry hint), nor before an earlier hold ends. */
  hold(ms: number): void;
}

function createGate({ concurrency, rates, sleep, now }: QueueSettings): Gate {
  const slots = createSlots(concurrency);
  const budget = createBudget(rates);
  /** After a rate-limit error with a retry hint, no call starts before this time. */
  let holdUntil = 0;
  return {
    slots,
    checkCost(cost) {
      for (const w of rates) {
        if (cost > w.limit) {
          throw new Error(
            `Write queue: a call costing ${cost} can never fit a budget of ${w.limit}.`,
          );
        }
      }
    },
    async admit(cost, signal) {
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
    },
    hold(ms) {
      holdUntil = Math.max(holdUntil, now() + ms);
    },
  };
}

type Execute = (
  task: QueueTask,
  priority: number,
  signal: AbortSignal | undefined,
  onRetry: () => void,
  settle: (outcome: TaskOutcome) => void,
) => Promise<void>;

/**
 * Runs one task to its outcome, attempt after attempt, and hands it to `settle` while still
 * holding the slot, so the dependents that settle releases queue up before the slot goes to
 * anyone else.
 */
function createExecute(settings: QueueSettings, gate: Gate): Execute {
  const { slots } = gate;
  return async (task, priority, signal, onRetry, settle) => {
    const cost = (task.calls ?? 1) * settings.costPerCall;
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) return settle({ status: 'cancelled' });
      await slots.acquire(priority);
      let outcome: TaskOutcome | undefined;
      let error: unknown;
      try {
        // Checked again after waiting: pending work never starts once cancelled.
        if (!(await gate.admit(cost, signal))) outcome = { status: 'cancelled' };
        else outcome = { status: 'ok', value: await task.run(), attempts: attempt };
      } catch (caught) {
        error = caught;
      }
      if (outcome === undefined && isFinalFailure(attempt, error, settings)) {
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
      const wait = retryWait(attempt, error, settings);
      if (wait.holdMs !== undefined) gate.hold(wait.holdMs);
      onRetry();
      await settings.sleep(wait.delayMs, signal);
    }
  };
}

/** What one run needs from its queue. */
interface RunContext {
  /** Keeps earlier runs ahead of later ones sharing the queue. */
  base: number;
  concurrency: number;
  sleep: QueueSettings['sleep'];
  execute: Execute;
}

/**
 * Starts the batch's roots and, as each task settles, the dependents it released: a task whose
 * dependencies did not all succeed settles without running, one with `delayMs` waits that long
 * without a slot first. Resolves once every task has settled.
 */
function runOrdered(
  tasks: readonly QueueTask[],
  order: RunOrder,
  context: RunContext,
  { signal, onProgress, onSettled }: RunOptions,
): Promise<QueueResult> {
  const { index, dependents, waitingOn } = order;
  const outcomes = new Map<string, TaskOutcome>();
  const total = tasks.length;
  let retries = 0;
  const progress = (): void => onProgress?.({ done: outcomes.size, total, retries });
  const onRetry = (): void => {
    retries += 1;
    progress();
  };

  return new Promise((resolve) => {
    const finish = (): void => {
      const cancelled = [...outcomes.values()].some((o) => o.status === 'cancelled');
      resolve({ outcomes, retries, cancelled });
    };
    if (total === 0) return finish();

    const settle = (task: QueueTask, outcome: TaskOutcome): void => {
      if (outcomes.has(task.key)) return;
      outcomes.set(task.key, outcome);
      notify(() => {
        onSettled?.(task.key, outcome);
        progress();
      });
      for (const key of dependents.get(task.key) ?? []) {
        const left = (waitingOn.get(key) ?? 0) - 1;
        waitingOn.set(key, left);
        if (left === 0) start(tasks[index.get(key)!]!);
      }
      if (outcomes.size === total) finish();
    };

    const start = (task: QueueTask): void => {
      const blocked = blockedOutcome(task, outcomes);
      if (blocked !== undefined) return settle(task, blocked);
      const priority = taskPriority(order, task.key, context.base, context.concurrency);
      const begin = (): void => {
        if (signal?.aborted) return settle(task, { status: 'cancelled' });
        context
          .execute(task, priority, signal, onRetry, (outcome) => settle(task, outcome))
          .catch((error: unknown) => settle(task, { status: 'failed', error, attempts: 1 }));
      };
      const delay = task.delayMs?.() ?? 0;
      if (delay > 0) void context.sleep(delay, signal).then(begin);
      else begin();
    };

    // Roots first, collected before any start: a synchronous settle may release dependents.
    const roots = tasks.filter((task) => waitingOn.get(task.key) === 0);
    for (const task of roots) start(task);
  });
}

/** Calls a run's listeners: a throwing listener must not stall the run; it still surfaces, uncaught. */
function notify(listeners: () => void): void {
  try {
    listeners();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

export function createWriteQueue(options: WriteQueueOptions = {}): WriteQueue {
  const settings = queueSettings(options);
  const gate = createGate(settings);
  const execute = createExecute(settings, gate);
  const costOf = (calls: number | undefined): number => (calls ?? 1) * settings.costPerCall;
  const { concurrency, sleep } = settings;

  /** Earlier runs keep precedence over later ones sharing the queue. */
  let runs = 0;

  function run(tasks: readonly QueueTask[], runOptions: RunOptions = {}): Promise<QueueResult> {
    const base = runs * 1e9;
    runs += 1;
    const order = orderRun(tasks, (task) => gate.checkCost(costOf(task.calls)));
    return runOrdered(tasks, order, { base, concurrency, sleep, execute }, runOptions);
  }

  function call<T>(
    fn: () => Promise<T>,
    options: { calls?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const task: QueueTask = { key: 'call', run: fn, calls: options.calls ?? 1 };
    gate.checkCost(costOf(task.calls));
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
    const cost = calls * settings.costPerCall;
    gate.checkCost(cost);
    await gate.admit(cost, undefined);
  }

  return { run, call, spend };
}

/** Single calls go before any batch's waiting tasks (whose priorities are 0 and up). */
const CALL_PRIORITY = -1;
