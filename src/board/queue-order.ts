/**
 * The order of one write-queue run (ARCHITECTURE.md §4), decided before and while it runs without
 * a call: which tasks wait on which, which task a freed slot goes to, and what a task whose
 * dependencies did not all succeed becomes. Pure.
 */
import type { QueueTask, TaskOutcome } from './write-queue';

export interface RunOrder {
  /** Each task's place in its batch. */
  index: Map<string, number>;
  /** The tasks that wait on each task, once per time they name it. */
  dependents: Map<string, string[]>;
  /** How many distinct dependencies each task still waits on. */
  waitingOn: Map<string, number>;
}

/**
 * Indexes a batch, refusing a duplicate key and a dependency that is not an earlier task (which
 * rules out cycles by construction); `checkTask` refuses a task for its own reasons (its cost),
 * after its dependencies are checked.
 */
export function orderRun(
  tasks: readonly QueueTask[],
  checkTask: (task: QueueTask) => void,
): RunOrder {
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
    checkTask(task);
    index.set(task.key, i);
    waitingOn.set(task.key, new Set(task.deps ?? []).size);
  });
  return { index, dependents, waitingOn };
}

/**
 * A task's slot priority (lower goes first): batch order, except that a task others wait on goes
 * ahead by the other slots (concurrency − 1; with one slot, order cannot change the time): its
 * dependents are then ready when their turn comes, and the batch does not end with one dependent
 * running alone after its create (a whole round trip for one call). `base` keeps earlier runs
 * sharing the queue ahead of later ones.
 */
export const taskPriority = (
  order: RunOrder,
  key: string,
  base: number,
  concurrency: number,
): number => base + order.index.get(key)! - (order.dependents.has(key) ? concurrency - 1 : 0);

/**
 * What a task becomes when one of its dependencies did not succeed: cancelled with a cancelled
 * dependency, else skipped naming the first that did not succeed; undefined when all succeeded.
 */
export function blockedOutcome(
  task: QueueTask,
  outcomes: ReadonlyMap<string, TaskOutcome>,
): TaskOutcome | undefined {
  const failedDep = (task.deps ?? []).find((d) => outcomes.get(d)?.status !== 'ok');
  if (failedDep === undefined) return undefined;
  return outcomes.get(failedDep)?.status === 'cancelled'
    ? { status: 'cancelled' }
    : { status: 'skipped', dependency: failedDep };
}
