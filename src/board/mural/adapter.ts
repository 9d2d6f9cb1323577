/**
 * The Board port over MURAL's public REST API. It translates at the edge and nothing more:
 * widgets ↔ board items (`widgets.ts`), ops → requests (`apply-ops.ts`), shared collections in
 * one Touchpoint data area per mural (`data-area.ts`, its rules in `shared-state.ts`), the
 * markers of the widgets Touchpoint made (`markers.ts`), and events by polling within the app's
 * shared rate budget (`board-events.ts`, `poll-timing.ts`), since MURAL pushes nothing to third
 * parties. See CONTEXT.md.
 */
import { isRecord } from '../../domain/common';
import {
  rectsOverlap,
  type BoardItem,
  type ItemMarker,
  type Rect,
} from '../../domain/board/board-item';
import type { Board, BoardTag, BoardUser, SharedCollection, Unsubscribe } from '../port';
import {
  createWriteQueue,
  MURAL_QUEUE_OPTIONS,
  type WriteQueue,
  type WriteQueueOptions,
} from '../write-queue';
import { applyOps, MURAL_LIMITS, parseTags, type MuralTag } from './apply-ops';
import { createBoardEvents } from './board-events';
import { listAll, MuralApiError, unwrap, type MuralClient } from './client';
import { createDataArea } from './data-area';
import { MARKERS, MARKERS_ID, parseMarkers, settleMarkers, withMarker } from './markers';
import { pollTimingOf, type PollTiming } from './poll-timing';
import { currentValues, indexState, isStateWidget, stateId, toJson } from './shared-state';
import { createMuralPlatformVoting, createMuralVoting } from './voting';
import {
  boardOrigin,
  parseWidgets,
  toBoardItem,
  TYPE_FILTER,
  type MuralWidget,
  type Position,
} from './widgets';

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

const nameOf = (value: unknown): string => {
  if (!isRecord(value)) return '';
  const full = [value.firstName, value.lastName].filter((p) => typeof p === 'string').join(' ');
  return full || (typeof value.name === 'string' ? value.name : '');
};

/** A 429 waits for MURAL's reset and tries again (for the few calls made outside the queue). */
async function withRateLimitRetry<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof MuralApiError && error.rateLimited) || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 1000));
    }
  }
}

