/**
 * The one batch engine behind `Board.apply` on every platform (issue 10 §1). It owns what does
 * not depend on the platform: validation every platform shares (refs, parents, rects;
 * `batch-checks.ts`), planning bookkeeping (which queue tasks each op needs), the run through the
 * write queue (retry, rate budget, cancel and dependencies live there), progress, journaling
 * created ids as they come back, outcome folding and the wording of failures. A platform plug-in
 * adds its own checks and turns ops into queue tasks.
 */
import { errorMessage } from '../domain/common';
import type { BatchOptions, BatchResult, OpFailure, WriteOp } from './port';
import { indexRefs, refusedOps } from './batch-checks';
import type { QueueTask, TaskOutcome, WriteQueue } from './write-queue';

/** A failure that no retry can fix, with the message the facilitator will read. */
export class OpError extends Error {}

export const ellipsis = (text: string, max = 40): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * Whether a batch reads or writes tags (tag ops, or a note created with tags): then a plug-in
 * reads the board's tags once, first.
 */
export const touchesTags = (live: readonly { op: WriteOp }[]): boolean =>
  live.some(
    ({ op }) =>
      op.op === 'tag' ||
      op.op === 'ensureTag' ||
      op.op === 'renameTag' ||
      (op.op === 'create' && op.item.kind === 'note' && (op.item.tags?.length ?? 0) > 0),
  );

export function describeOp(op: WriteOp): string {
  switch (op.op) {
    case 'create': {
      const label = op.item.kind === 'frame' ? op.item.title : op.item.text;
      return `create ${op.item.kind} "${ellipsis(label)}"`;
    }
    case 'update':
      return `update item ${op.id}`;
    case 'remove':
      return `remove item ${op.id}`;
    case 'connect':
      return `draw the line "${ellipsis(op.ref)}"`;
    case 'tag':
      return `tag item ${op.id}`;
    case 'ensureTag':
      return `create tag "${ellipsis(op.title)}"`;
    case 'renameTag':
      return `rename tag "${ellipsis(op.from)}" to "${ellipsis(op.to)}"`;
  }
}

/** What a platform plug-in sees while it plans. */
export interface PlanContext {
  readonly ops: readonly WriteOp[];
  /** Index of the create (or connect) that defines each ref. */
  readonly refs: ReadonlyMap<string, number>;
  /** Adds a task; `forOps` are the ops that need it (a shared read may serve many). */
  task(task: QueueTask, forOps: readonly number[]): void;
  /** Marks that op `i` also needs an already added task. */
  need(i: number, ...keys: string[]): void;
  hasTask(key: string): boolean;
  /** A create's item exists: journaled at once (BatchOptions.onCreated), before the batch ends. */
  created(ref: string, id: string): void;
  /** The id a ref got in this batch, if its create has come back. */
  idOf(ref: string): string | undefined;
}

export interface BatchPlugin {
  /** The platform's checks that need no call; a message refuses the op alone. */
  validate(op: WriteOp, index: number): string | null;
  /** Adds the queue tasks for the ops that passed validation. */
  plan(live: readonly { op: WriteOp; i: number }[], ctx: PlanContext): void;
  /** After the queue settled (e.g. store what the platform keeps beside the items). */
  finish?(): Promise<void>;
}

/** The queue tasks a batch runs, and which tasks each op needs (by op index). */
interface BatchPlan {
  tasks: QueueTask[];
  opTasks: string[][];
}

/** Lets the platform plug-in turn the live ops into queue tasks; created ids go into `ids`. */
function planTasks(
  ops: readonly WriteOp[],
  live: readonly { op: WriteOp; i: number }[],
  refs: ReadonlyMap<string, number>,
  plugin: BatchPlugin,
  ids: Record<string, string>,
  onCreated: BatchOptions['onCreated'],
): BatchPlan {
  const tasks: QueueTask[] = [];
  const keys = new Set<string>();
  const opTasks: string[][] = ops.map(() => []);
  const need = (i: number, ...more: string[]): void => {
    for (const key of more) if (!opTasks[i]!.includes(key)) opTasks[i]!.push(key);
  };
  plugin.plan(live, {
    ops,
    refs,
    task(task, forOps) {
      if (keys.has(task.key)) throw new Error(`Batch engine: task "${task.key}" planned twice.`);
      keys.add(task.key);
      tasks.push(task);
      for (const i of forOps) need(i, task.key);
    },
    need,
    hasTask: (key) => keys.has(key),
    created(ref, id) {
      if (ids[ref] === id) return;
      ids[ref] = id;
      onCreated?.(ref, id);
    },
    idOf: (ref) => ids[ref],
  });
  return { tasks, opTasks };
}

