/**
 * The Board port over MURAL's public REST API. It translates at the edge and nothing more:
 * widgets ↔ board items (`widgets.ts`), ops → requests (`apply-ops.ts`), shared collections in
 * one Touchpoint data area per mural (`data-area.ts`, its rules in `shared-state.ts`), the
 * markers of the widgets Touchpoint made (`markers.ts`), and events by polling within the app's
 * shared rate budget (`board-events.ts`, `poll-timing.ts`), since MURAL pushes nothing to third
 * parties. See CONTEXT.md.
 */
import type { Board, BoardTag } from '../port';
import {
  createWriteQueue,
  MURAL_QUEUE_OPTIONS,
  type WriteQueue,
  type WriteQueueOptions,
} from '../write-queue';
import { applyEnvOf } from './apply-env';
import { applyOps, MURAL_LIMITS } from './apply-ops';
import { createBoardEvents } from './board-events';
import { createBoardInfo } from './board-info';
import { createBoardView } from './board-view';
import type { MuralClient } from './client';
import { createMuralCache } from './board-cache';
import { pollTimingOf, type PollTiming } from './poll-timing';
import { listItems, loadTags, translate } from './read-items';
import { createSharedCollection } from './shared-collection';
import { createMuralPlatformVoting } from './voting';

export interface MuralBoardOptions {
  /** One queue per signed-in user (MURAL counts per user). Default: MURAL's limits. */
  queue?: WriteQueue;
  /**
   * Base poll interval for both shared state and items, ms (tests: 100); each backs off to 4×
   * while nothing changes. Without it, `poll` or the budgeted defaults (`DEFAULT_POLL`).
   */
  pollMs?: number;
  poll?: Partial<PollTiming>;
  /** Where `notify` goes: MURAL has no notification API for third parties. */
  onNotify?: (kind: 'info' | 'error', message: string) => void;
  /**
   * Share poll results with this browser's other tabs on the same mural (BroadcastChannel): a tab
   * that hears another's fresh result uses it and postpones its own poll, so the tabs of one
   * browser settle into about one poller. Off by default (tests and the bench model separate
   * devices); the MURAL page turns it on.
   */
  shareAcrossTabs?: boolean;
  /** Failures while polling, which have no caller to throw to. */
  onError?: (error: unknown) => void;
}

/**
 * MURAL's limits with a margin: the queue charges a request when it starts, MURAL counts it when
 * it arrives, and the small, uneven delay between the two (token read, event loop) otherwise lets
 * a 26th request land inside MURAL's second now and then. 25 per 1.1 s is about 23 a second.
 */
export const MURAL_ADAPTER_QUEUE_OPTIONS: WriteQueueOptions = {
  ...MURAL_QUEUE_OPTIONS,
  rates: [
    { limit: 25, windowMs: 1_100 },
    { limit: 10_000, windowMs: 60_000 },
  ],
};

/**
 * Puts the port together: the cache and its reads (`board-cache.ts`, `read-items.ts`), who and
 * where (`board-info.ts`), the selection and view (`board-view.ts`), shared collections
 * (`shared-collection.ts`), the polls (`board-events.ts`) and the writes (`apply-ops.ts` over
 * `apply-env.ts`).
 */
export function createMuralBoard(
  client: MuralClient,
  muralId: string,
  options: MuralBoardOptions = {},
): Board & { refresh(): Promise<void> } {
  const queue = options.queue ?? createWriteQueue(MURAL_ADAPTER_QUEUE_OPTIONS);
  const onError = options.onError ?? (() => undefined);
  const cache = createMuralCache(client, muralId, queue, onError);
  const { read } = cache;
  const applyEnv = applyEnvOf(cache, queue);

  const events = createBoardEvents({
    muralId,
    timing: pollTimingOf(options),
    shareAcrossTabs: options.shareAcrossTabs ?? false,
    onError,
    listWidgets: () => cache.listWidgets(),
    translate: (all) => translate(cache, all),
    readValues: () => cache.dataArea.values(),
  });

  const board: Board & { refresh(): Promise<void> } = {
    platform: 'mural',
    // Tag text ≤ 25 is documented; tags per widget and per mural and text length are not, so
    // these keep Miro's figures: no stricter reading of MURAL's documentation exists.
    limits: {
      tagTitle: MURAL_LIMITS.tagText,
      tagsPerItem: 8,
      tagsPerBoard: 100,
      noteText: 6000,
      // Lines are arrows connected to both widgets (reference createarrow; `plan-connect.ts`).
      connectors: true,
    },
    platformVoting: createMuralPlatformVoting(client, muralId, read, read),
    ...createBoardInfo(cache, options.onNotify),
    listItems: (kinds) => listItems(cache, events, kinds),

    async listTags(): Promise<BoardTag[]> {
      return (await loadTags(cache)).map((t) => ({ id: t.id, title: t.text, color: '' }));
    },

    on: (event, fn) => events.on(event, fn),
    apply: (ops, batchOptions) => applyOps(applyEnv, ops, batchOptions).finally(events.wrote),
    shared: (name) => createSharedCollection(cache.dataArea, events, name),
    ...createBoardView({ listItems: () => board.listItems(), lastSeen: () => events.lastSeen() }),

    /** Look for changes now (the page's refresh button), whether or not anyone listens. */
    refresh: () => events.poll(),
  };
  return board;
}