export function createMuralBoard(
  client: MuralClient,
  muralId: string,
  options: MuralBoardOptions = {},
): Board & { refresh(): Promise<void> } {
  const queue = options.queue ?? createWriteQueue(MURAL_ADAPTER_QUEUE_OPTIONS);
  const onError = options.onError ?? (() => undefined);
  const base = `/murals/${encodeURIComponent(muralId)}`;
  const read = <T>(fn: () => Promise<T>): Promise<T> => queue.call(fn);

  const widgets = new Map<string, MuralWidget>();
  const tags = new Map<string, MuralTag>();
  const refusedOnCreate = new Set<string>();
  let markers = new Map<string, ItemMarker>();
  let selected: string[] = [];
  let view: Rect = { x: 0, y: 0, w: 1600, h: 1000 };

  /**
   * The mural's own record (title, size), read once. Not through the queue: write tasks ask for
   * it while they hold a queue slot, and a nested queue call could wait on itself.
   */
  let muralRecord: Promise<Record<string, unknown>> | undefined;
  const mural = (): Promise<Record<string, unknown>> => {
    muralRecord ??= withRateLimitRetry(() => client.request('GET', base)).then(
      (body) => {
        const value = unwrap(body);
        return isRecord(value) ? value : {};
      },
      (error: unknown) => {
        muralRecord = undefined;
        throw error;
      },
    );
    return muralRecord;
  };
  const origin = async (): Promise<Position> => boardOrigin(await mural());

  const listWidgets = async (
    query: Record<string, string | undefined> = {},
  ): Promise<MuralWidget[]> => parseWidgets(await listAll(client, `${base}/widgets`, query, read));

  async function loadTags(): Promise<MuralTag[]> {
    const list = parseTags(await listAll(client, `${base}/tags`, {}, read));
    tags.clear();
    for (const tag of list) tags.set(tag.id, tag);
    return list;
  }

  const dataArea = createDataArea({ client, base, read, listWidgets, mural, onError });

  /** Items from a full widget list: state widgets left out, markers attached, areas cached. */
  async function translate(all: MuralWidget[]): Promise<BoardItem[]> {
    for (const w of all) widgets.set(w.id, w);
    const areaIds = dataArea.seen(all);
    markers = parseMarkers(currentValues(indexState(all, areaIds)).get(MARKERS_ID));
    const visible = all.filter((w) => !isStateWidget(w, areaIds));
    if (visible.some((w) => w.tags.some((id) => !tags.has(id)))) await loadTags();
    const byId = new Map(all.map((w) => [w.id, w]));
    const at = await origin();
    return visible.map((w) =>
      withMarker(
        toBoardItem(w, {
          area: (id) => byId.get(id) ?? widgets.get(id),
          tagTitle: (id) => tags.get(id)?.text,
          marker: (id) => markers.get(id) ?? null,
          origin: at,
        }),
        markers,
      ),
    );
  }

  const events = createBoardEvents({
    muralId,
    timing: pollTimingOf(options),
    shareAcrossTabs: options.shareAcrossTabs ?? false,
    onError,
    listWidgets: () => listWidgets(),
    translate,
    readValues: () => dataArea.values(),
  });

  async function saveMarkers(made: ReadonlyMap<string, ItemMarker>, intent = false) {
    const write = (value: Record<string, ItemMarker>) =>
      dataArea.write(MARKERS.collection, MARKERS.key, JSON.stringify(value));
    if (intent) {
      const stored = parseMarkers((await dataArea.values()).get(MARKERS_ID));
      await write(Object.fromEntries([...stored, ...made]));
      return;
    }
    // The mural's full list holds the data area's entries too: `translate` reads the stored
    // markers from it into `markers`, so the area is not read a second time.
    const items = await translate(await listWidgets());
    const kept = settleMarkers(markers, items, made);
    await write(kept);
    markers = new Map(Object.entries(kept));
  }

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

    async info() {
      const record = await mural();
      const title = typeof record.title === 'string' ? record.title : '';
      return { id: muralId, name: title || `Mural ${muralId}` };
    },

    async currentUser(): Promise<BoardUser> {
      const me = unwrap(await read(() => client.request('GET', '/users/me')));
      if (!isRecord(me) || typeof me.id !== 'string')
        throw new Error('MURAL did not say who you are.');
      return { id: me.id, name: nameOf(me) || me.id };
    },

    async onlineUsers() {
      // MURAL offers no presence to third parties: these are the mural's members.
      return (await listAll(client, `${base}/users`, {}, read)).flatMap((u) =>
        isRecord(u) && typeof u.id === 'string' ? [{ id: u.id, name: nameOf(u) || u.id }] : [],
      );
    },

    async listItems(kinds) {
      const all = await listWidgets();
      await loadTags();
      const items = await translate(all);
      events.listed(items);
      return kinds === undefined ? items : items.filter((i) => kinds.includes(i.kind));
    },

    async selection() {
      if (selected.length === 0) return [];
      const items = await board.listItems();
      return items.filter((i) => selected.includes(i.id));
    },

    select(ids) {
      // MURAL's API has no selection: Touchpoint keeps its own, for its own panel.
      selected = [...ids];
      return Promise.resolve();
    },

    async listTags(): Promise<BoardTag[]> {
      return (await loadTags()).map((t) => ({ id: t.id, title: t.text, color: '' }));
    },

    on: (event, fn) => events.on(event, fn),

    apply: (ops, batchOptions) =>
      applyOps(
        {
          origin,
          client,
          muralId,
          queue,
          widget: (id) => widgets.get(id),
          remember: (w) => void widgets.set(w.id, w),
          forget: (id) => void widgets.delete(id),
          arrows: () => [...widgets.values()].filter((w) => w.arrow !== undefined),
          async readArrows() {
            const arrows = await listWidgets({ type: TYPE_FILTER.arrows });
            const listed = new Set(arrows.map((w) => w.id));
            for (const [id, w] of widgets)
              if (w.type === 'arrow' && !listed.has(id)) widgets.delete(id);
            for (const w of arrows) widgets.set(w.id, w);
          },
          refusedOnCreate,
          rememberTags: (list) => {
            for (const t of list) tags.set(t.id, t);
          },
          saveMarkers,
        },
        ops,
        batchOptions,
      ).finally(events.wrote),

    shared(name): SharedCollection {
      return {
        async get<T>(key: string) {
          const json = (await dataArea.values()).get(stateId(name, key));
          return json === undefined ? undefined : (JSON.parse(json) as T);
        },
        async set(key, value) {
          await dataArea.write(name, key, toJson(value));
          events.wrote();
        },
        async remove(key) {
          await dataArea.write(name, key, undefined);
          events.wrote();
        },
        watch: <T>(
          key: string,
          fn: (value: T | undefined) => void,
          onWatchError?: (error: unknown) => void,
        ): Unsubscribe =>
          events.watch(stateId(name, key), fn as (value: unknown) => void, onWatchError),
      };
    },

    async findEmptySpace(size, near) {
      const around = near ?? view;
      const items = await board.listItems();
      // Right of everything that shares the rows asked for: clear by construction.
      const rows = { x: -1e12, y: around.y, w: 2e12, h: size.h };
      const right = items
        .filter((i) => rectsOverlap(i.rect, rows))
        .reduce((max, i) => Math.max(max, i.rect.x + i.rect.w), around.x - 100);
      return { x: right + 100, y: around.y, w: size.w, h: size.h };
    },

    viewport() {
      // No camera through the API: the view Touchpoint last zoomed to.
      return Promise.resolve({ ...view });
    },

    async zoomTo(ids) {
      const lastSeen = events.lastSeen();
      const rects = (lastSeen.size ? [...lastSeen.values()] : await board.listItems())
        .filter((i) => ids.includes(i.id))
        .map((i) => i.rect);
      const missing = rects.length < ids.length ? await board.listItems() : null;
      const all = missing ? missing.filter((i) => ids.includes(i.id)).map((i) => i.rect) : rects;
      if (all.length === 0) return;
      const x = Math.min(...all.map((r) => r.x)) - 50;
      const y = Math.min(...all.map((r) => r.y)) - 50;
      const right = Math.max(...all.map((r) => r.x + r.w)) + 50;
      const bottom = Math.max(...all.map((r) => r.y + r.h)) + 50;
      view = { x, y, w: right - x, h: bottom - y };
    },

    notify(kind, message) {
      options.onNotify?.(kind, message);
      return Promise.resolve();
    },

    canUse(feature) {
      // Voting sessions are readable through the API (see voting.ts).
      return Promise.resolve(feature === 'voting');
    },

    async nativeVotingResults() {
      // One entry per session in the shape the Vote tab flattens: `{ results: [{ itemId, count }] }`.
      const voting = createMuralVoting(client, muralId, read);
      const sessions = await voting.sessions();
      return Promise.all(
        sessions.map(async (session) => ({
          sessionId: session.id,
          title: session.title,
          results: (await voting.results(session.id)).map((r) => ({
            itemId: r.widgetId,
            count: r.totalVotes,
            uniqueVoters: r.uniqueVoters,
          })),
        })),
      );
    },

    /** Look for changes now (the page's refresh button), whether or not anyone listens. */
    refresh: () => events.poll(),
  };
  return board;
}