/**
 * Runs the plan through the queue, reporting progress in ops: `settledBefore` ops (refused, or
 * needing no call) are settled from the start, each other op once all its tasks settled.
 */
function runPlan(
  queue: WriteQueue,
  { tasks, opTasks }: BatchPlan,
  settledBefore: number,
  options: BatchOptions,
): ReturnType<WriteQueue['run']> {
  const opsOfTask = new Map<string, number[]>();
  opTasks.forEach((list, i) =>
    list.forEach((k) => opsOfTask.set(k, [...(opsOfTask.get(k) ?? []), i])),
  );
  const remaining = opTasks.map((list) => new Set(list));
  let settledOps = settledBefore;
  let retries = 0;
  const report = (): void =>
    options.onProgress?.({ done: settledOps, total: opTasks.length, retries });
  // A first event at once, so a progress bar shows the total before the first call returns.
  report();

  return queue.run(tasks, {
    signal: options.signal,
    onProgress: (p) => {
      if (p.retries !== retries) {
        retries = p.retries;
        report();
      }
    },
    onSettled: (key, outcome) => {
      let changed = false;
      for (const i of opsOfTask.get(key) ?? []) {
        const left = remaining[i]!;
        // A cancelled task never settles its ops: they are neither done nor failed.
        if (outcome.status === 'cancelled') continue;
        left.delete(key);
        if (left.size === 0) {
          settledOps += 1;
          changed = true;
        }
      }
      if (changed) report();
    },
  });
}

/** The failure at the root of a task's outcome (through the dependencies it was skipped for). */
function rootFailure(
  outcomes: ReadonlyMap<string, TaskOutcome>,
  key: string,
  seen = 0,
): string | undefined {
  const outcome = outcomes.get(key);
  if (!outcome) return undefined;
  if (outcome.status === 'failed') return errorMessage(outcome.error);
  if (outcome.status === 'skipped' && seen < 64)
    return rootFailure(outcomes, outcome.dependency, seen + 1);
  return undefined;
}

/**
 * Each op's end, in the facilitator's words: done, failed (refused before any call, or its
 * task's root failure), or neither (cancelled before it ran).
 */
function foldOutcomes(
  ops: readonly WriteOp[],
  refused: ReadonlyMap<number, string>,
  opTasks: readonly string[][],
  outcomes: ReadonlyMap<string, TaskOutcome>,
  ids: Readonly<Record<string, string>>,
): { done: number; failed: OpFailure[] } {
  const failed: OpFailure[] = [];
  let done = 0;
  ops.forEach((op, index) => {
    const early = refused.get(index);
    if (early !== undefined) {
      failed.push({ index, op, message: `Could not ${describeOp(op)}: ${early}` });
      return;
    }
    if (opTasks[index]!.every((k) => outcomes.get(k)?.status === 'ok')) {
      done += 1;
      return;
    }
    const reason = opTasks[index]!.map((k) => rootFailure(outcomes, k)).find(
      (m) => m !== undefined,
    );
    if (reason !== undefined) {
      const made =
        (op.op === 'create' || op.op === 'connect') && ids[op.ref] !== undefined
          ? ' (the item was created; re-running completes it)'
          : '';
      failed.push({ index, op, message: `Could not ${describeOp(op)}${made}: ${reason}` });
    }
    // Otherwise the op was cancelled before it ran: neither done nor failed.
  });
  return { done, failed };
}

export async function runBatch(
  queue: WriteQueue,
  ops: readonly WriteOp[],
  plugin: BatchPlugin,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const ids: Record<string, string> = {};
  const refs = indexRefs(ops);
  const refused = refusedOps(ops, refs, (op, i) => plugin.validate(op, i));
  const live = ops.map((op, i) => ({ op, i })).filter(({ i }) => !refused.has(i));
  const plan = planTasks(ops, live, refs, plugin, ids, options.onCreated);
  const needNoCall = live.filter(({ i }) => plan.opTasks[i]!.length === 0).length;
  const result = await runPlan(queue, plan, refused.size + needNoCall, options);
  const { done, failed } = foldOutcomes(ops, refused, plan.opTasks, result.outcomes, ids);
  await plugin.finish?.();
  return { ids, done, failed, cancelled: result.cancelled };
}
