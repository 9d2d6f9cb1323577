/**
 * The Board port over the Miro Web SDK subset (`MiroSdk`): the real `miro` global, or the
 * playground's local board, which speaks the same subset. It translates at the edge and
 * nothing more; see CONTEXT.md for what each read costs and why.
 */
import type { ItemKind } from '../../domain/board/board-item';
import type { Board, BoardTag, Platform } from '../port';
import { createWriteQueue, MIRO_QUEUE_OPTIONS, type WriteQueue } from '../write-queue';
import { createBoardEvents } from './board-events';
import { createBoardInfo } from './board-info';
import { createBoardView } from './board-view';
import { applyEnvOf, createMiroCache, forget, loadTags, rememberFrames } from './board-cache';
import { MIRO_LIMITS } from './limits';
import { listItems, translate } from './read-items';
import type { MiroSdk } from './sdk';
import { createSharedCollection } from './shared-collection';

export interface MiroBoardOptions {
  /** 'playground' when the SDK is the local board (default 'miro'). */
  platform?: Extract<Platform, 'miro' | 'playground'>;
  /** Miro's `getInfo()` has no board name; the host may know it (default "Miro board <id>"). */
  boardName?: string;
  /** Default: Miro's budget (100,000 credits a minute, 50 a call), 8 calls at once. */
  queue?: WriteQueue;
  /** Kinds whose marker `listItems` reads from metadata, one call per item (default frames). */
  metadataKinds?: readonly ItemKind[];
  /** Gap `findEmptySpace` keeps from other items (default 100). */
  emptySpaceOffset?: number;
  /** Failures inside event translation, which have no caller to throw to. */
  onError?: (error: unknown) => void;
}

/**
 * Puts the port together: the cache and its reads (`board-cache.ts`, `read-items.ts`), the view
 * (`board-view.ts`), who and where (`board-info.ts`), events (`board-events.ts`), shared
 * collections (`shared-collection.ts`) and, loaded with the first write, `apply-ops.ts`.
 */
export function createMiroBoard(sdk: MiroSdk, options: MiroBoardOptions = {}): Board {
  const board = sdk.board;
  const queue = options.queue ?? createWriteQueue(MIRO_QUEUE_OPTIONS);
  const cache = createMiroCache(board, queue, options.metadataKinds ?? ['frame']);
  const { read } = cache;
  const applyEnv = applyEnvOf(sdk, queue, cache);

  const events = createBoardEvents({
    ui: board.ui,
    translate: (items) => translate(cache, items),
    observe(event, items) {
      if (event !== 'items:delete') rememberFrames(cache, items);
      else for (const item of items) forget(cache, item.id);
    },
    onError: options.onError ?? (() => undefined),
  });

  return {
    platform: options.platform ?? 'miro',
    // Miro's native voting cannot be started or voted in by apps (Web SDK reference: only
    // `experimental.getVotingResults()` reads it), so anonymous rounds use ballot places.
    platformVoting: null,
    limits: {
      tagTitle: MIRO_LIMITS.tagTitleLength,
      tagsPerItem: MIRO_LIMITS.tagsPerItem,
      tagsPerBoard: MIRO_LIMITS.tagsPerBoard,
      noteText: MIRO_LIMITS.contentLength,
      connectors: MIRO_LIMITS.connectors,
    },
    ...createBoardInfo(cache, options.boardName),
    listItems: (kinds) => listItems(cache, kinds),

    async listTags(): Promise<BoardTag[]> {
      return (await read(() => loadTags(cache))).map(({ id, title, color }) => ({
        id,
        title,
        color,
      }));
    },

    on: (event, fn) => events.on(event, fn),

    // The write path (batch engine, per-op checks) loads with the first write: the panel opens
    // reading, and most participants never write in bulk.
    apply: async (ops, batchOptions) =>
      (await import('./apply-ops')).applyOps(applyEnv, ops, batchOptions),

    shared: (name) => createSharedCollection(board.storage.collection(name), read),
    ...createBoardView(cache, options.emptySpaceOffset ?? 100),
  };
}
