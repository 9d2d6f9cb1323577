/**
 * An `apply` batch's shared reads on Miro, each a task the op planners wait for: the tag list
 * (read only when the adapter never read it) and the existing items the batch touches, one `get`
 * per chunk of ids, then one by one when Miro refuses a chunk, to tell which id it refused.
 */
import { errorMessage } from '../../domain/common';
import { OpError, type PlanContext } from '../batch-engine';
import { isRetryableError } from '../retry-policy';
import type { ApplyEnv } from './apply-ops';
import type { FetchChunk } from './fetch-chunks';
import { isTag, type MiroSdk, type SdkEntity, type SdkTag } from './sdk';

/** The task `tags`: fills `tagsByTitle` from the adapter's list, or from one read. */
export function planTagList(
  env: ApplyEnv,
  ctx: PlanContext,
  tagsByTitle: Map<string, SdkTag>,
): void {
  ctx.task(
    {
      key: 'tags',
      calls: env.knownTags() === undefined ? 1 : 0,
      run: async () => {
        const all = env.knownTags() ?? (await env.loadTags());
        for (const tag of all) tagsByTitle.set(tag.title, tag);
      },
    },
    [],
  );
}

/** What the batch's tasks see of the existing items, once their fetch task has run. */
export interface FetchedItems {
  /** Existing items the batch fetched, by id. */
  readonly fetched: ReadonlyMap<string, SdkEntity>;
  /** The key of the task that fetches each existing item. */
  readonly fetchKey: ReadonlyMap<string, string>;
  /** An existing item the batch fetched; an OpError saying why when it was not found. */
  fetchedItem(id: string): SdkEntity;
}

/** One fetch task per chunk, in chunk order. */
export function planItemFetches(
  board: MiroSdk['board'],
  ctx: PlanContext,
  chunks: readonly FetchChunk[],
): FetchedItems {
  const fetched = new Map<string, SdkEntity>();
  const fetchErrors = new Map<string, string>();
  const fetchKey = new Map<string, string>();
  for (const { key, ids } of chunks) {
    for (const id of ids) fetchKey.set(id, key);
    ctx.task({ key, run: () => fetchChunk(board, ids, fetched, fetchErrors) }, []);
  }
  const fetchedItem = (id: string): SdkEntity => {
    const entity = fetched.get(id);
    if (!entity || isTag(entity))
      throw new OpError(fetchErrors.get(id) ?? `Item ${id} was not found on the board.`);
    return entity;
  };
  return { fetched, fetchKey, fetchedItem };
}

async function fetchChunk(
  board: MiroSdk['board'],
  chunk: string[],
  fetched: Map<string, SdkEntity>,
  fetchErrors: Map<string, string>,
): Promise<void> {
  try {
    for (const entity of await board.get({ id: chunk })) fetched.set(entity.id, entity);
    return;
  } catch (error) {
    if (isRetryableError(error)) throw error;
  }
  // An unknown id fails the whole call: look the ids up one by one to tell which.
  for (const id of chunk) {
    try {
      const [entity] = await board.get({ id });
      if (entity) fetched.set(id, entity);
    } catch (error) {
      if (isRetryableError(error)) throw error;
      fetchErrors.set(id, errorMessage(error));
    }
  }
}
