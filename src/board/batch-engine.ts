/**
 * The one batch engine behind `Board.apply` on every platform (issue 10 §1). It owns what does
 * not depend on the platform: validation every platform shares (refs, parents, rects), planning
 * bookkeeping (which queue tasks each op needs), the run through the write queue (retry, rate
 * budget, cancel and dependencies live there), progress, journaling created ids as they come
 * back, outcome folding and the wording of failures. A platform plug-in adds its own checks and
 * turns ops into queue tasks.
 */
import { errorMessage } from '../domain/common';
import type { BatchOptions, BatchResult, OpFailure, WriteOp } from './port';
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

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The refs a connect's ends name (creates earlier in the batch). */
const endRefs = (op: WriteOp & { op: 'connect' }): string[] =>
  [op.from, op.to].flatMap((end) => ('ref' in end ? [end.ref] : []));

function validateConnect(
  op: WriteOp & { op: 'connect' },
  index: number,
  ops: readonly WriteOp[],
  refs: ReadonlyMap<string, number>,
): string | null {
  for (const ref of endRefs(op)) {
    const at = refs.get(ref);
    if (at === undefined || at >= index || ops[at]?.op !== 'create')
      return `The end "${ref}" is not an item created earlier in this batch.`;
  }
  const same = (a: typeof op.from, b: typeof op.to) =>
    'ref' in a ? 'ref' in b && a.ref === b.ref : 'id' in b && a.id === b.id;
  if (same(op.from, op.to)) return 'A line needs two different items.';
  const { color, width } = op.style;
  if (!HEX.test(color)) return `The line colour ${JSON.stringify(color)} is not a hex colour.`;
  if (!Number.isFinite(width) || width < 1 || width > 24)
    return `The line width ${width} is outside 1–24.`;
  return null;
}

/** Checks every platform shares. */
function validateCommon(
  op: WriteOp,
  index: number,
  ops: readonly WriteOp[],
  refs: ReadonlyMap<string, number>,
): string | null {
  if (op.op !== 'create' && op.op !== 'connect') return null;
  if (op.ref === '') return `A ${op.op} needs a non-empty ref.`;
  if (refs.get(op.ref) !== index) return `The ref "${op.ref}" is used twice in this batch.`;
  if (op.op === 'connect') return validateConnect(op, index, ops, refs);
  if (op.parent && 'ref' in op.parent) {
    const parentIndex = refs.get(op.parent.ref);
    const parentOp = parentIndex === undefined ? undefined : ops[parentIndex];
    if (parentOp === undefined || parentIndex === undefined || parentIndex >= index) {
      return `The parent ref "${op.parent.ref}" is not created earlier in this batch.`;
    }
    if (parentOp.op !== 'create' || parentOp.item.kind !== 'frame') {
      const kind = parentOp.op === 'create' ? parentOp.item.kind : 'line';
      return `The parent "${op.parent.ref}" is a ${kind}, not a frame.`;
    }
  }
  const { rect } = op.item;
  if (![rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) || rect.w <= 0 || rect.h <= 0) {
    return `The rect ${JSON.stringify(rect)} needs finite numbers and a positive size.`;
  }
  return null;
}

export async function runBatch(
  queue: WriteQueue,
  ops: readonly WriteOp[],
  plugin: BatchPlugin,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const ids: Record<string, string> = {};
  const refs = new Map<string, number>();
  ops.forEach((op, i) => {
    if ((op.op === 'create' || op.op === 'connect') && !refs.has(op.ref)) refs.set(op.ref, i);
  });

  // --- validation ------------------------------------------------------------------------------
  const preFailed = new Map<number, string>();
  ops.forEach((op, i) => {
    const error = validateCommon(op, i, ops, refs) ?? plugin.validate(op, i);
    if (error) preFailed.set(i, error);
  });
  // A create whose parent create is invalid cannot place its item (parents come first).
  ops.forEach((op, i) => {
    if (op.op !== 'create' || !op.parent || !('ref' in op.parent) || preFailed.has(i)) return;
    const parentIndex = refs.get(op.parent.ref);
    if (parentIndex !== undefined && preFailed.has(parentIndex)) {
      preFailed.set(
        i,
        `Its parent frame "${op.parent.ref}" could not be created: ${preFailed.get(parentIndex)}`,
      );
    }
  });
  // A line cannot join an item that cannot be made.
  ops.forEach((op, i) => {
    if (op.op !== 'connect' || preFailed.has(i)) return;
    const broken = endRefs(op).find((ref) => preFailed.has(refs.get(ref) ?? -1));
    if (broken !== undefined)
      preFailed.set(
        i,
        `Its end "${broken}" could not be created: ${preFailed.get(refs.get(broken) ?? -1)}`,
      );
  });
  const live = ops.map((op, i) => ({ op, i })).filter(({ i }) => !preFailed.has(i));

  // --- planning --------------------------------------------------------------------------------
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
      options.onCreated?.(ref, id);
    },
    idOf: (ref) => ids[ref],
  });

  // --- running ---------------------------------------------------------------------------------
  const opsOfTask = new Map<string, number[]>();
  opTasks.forEach((list, i) =>
    list.forEach((k) => opsOfTask.set(k, [...(opsOfTask.get(k) ?? []), i])),
  );
  const remaining = opTasks.map((list) => new Set(list));
  let settledOps = preFailed.size + live.filter(({ i }) => opTasks[i]!.length === 0).length;
  let retries = 0;
  const report = (): void => options.onProgress?.({ done: settledOps, total: ops.length, retries });
  // A first event at once, so a progress bar shows the total before the first call returns.
  report();

  const result = await queue.run(tasks, {
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

  // --- outcomes --------------------------------------------------------------------------------
  const rootFailure = (key: string, seen = 0): string | undefined => {
    const outcome: TaskOutcome | undefined = result.outcomes.get(key);
    if (!outcome) return undefined;
    if (outcome.status === 'failed') return errorMessage(outcome.error);
    if (outcome.status === 'skipped' && seen < 64) return rootFailure(outcome.dependency, seen + 1);
    return undefined;
  };

  const failed: OpFailure[] = [];
  let done = 0;
  ops.forEach((op, index) => {
    const early = preFailed.get(index);
    if (early !== undefined) {
      failed.push({ index, op, message: `Could not ${describeOp(op)}: ${early}` });
      return;
    }
    const outcomes = opTasks[index]!.map((k) => result.outcomes.get(k));
    if (outcomes.every((o) => o?.status === 'ok')) {
      done += 1;
      return;
    }
    const reason = opTasks[index]!.map((k) => rootFailure(k)).find((m) => m !== undefined);
    if (reason !== undefined) {
      const made =
        (op.op === 'create' || op.op === 'connect') && ids[op.ref] !== undefined
          ? ' (the item was created; re-running completes it)'
          : '';
      failed.push({ index, op, message: `Could not ${describeOp(op)}${made}: ${reason}` });
    }
    // Otherwise the op was cancelled before it ran: neither done nor failed.
  });

  await plugin.finish?.();
  return { ids, done, failed, cancelled: result.cancelled };
}
