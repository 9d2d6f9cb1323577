/**
 * The Board port over MURAL's public REST API. It translates at the edge and nothing more:
 * widgets ↔ board items (`widgets.ts`), ops → requests (`apply-ops.ts`), shared collections in
 * one Touchpoint data area per mural (`shared-state.ts`), and events by polling within the app's
 * shared rate budget (`poll-timing.ts`), since MURAL pushes nothing to third parties. See
 * CONTEXT.md.
 */
import { isRecord } from '../../domain/common';
import {
  rectsOverlap,
  type BoardItem,
  type ItemMarker,
  type Rect,
} from '../../domain/board/board-item';
import type {
  Board,
  BoardEvents,
  BoardTag,
  BoardUser,
  SharedCollection,
  Unsubscribe,
} from '../port';
import {
  createWriteQueue,
  MURAL_QUEUE_OPTIONS,
  type WriteQueue,
  type WriteQueueOptions,
} from '../write-queue';
import {
  applyOps,
  INTENT_PREFIX,
  markerPrint,
  MURAL_LIMITS,
  parseTags,
  type MuralTag,
} from './apply-ops';
import { MuralApiError, unwrap, type MuralClient } from './client';
import { createPollTimer, listCostFactor, pollTimingOf, type PollTiming } from './poll-timing';
import {
  indexState,
  isStateArea,
  isStateWidget,
  NOTE_POSITION,
  slotPosition,
  stateAreaPosition,
  STATE_AREA_TITLE,
  STATE_NOTE,
  stateId,
  stateText,
  toJson,
  type StateEntry,
} from './shared-state';
import { createMuralPlatformVoting, createMuralVoting } from './voting';
import {
  boardOrigin,
  parseWidget,
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

/** Touchpoint's markers for widgets it made live in one shared entry (MURAL has no metadata). */
const INTERNAL = '__touchpoint';
const MARKERS_KEY = 'markers';

function parseMarkers(json: string | undefined): Map<string, ItemMarker> {
  const markers = new Map<string, ItemMarker>();
  if (json === undefined) return markers;
  const value: unknown = JSON.parse(json);
  if (!isRecord(value)) return markers;
  for (const [id, m] of Object.entries(value)) {
    if (isRecord(m) && typeof m.m === 'string' && typeof m.r === 'string') {
      markers.set(id, typeof m.k === 'string' ? { m: m.m, r: m.r, k: m.k } : { m: m.m, r: m.r });
    }
  }
  return markers;
}

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
  const timing = pollTimingOf(options);
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

  async function listWidgets(
    query: Record<string, string | undefined> = {},
  ): Promise<MuralWidget[]> {
    const all: unknown[] = [];
    let next: string | undefined;
    do {
      const token = next;
      const page = await read(() => client.page(`${base}/widgets`, query, token));
      all.push(...page.value);
      next = page.next;
    } while (next !== undefined);
    return parseWidgets(all);
  }

  async function loadTags(): Promise<MuralTag[]> {
    const all: unknown[] = [];
    let next: string | undefined;
    do {
      const token = next;
      const page = await read(() => client.page(`${base}/tags`, {}, token));
      all.push(...page.value);
      next = page.next;
    } while (next !== undefined);
    const list = parseTags(all);
    tags.clear();
    for (const tag of list) tags.set(tag.id, tag);
    return list;
  }

  /** Items from a full widget list: state widgets left out, markers attached, areas cached. */
  async function translate(all: MuralWidget[]): Promise<BoardItem[]> {
    for (const w of all) widgets.set(w.id, w);
    const areaIds = stateAreasIn(all);
    stateAreas = [...areaIds];
    const state = indexState(all, areaIds);
    markers = parseMarkers(state.get(stateId(INTERNAL, MARKERS_KEY))?.at(-1)?.json);
    const visible = all.filter((w) => !isStateWidget(w, areaIds));
    if (visible.some((w) => w.tags.some((id) => !tags.has(id)))) await loadTags();
    const byId = new Map(all.map((w) => [w.id, w]));
    const at = await origin();
    return visible.map((w) => {
      const item = toBoardItem(w, {
        area: (id) => byId.get(id) ?? widgets.get(id),
        tagTitle: (id) => tags.get(id)?.text,
        marker: (id) => markers.get(id) ?? null,
        origin: at,
      });
      // Made by a batch whose panel closed before it stored the marker by id: its intent holds it.
      const intended =
        item.meta === null ? markers.get(markerPrint(item.kind, item.rect, item.text)) : undefined;
      return intended ? { ...item, meta: intended } : item;
    });
  }

  // --- Shared state ---------------------------------------------------------------------------

  /**
   * The mural's Touchpoint data areas, oldest id first (two panels creating the first one at the
   * same moment make two; reads take both, writes go to the first). Null until looked up.
   */
  let stateAreas: string[] | null = null;
  const stateAreasIn = (all: readonly MuralWidget[]): Set<string> =>
    new Set(
      all
        .filter(isStateArea)
        .map((w) => w.id)
        .sort(),
    );

  /** Looked up until found (another participant may make it any time), then remembered. */
  async function findStateAreas(): Promise<string[]> {
    if (stateAreas !== null && stateAreas.length > 0) return stateAreas;
    const found = [...stateAreasIn(await listWidgets({ type: TYPE_FILTER.areas }))];
    if (found.length > 0 || stateAreas === null) stateAreas = found.length > 0 ? found : null;
    return found;
  }

  /** Every entry: one request per area and 100 entries (`parentId` filter). */
  async function readState(): Promise<{ state: Map<string, StateEntry[]>; count: number }> {
    const areas = await findStateAreas();
    const children = (await Promise.all(areas.map((id) => listWidgets({ parentId: id })))).flat();
    const state = indexState(children, new Set(areas));
    return { state, count: children.length };
  }

  /**
   * Makes the data area: inside the mural's bounds, titled for what it is, with a note saying
   * what deleting it does, then locked by a PATCH (`locked` is an update-area field, not a
   * create one). If MURAL refuses the lock the area still works, unlocked.
   */
  let creatingArea: Promise<string> | undefined;
  /** One creation at a time: writes of several keys at once share the new area. */
  function createStateArea(): Promise<string> {
    creatingArea ??= makeStateArea().finally(() => {
      creatingArea = undefined;
    });
    return creatingArea;
  }

  async function makeStateArea(): Promise<string> {
    const place = stateAreaPosition(await mural());
    const area = parseWidget(
      unwrap(
        await read(() =>
          client.request('POST', `${base}/widgets/area`, {
            ...place,
            title: STATE_AREA_TITLE,
            style: { backgroundColor: '#F2F2F2FF' },
          }),
        ),
      ),
    );
    if (!area) throw new Error('MURAL answered the data area create without the area.');
    await read(() =>
      client.request('POST', `${base}/widgets/textbox`, [
        { ...NOTE_POSITION, text: STATE_NOTE, parentId: area.id },
      ]),
    );
    try {
      await read(() =>
        client.request('PATCH', `${base}/widgets/area/${encodeURIComponent(area.id)}`, {
          locked: true,
        }),
      );
    } catch (error) {
      onError(error);
    }
    stateAreas = [area.id];
    return area.id;
  }

  async function writeState(collection: string, key: string, json: string | undefined) {
    const { state, count } = await readState();
    const entries = state.get(stateId(collection, key)) ?? [];
    const [keep, ...extra] = entries.reverse();
    for (const entry of extra) await deleteWidget(entry.widgetId);
    if (json === undefined) {
      if (keep) await deleteWidget(keep.widgetId);
      return;
    }
    const text = stateText(collection, key, json);
    if (keep) {
      await read(() =>
        client.request('PATCH', `${base}/widgets/textbox/${encodeURIComponent(keep.widgetId)}`, {
          text,
        }),
      );
      return;
    }
    const create = (areaId: string) =>
      read(() =>
        client.request('POST', `${base}/widgets/textbox`, [
          { ...slotPosition(Math.max(0, count - 1)), text, parentId: areaId },
        ]),
      );
    const areaId = stateAreas?.[0] ?? (creatingArea ? await creatingArea : await createStateArea());
    try {
      await create(areaId);
    } catch (error) {
      // The area was deleted since it was looked up: make a new one.
      if (!(error instanceof MuralApiError && (error.status === 400 || error.status === 404))) {
        throw error;
      }
      stateAreas = null;
      await create((await findStateAreas())[0] ?? (await createStateArea()));
    }
  }

  async function deleteWidget(id: string): Promise<void> {
    try {
      await read(() => client.request('DELETE', `${base}/widgets/${encodeURIComponent(id)}`));
    } catch (error) {
      if (!(error instanceof MuralApiError && error.status === 404)) throw error;
    }
  }

  // --- Polling: events and watches ------------------------------------------------------------

  type Listener = (payload: unknown) => void;
  const listeners = new Map<keyof BoardEvents, Set<Listener>>();
  const watchers = new Set<{ id: string; last: string | undefined; fn: (v: unknown) => void }>();
  /** A watcher's `last` while its first read failed: no stored JSON equals it. */
  const UNREAD = '\u0000unread';
  /** Items as last seen by a poll or a list, for diffing. */
  let seen: Map<string, string> | null = null;
  let seenItems = new Map<string, BoardItem>();

  const listening = (): boolean => [...listeners.values()].some((set) => set.size > 0);

  function emit<K extends keyof BoardEvents>(event: K, payload: BoardEvents[K]): void {
    for (const fn of [...(listeners.get(event) ?? [])]) fn(payload);
  }

  /** Calls the watchers whose value changed; true when any did. */
  function notifyWatchers(state: Map<string, StateEntry[]>): boolean {
    let changed = false;
    for (const watcher of [...watchers]) {
      const json = state.get(watcher.id)?.at(-1)?.json;
      if (json !== watcher.last) {
        watcher.last = json;
        changed = true;
        watcher.fn(json === undefined ? undefined : JSON.parse(json));
      }
    }
    return changed;
  }

  /** Diffs items against the last look and emits events; true when anything changed. */
  function observe(items: BoardItem[], all: MuralWidget[], emitEvents: boolean): boolean {
    const next = new Map(items.map((i) => [i.id, JSON.stringify(i)]));
    let changed = false;
    if (seen !== null && emitEvents) {
      const created = items.filter((i) => !seen!.has(i.id));
      const updated = items.filter((i) => seen!.has(i.id) && seen!.get(i.id) !== next.get(i.id));
      const deleted = [...seen.keys()].filter((id) => !next.has(id));
      if (created.length) emit('items:create', { items: created });
      if (updated.length) emit('items:update', { items: updated });
      if (deleted.length) emit('items:delete', { ids: deleted });
      changed = created.length + updated.length + deleted.length > 0;
    }
    seen = next;
    seenItems = new Map(items.map((i) => [i.id, i]));
    return notifyWatchers(indexState(all, stateAreasIn(all))) || changed;
  }

  /** Widgets in the last full list: the list poll slows down for big murals. */
  let listed = 0;
  async function pollItems(): Promise<boolean> {
    const all = await listWidgets();
    listed = all.length;
    tabs?.postMessage({ t: 'items', widgets: all } satisfies TabMessage);
    return observe(await translate(all), all, true);
  }

  async function pollState(): Promise<boolean> {
    const { state } = await readState();
    tabs?.postMessage({
      t: 'state',
      entries: [...state].map(([id, list]) => [id, list.at(-1)?.json ?? null]),
    } satisfies TabMessage);
    return notifyWatchers(state);
  }

  type TabMessage =
    { t: 'items'; widgets: MuralWidget[] } | { t: 'state'; entries: [string, string | null][] };
  const tabs =
    options.shareAcrossTabs && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(`touchpoint-mural:${muralId}`)
      : null;
  if (tabs) {
    tabs.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data as TabMessage;
      if (!isRecord(message)) return;
      if (message.t === 'state' && Array.isArray(message.entries)) {
        const state = new Map<string, StateEntry[]>();
        for (const [id, json] of message.entries) {
          if (typeof id === 'string' && typeof json === 'string') {
            state.set(id, [{ collection: '', key: '', json, widgetId: '' }]);
          }
        }
        statePoll.heard(notifyWatchers(state));
      } else if (message.t === 'items' && Array.isArray(message.widgets)) {
        const all = parseWidgets(message.widgets);
        void translate(all)
          .then((items) => {
            itemsPoll.heard(observe(items, all, seen !== null));
          })
          .catch(onError);
      }
    };
  }

  // Shared state alone is one request (the data area's entries), so watchers poll it more often
  // than the full list that item events need; both back off while nothing changes.
  const statePoll = createPollTimer({
    firstMs: timing.stateMs,
    maxMs: timing.stateMaxMs,
    backoff: timing.backoff,
    active: () => watchers.size > 0,
    run: pollState,
    onError,
  });
  const itemsPoll = createPollTimer({
    firstMs: () => timing.itemsMs * listCostFactor(listed),
    maxMs: () => timing.itemsMaxMs * listCostFactor(listed),
    backoff: timing.backoff,
    active: listening,
    run: pollItems,
    onError,
  });
  const schedule = (): void => {
    itemsPoll.schedule();
    statePoll.schedule();
  };
  const stopIfIdle = (): void => {
    itemsPoll.stopIfIdle();
    statePoll.stopIfIdle();
  };
  /** An own write: others' reactions come soon, so poll at the first interval again. */
  const wrote = (): void => {
    if (listening()) itemsPoll.reset();
    if (watchers.size > 0) statePoll.reset();
  };

  // Seen before any poll: an empty board (the first poll reports everything as new otherwise).
  const startBaseline = (): void => {
    seen ??= new Map();
  };

  const board: Board & { refresh(): Promise<void> } = {
    platform: 'mural',
    // Tag text ≤ 25 is documented; tags per widget and per mural and text length are not, so
    // these keep Miro's figures: no stricter reading of MURAL's documentation exists.
    limits: {
      tagTitle: MURAL_LIMITS.tagText,
      tagsPerItem: 8,
      tagsPerBoard: 100,
      noteText: 6000,
      // Lines are arrows connected to both widgets (reference createarrow; `apply-ops.ts`).
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
      const all: unknown[] = [];
      let next: string | undefined;
      do {
        const token = next;
        const page = await read(() => client.page(`${base}/users`, {}, token));
        all.push(...page.value);
        next = page.next;
      } while (next !== undefined);
      return all.flatMap((u) =>
        isRecord(u) && typeof u.id === 'string' ? [{ id: u.id, name: nameOf(u) || u.id }] : [],
      );
    },

    async listItems(kinds) {
      const all = await listWidgets();
      await loadTags();
      const items = await translate(all);
      if (seen === null) {
        seen = new Map(items.map((i) => [i.id, JSON.stringify(i)]));
        seenItems = new Map(items.map((i) => [i.id, i]));
      }
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

    on(event, fn) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const listener = fn as Listener;
      set.add(listener);
      startBaseline();
      schedule();
      return () => {
        set.delete(listener);
        stopIfIdle();
      };
    },

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
          async saveMarkers(made, intent = false) {
            const { state } = await readState();
            const current = parseMarkers(state.get(stateId(INTERNAL, MARKERS_KEY))?.at(-1)?.json);
            if (intent) {
              for (const [key, m] of made) current.set(key, m);
              await writeState(INTERNAL, MARKERS_KEY, JSON.stringify(Object.fromEntries(current)));
              return;
            }
            // Widgets that read as marked through an intent (this batch's, or one an earlier
            // panel left when it closed) are marked by id now; then the intents go.
            const items = await translate(await listWidgets());
            for (const item of items)
              if (item.meta !== null && !current.has(item.id)) current.set(item.id, item.meta);
            for (const [id, m] of made) current.set(id, m);
            // Drop markers of widgets that are gone, so the entry does not grow without bound.
            const known = new Set(items.map((i) => i.id));
            const kept = Object.fromEntries(
              [...current].filter(([id]) => known.has(id) && !id.startsWith(INTENT_PREFIX)),
            );
            await writeState(INTERNAL, MARKERS_KEY, JSON.stringify(kept));
            markers = new Map(Object.entries(kept));
          },
        },
        ops,
        batchOptions,
      ).finally(wrote),

    shared(name): SharedCollection {
      return {
        async get<T>(key: string) {
          const json = (await readState()).state.get(stateId(name, key))?.at(-1)?.json;
          return json === undefined ? undefined : (JSON.parse(json) as T);
        },
        async set(key, value) {
          await writeState(name, key, toJson(value));
          wrote();
        },
        async remove(key) {
          await writeState(name, key, undefined);
          wrote();
        },
        watch<T>(
          key: string,
          fn: (value: T | undefined) => void,
          onWatchError?: (error: unknown) => void,
        ): Unsubscribe {
          const watcher = {
            id: stateId(name, key),
            last: undefined as string | undefined,
            fn: fn as (v: unknown) => void,
          };
          let stopped = false;
          void readState()
            .then(({ state }) => {
              if (stopped) return;
              const json = state.get(watcher.id)?.at(-1)?.json;
              watcher.last = json;
              fn(json === undefined ? undefined : (JSON.parse(json) as T));
            })
            .catch((error: unknown) => {
              if (stopped) return;
              // Not JSON, so it equals no stored value: the next poll delivers the value.
              watcher.last = UNREAD;
              onWatchError?.(error);
              onError(error);
            })
            .finally(() => {
              if (stopped) return;
              watchers.add(watcher);
              schedule();
            });
          return () => {
            stopped = true;
            watchers.delete(watcher);
            stopIfIdle();
          };
        },
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
      const rects = (seenItems.size ? [...seenItems.values()] : await board.listItems())
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
    async refresh() {
      await pollItems();
    },
  };
  return board;
}
