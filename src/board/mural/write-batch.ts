/**
 * One `Board.apply` batch on MURAL while it is planned and run: what its tasks share (widgets
 * made and adopted, the mural's tags, the last task on each item, the create chunk being filled)
 * and the helpers over it that the planners of each op kind (`plan-*.ts`) use.
 */
import { isRecord } from '../../domain/common';
import type { ItemMarker } from '../../domain/board/board-item';
import { OpError, touchesTags, type PlanContext } from '../batch-engine';
import type { WriteOp } from '../port';
import type { QueueTask, WriteQueue } from '../write-queue';
import { listAll, MuralApiError, unwrap, type MuralClient } from './client';
import { absolutePosition, parseWidget, type MuralWidget } from './widgets';

export const MURAL_LIMITS = { tagText: 25, createPerRequest: 1000 } as const;

export type CreateField = 'style' | 'parentId' | 'tags';

export interface MuralTag {
  id: string;
  text: string;
}

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

export function parseTags(values: readonly unknown[]): MuralTag[] {
  return values.flatMap((v) =>
    isRecord(v) && typeof v.id === 'string' && typeof v.text === 'string'
      ? [{ id: v.id, text: v.text }]
      : [],
  );
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

type Call = <T>(fn: () => Promise<T>) => Promise<T>;

export interface WriteBatch {
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
  readonly tagIds: Map<string, string>;
  /** Serialises ops on one id: a later op waits for the earlier one. */
  readonly lastTaskOf: Map<string, string>;
  /** The task that creates each ref. */
  readonly refTask: Map<string, string>;
  /** Creates of the same type and parent that follow each other share a request. */
  chunk: CreateChunk | null;
  /** The task that makes sure tag `title` exists (reading, or making it); its key. */
  tagTask(title: string): string;
  idOfTag(title: string): string;
  refusedFor(type: string): CreateField[];
  charged: Call;
  listCharged(path: string, query?: Record<string, string | undefined>): Promise<unknown[]>;
  declaredOnce(): Call;
  areaOrigin(id: string): Promise<{ x: number; y: number }>;
  fetchWidget(id: string): Promise<MuralWidget>;
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

  // Tags: one fresh read per batch that touches tags; titles made at most once.
  const tagIds = new Map<string, string>();
  const tagTask = (title: string): string => {
    const key = `tag:${title}`;
    if (ctx.hasTask(key)) return key;
    let attempts = 0;
    ctx.task(
      {
        key,
        deps: ['tags'],
        async run() {
          attempts += 1;
          if (tagIds.has(title)) return tagIds.get(title);
          if (attempts > 1) {
            // An earlier attempt may have made the tag before its answer was lost.
            const all = parseTags(await listCharged(`${base}/tags`));
            const found = all.find((t) => t.text === title);
            if (found) {
              tagIds.set(title, found.id);
              env.rememberTags([found]);
              return found.id;
            }
          }
          const tag = parseTags([
            unwrap(await client.request('POST', `${base}/tags`, { text: title })),
          ])[0];
          if (!tag) throw new Error('MURAL answered a tag create without the tag.');
          tagIds.set(title, tag.id);
          env.rememberTags([tag]);
          return tag.id;
        },
      },
      [],
    );
    return key;
  };
  const idOfTag = (title: string): string => {
    const id = tagIds.get(title);
    if (id === undefined) throw new OpError(`Tag "${title}" is missing.`);
    return id;
  };

  const refusedFor = (type: string): CreateField[] =>
    (['style', 'parentId', 'tags'] as const).filter((f) => env.refusedOnCreate.has(`${type}:${f}`));

  // A read a task makes only sometimes (an area or widget not seen yet, the list that adopts
  // what a lost answer made) is charged to the queue's budget as it is made, so no request of a
  // batch is outside the budget; a task declares only the calls it always makes.
  const charged = <T>(fn: () => Promise<T>): Promise<T> => env.queue.spend(1).then(fn);
  const getWidget = async (id: string): Promise<MuralWidget | null> =>
    parseWidget(
      unwrap(
        await charged(() => client.request('GET', `${base}/widgets/${encodeURIComponent(id)}`)),
      ),
    );
  const listCharged = (path: string, query: Record<string, string | undefined> = {}) =>
    listAll(client, path, query, charged);
  /**
   * For one attempt of a task that declares one call: that call pays for the first request,
   * each later one (another page, a create sent again without a refused field) is charged.
   */
  const declaredOnce = (): Call => {
    let paid = true;
    return (fn) => {
      if (!paid) return charged(fn);
      paid = false;
      return fn();
    };
  };

  /** Absolute top-left of an area, reading unknown areas up the chain. */
  async function areaOrigin(id: string): Promise<{ x: number; y: number }> {
    for (let depth = 0; depth < 32; depth += 1) {
      const missing = chainMissing(id);
      if (missing === null) break;
      const widget = await getWidget(missing);
      if (!widget) throw new Error(`MURAL answered widget ${missing} without a widget.`);
      env.remember(widget);
    }
    const area = env.widget(id);
    if (!area) throw new OpError(`Area ${id} is not on the mural.`);
    return absolutePosition(area, env.widget, await env.origin());
  }
  function chainMissing(id: string): string | null {
    let current: string | null = id;
    for (let depth = 0; current !== null && depth < 32; depth += 1) {
      const widget = env.widget(current);
      if (!widget) return current;
      current = widget.parentId;
    }
    return null;
  }

  async function fetchWidget(id: string): Promise<MuralWidget> {
    const widget = await getWidget(id);
    if (!widget) throw new Error(`MURAL answered widget ${id} without a widget.`);
    env.remember(widget);
    return widget;
  }

  /** Arrow ids by the widget either end is connected to, indexed once per batch that removes. */
  let arrowIndex: Map<string, string[]> | null = null;
  const arrowsOn = (id: string): string[] => {
    if (arrowIndex === null) {
      arrowIndex = new Map();
      for (const arrow of env.arrows())
        for (const end of new Set([arrow.arrow?.startRefId, arrow.arrow?.endRefId]))
          if (end) arrowIndex.set(end, [...(arrowIndex.get(end) ?? []), arrow.id]);
    }
    return arrowIndex.get(id) ?? [];
  };

  const lastTaskOf = new Map<string, string>();
  const single = (
    index: number,
    id: string,
    deps: string[],
    run: () => Promise<unknown>,
    calls = 1,
  ) => {
    const key = `op:${index}`;
    const previous = lastTaskOf.get(id);
    ctx.task({ key, deps: previous ? [...deps, previous] : deps, calls, run }, [index]);
    ctx.need(index, ...deps);
    lastTaskOf.set(id, key);
  };

  const batch: WriteBatch = {
    env,
    ctx,
    client,
    base,
    markers,
    made: new Map(),
    adopted: new Set(),
    tagList: [],
    tagIds,
    lastTaskOf,
    refTask: new Map(),
    chunk: null,
    tagTask,
    idOfTag,
    refusedFor,
    charged,
    listCharged,
    declaredOnce,
    areaOrigin,
    fetchWidget,
    arrowsOn,
    single,
  };
  if (touchesTags(live)) {
    ctx.task(
      {
        key: 'tags',
        async run() {
          batch.tagList = parseTags(await listAll(client, `${base}/tags`, {}, declaredOnce()));
          env.rememberTags(batch.tagList);
          for (const tag of batch.tagList) if (!tagIds.has(tag.text)) tagIds.set(tag.text, tag.id);
        },
      },
      [],
    );
  }
  return batch;
}
