/**
 * One `apply` batch on Miro: what its tasks learn as they run (the items it created, fetched or
 * adopted, the board's tags by title) and the helpers over it that the op planners
 * (`plan-*.ts`) share, put together from the batch's shared reads (`batch-reads.ts`), its tag
 * tasks (`tag-tasks.ts`), its frame reads (`frame-reads.ts`) and the look for an earlier
 * attempt's item (`earlier-attempts.ts`). Creating the batch adds its shared reads: the tag list
 * when the batch touches tags, then the existing items it changes or places into.
 */
import { touchesTags, type PlanContext } from '../batch-engine';
import type { CreateSpec, WriteOp } from '../port';
import type { ApplyEnv } from './apply-ops';
import { planItemFetches, planTagList, type FetchedItems } from './batch-reads';
import { findEarlierAttempt, findEarlierLine } from './earlier-attempts';
import { fetchChunks } from './fetch-chunks';
import { createFrameReads, type FrameReads } from './frame-reads';
import type { MiroSdk, SdkItem, SdkTag } from './sdk';
import { createTagTasks, type TagTasks } from './tag-tasks';

/** The write op of kind `K`, as its planner takes it. */
export type OpOf<K extends WriteOp['op']> = WriteOp & { op: K };

/** A batch's state, filled as its tasks run, and the helpers the op planners share. */
export interface WriteBatch extends FetchedItems, TagTasks, FrameReads {
  readonly env: ApplyEnv;
  readonly board: MiroSdk['board'];
  readonly ctx: PlanContext;
  /** Items this batch created, by ref. */
  readonly created: Map<string, SdkItem>;
  /** Items this batch made or adopted: a retry never adopts them again. */
  readonly adopted: Set<string>;
  readonly tagsByTitle: Map<string, SdkTag>;
  /** The task `key` on the existing item `id` waits for: the op before it on that item. */
  after(id: string, key: string): string[];
  /** Adds op `i`'s task `key` on the existing item `id`, after its fetch and earlier ops on it. */
  itemTask(i: number, id: string, key: string, run: () => Promise<void>): void;
  findEarlierAttempt(spec: CreateSpec): Promise<SdkItem | undefined>;
  findEarlierLine(from: string, to: string): Promise<SdkItem | undefined>;
}

export function createWriteBatch(
  env: ApplyEnv,
  live: readonly { op: WriteOp; i: number }[],
  ctx: PlanContext,
): WriteBatch {
  const board = env.sdk.board;
  // Batch state, filled as tasks run.
  const created = new Map<string, SdkItem>();
  /** Items a retried create adopted: never adopted twice. */
  const adopted = new Set<string>();
  const tagsByTitle = new Map<string, SdkTag>();

  if (touchesTags(live)) planTagList(env, ctx, tagsByTitle);
  const items = planItemFetches(board, ctx, fetchChunks(live));
  return {
    env,
    board,
    ctx,
    created,
    adopted,
    tagsByTitle,
    ...items,
    ...createTagTasks(env, ctx, live, tagsByTitle),
    ...createFrameReads(board, items.fetched),
    ...orderOnItems(ctx, items.fetchKey),
    findEarlierAttempt: (spec) => findEarlierAttempt(board, adopted, spec),
    findEarlierLine: (from, to) => findEarlierLine(board, adopted, from, to),
  };
}

/** Ops on the same existing item run in batch order. */
function orderOnItems(
  ctx: PlanContext,
  fetchKey: ReadonlyMap<string, string>,
): Pick<WriteBatch, 'after' | 'itemTask'> {
  const lastOnItem = new Map<string, string>();
  const after = (id: string, key: string): string[] => {
    const previous = lastOnItem.get(id);
    lastOnItem.set(id, key);
    return previous === undefined ? [] : [previous];
  };
  const itemTask = (i: number, id: string, key: string, run: () => Promise<void>): void => {
    const fetchK = fetchKey.get(id)!;
    ctx.need(i, fetchK);
    ctx.task({ key, deps: [fetchK, ...after(id, key)], run }, [i]);
  };
  return { after, itemTask };
}
