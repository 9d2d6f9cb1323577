/**
 * One `Board.apply` batch on MURAL while it is planned and run: what its tasks share (widgets
 * made and adopted, the mural's tags, the last task on each item, the create chunk being filled)
 * and the helpers over it that the planners of each op kind (`plan-*.ts`) use: the reads charged
 * to the queue's budget (`batch-reads.ts`) and the tag tasks (`batch-tags.ts`).
 */
import type { ItemMarker } from '../../domain/board/board-item';
import { touchesTags, type PlanContext } from '../batch-engine';
import type { WriteOp } from '../port';
import type { QueueTask, WriteQueue } from '../write-queue';
import { arrowsByEnd } from './arrows-by-end';
import { createBatchReads, type BatchReads } from './batch-reads';
import { createBatchTags, planTagRead, type BatchTags, type MuralTag } from './batch-tags';
import { MuralApiError, type MuralClient } from './client';
import type { MuralWidget } from './widgets';

export const MURAL_LIMITS = { tagText: 25, createPerRequest: 1000 } as const;

export type CreateField = 'style' | 'parentId' | 'tags';

export interface ApplyEnv {
  client: MuralClient;
  muralId: string;
  queue: WriteQueue;
  /** Widgets last seen (areas matter: children's positions are relative to them). */
  widget(id: string): MuralWidget | undefined;
  remember(widget: MuralWidget): void;
  forget(id: string): void;
  /** The arrows last seen on the mural. */
  arrows(): MuralWidget[];
  /** Reads the mural's arrows afresh (through the queue), so `arrows` holds them all. */
  readArrows(): Promise<void>;
  /**
   * Fields MURAL refused on create this session, as `type:field` (one widget type's refusal does
   * not tax the others); later creates of that type PATCH them after.
   */
  refusedOnCreate: Set<string>;
  /** Board coordinates of the mural's top-left: top-level widgets are placed relative to it. */
  origin(): Promise<{ x: number; y: number }>;
  rememberTags(tags: readonly MuralTag[]): void;
  /**
   * Before the batch (`intent`): store the markers its creates will carry, keyed by
   * `markerPrint`, since the widgets' ids are not known yet. After it: store the markers of the
   * widgets it created by id, and settle the intents left by earlier batches.
   */
  saveMarkers(markers: ReadonlyMap<string, ItemMarker>, intent?: boolean): Promise<void>;
}

/** Which of the create fields MURAL's 400 names, if any. */
export function refusedField(error: unknown): CreateField | null {
  if (!(error instanceof MuralApiError) || error.status !== 400) return null;
  for (const field of ['style', 'parentId', 'tags'] as const) {
    if (error.message.includes(field)) return field;
  }
  return null;
}

/** A create task still taking creates of its type and parent (`plan-create.ts`). */
export interface CreateChunk {
  key: string;
  type: string;
  parent: string;
  items: number[];
  task: QueueTask;
}

export interface WriteBatch extends BatchReads, BatchTags {
  readonly env: ApplyEnv;
  readonly ctx: PlanContext;
  readonly client: MuralClient;
  /** `/murals/{id}`: the path every request of the batch starts with. */
  readonly base: string;
  /** The markers of the widgets the batch created, by id, stored after it. */
  readonly markers: Map<string, ItemMarker>;
  /** Created in this batch: ref → widget. */
  readonly made: Map<string, MuralWidget>;
  /** Widgets a retried create adopted: never adopted twice. */
  readonly adopted: Set<string>;
  /** The mural's tags as the batch's read found them (`tags` task). */
  tagList: MuralTag[];
  /** Serialises ops on one id: a later op waits for the earlier one. */
  readonly lastTaskOf: Map<string, string>;
  /** The task that creates each ref. */
  readonly refTask: Map<string, string>;
  /** Creates of the same type and parent that follow each other share a request. */
  chunk: CreateChunk | null;
  refusedFor(type: string): CreateField[];
  /** The arrows connected to widget `id`, from an index made once per batch that removes. */
  arrowsOn(id: string): string[];
  /** One task for op `index` on item `id`, after the item's earlier task. */
  single(
    index: number,
    id: string,
    deps: string[],
    run: () => Promise<unknown>,
    calls?: number,
  ): void;
}

export function createWriteBatch(
  env: ApplyEnv,
  live: readonly { op: WriteOp; i: number }[],
  ctx: PlanContext,
  markers: Map<string, ItemMarker>,
): WriteBatch {
  const { client, muralId } = env;
  const base = `/murals/${encodeURIComponent(muralId)}`;
  const reads = createBatchReads(env, base);
  let arrowIndex: Map<string, string[]> | null = null;
  const lastTaskOf = new Map<string, string>();
  const batch: WriteBatch = {
    env,
    ctx,
    client,
    base,
    markers,
    made: new Map(),
    adopted: new Set(),
    tagList: [],
    lastTaskOf,
    refTask: new Map(),
    chunk: null,
    ...createBatchTags(env, ctx, base, reads.listCharged),
    ...reads,
    refusedFor: (type) =>
      (['style', 'parentId', 'tags'] as const).filter((f) =>
        env.refusedOnCreate.has(`${type}:${f}`),
      ),
    arrowsOn: (id) => (arrowIndex ??= arrowsByEnd(env.arrows())).get(id) ?? [],
    single(index, id, deps, run, calls = 1) {
      const key = `op:${index}`;
      const previous = lastTaskOf.get(id);
      ctx.task({ key, deps: previous ? [...deps, previous] : deps, calls, run }, [index]);
      ctx.need(index, ...deps);
      lastTaskOf.set(id, key);
    },
  };
  if (touchesTags(live)) planTagRead(batch);
  return batch;
}
