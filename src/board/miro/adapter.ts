/**
 * The Board port over the Miro Web SDK subset (`MiroSdk`): the real `miro` global, or the
 * playground's local board, which speaks the same subset. It translates at the edge and
 * nothing more; see CONTEXT.md for what each read costs and why.
 */
import type { BoardItem, ItemKind, ItemMarker, Rect } from '../../domain/board/board-item';
import type { Board, BoardTag, Platform } from '../port';
import {
  createWriteQueue,
  isRetryableError,
  MIRO_QUEUE_OPTIONS,
  type WriteQueue,
} from '../write-queue';
import type { ApplyEnv } from './apply-ops';
import { MIRO_LIMITS } from './limits';
import { createBoardEvents } from './board-events';
import {
  centreToRect,
  createFrameResolver,
  rectToCentre,
  type CentreGeometry,
} from './coordinates';
import { MARKER_KEY, toItemMarker } from './item-marker';
import { isFrame, isTag, type MiroSdk, type SdkEntity, type SdkItem, type SdkTag } from './sdk';
import { createSharedCollection } from './shared-collection';
import { toBoardItem, toCentreGeometry, toItemKind } from './to-board-item';

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

const KIND_TYPES: Record<Exclude<ItemKind, 'other'>, string> = {
  note: 'sticky_note',
  shape: 'shape',
  dot: 'shape',
  text: 'text',
  frame: 'frame',
};

/** Created items kept for `zoomTo`; a map is about 50, so this holds a few maps. */
const MAX_CREATED_KEPT = 500;

/** Frames nest a level or two at most; this bounds a walk up a broken parent chain. */
const MAX_FRAME_DEPTH = 32;

export function createMiroBoard(sdk: MiroSdk, options: MiroBoardOptions = {}): Board {
  const board = sdk.board;
  const queue = options.queue ?? createWriteQueue(MIRO_QUEUE_OPTIONS);
  const metadataKinds = new Set<ItemKind>(options.metadataKinds ?? ['frame']);
  const onError = options.onError ?? (() => undefined);

  // Frames by id (Miro geometry) from the last list, events and writes: events need a parent's
  // position to make a child's rect absolute, and a read per event would be wasteful.
  const frames = new Map<string, CentreGeometry>();
  const tags = new Map<string, SdkTag>();
  let tagsLoaded = false;
  // SDK objects of items this adapter created, so `zoomTo` right after a create needs no read.
  const created = new Map<string, SdkItem>();

  /** Reads share the writes' budget and retries; only apply tasks call the SDK directly. */
  const read = <T>(fn: () => Promise<T>): Promise<T> => queue.call(fn);

  const rememberFrame = (id: string, geometry: CentreGeometry | null): void => {
    if (geometry) frames.set(id, geometry);
    else frames.delete(id);
  };

  async function loadTags(): Promise<SdkTag[]> {
    const all = (await board.get({ type: 'tag' })).filter(isTag);
    tags.clear();
    for (const tag of all) tags.set(tag.id, tag);
    tagsLoaded = true;
    return all;
  }

  /** Entities by id; an unknown id fails Miro's whole call, so fall back to one by one. */
  async function getByIds(ids: string[]): Promise<SdkEntity[]> {
    if (ids.length === 0) return [];
    try {
      return await read(() => board.get({ id: ids }));
    } catch (error) {
      if (isRetryableError(error) || ids.length === 1) throw error;
    }
    const found: SdkEntity[] = [];
    for (const id of ids) {
      try {
        found.push(...(await read(() => board.get({ id }))));
      } catch (error) {
        if (isRetryableError(error)) throw error;
      }
    }
    return found;
  }

  /** Reads frames that items sit in but the cache lacks, up their parent chains. */
  async function ensureFrames(parentIds: Iterable<string | null>): Promise<void> {
    let missing = [...new Set(parentIds)].filter(
      (id): id is string => id !== null && !frames.has(id),
    );
    for (let depth = 0; missing.length > 0 && depth < MAX_FRAME_DEPTH; depth += 1) {
      const found = (await getByIds(missing)).filter(isFrame);
      for (const frame of found) frames.set(frame.id, toCentreGeometry(frame));
      const next = found
        .map((f) => f.parentId)
        .filter((id): id is string => id !== null && !frames.has(id));
      missing = [...new Set(next)];
    }
  }

  const unknownTags = (items: SdkItem[]): boolean =>
    items.some((item) => 'tagIds' in item && item.tagIds.some((id) => !tags.has(id)));

  async function translate(
    items: SdkItem[],
    metas?: ReadonlyMap<string, ItemMarker | null>,
  ): Promise<BoardItem[]> {
    for (const item of items) if (isFrame(item)) frames.set(item.id, toCentreGeometry(item));
    await ensureFrames(items.map((item) => toCentreGeometry(item).parentId));
    if (unknownTags(items)) await read(loadTags);
    const resolver = createFrameResolver(frames);
    return items.map((item) =>
      toBoardItem(item, {
        frames: resolver,
        tagTitle: (id) => tags.get(id)?.title,
        meta: metas?.get(item.id) ?? null,
      }),
    );
  }

  async function readMarker(item: SdkItem): Promise<ItemMarker | null> {
    if (!('getMetadata' in item)) return null;
    try {
      return toItemMarker(await read(() => item.getMetadata(MARKER_KEY)));
    } catch (error) {
      if (isRetryableError(error)) throw error;
      return null;
    }
  }

  const forget = (id: string): void => {
    frames.delete(id);
    created.delete(id);
  };

  const applyEnv: ApplyEnv = {
    sdk,
    queue,
    rememberFrame,
    forget,
    rememberCreated(item) {
      if (created.size >= MAX_CREATED_KEPT) created.clear();
      created.set(item.id, item);
    },
    knownTags: () => (tagsLoaded ? [...tags.values()] : undefined),
    loadTags,
    rememberTag: (tag) => void tags.set(tag.id, tag),
  };

  const events = createBoardEvents({
    ui: board.ui,
    translate: (items) => translate(items),
    observe(event, items) {
      for (const item of items) {
        if (event === 'items:delete') forget(item.id);
        else if (isFrame(item)) frames.set(item.id, toCentreGeometry(item));
      }
    },
    onError,
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

    async info() {
      const { id } = await read(() => board.getInfo());
      return { id, name: options.boardName ?? `Miro board ${id}` };
    },

    async currentUser() {
      const { id, name } = await read(() => board.getUserInfo());
      return { id, name };
    },

    async onlineUsers() {
      return (await read(() => board.getOnlineUsers())).map(({ id, name }) => ({ id, name }));
    },

    async listItems(kinds) {
      const wanted = kinds === undefined ? undefined : new Set(kinds);
      let entities: SdkEntity[];
      if (wanted === undefined || wanted.has('other')) {
        entities = await read(() => board.get());
      } else {
        // Frames always come along: children's positions are relative to them.
        const types = new Set([...wanted].map((k) => KIND_TYPES[k as Exclude<ItemKind, 'other'>]));
        types.add('frame');
        entities = await read(() => board.get({ type: [...types] }));
      }
      const items = entities.filter((e): e is SdkItem => !isTag(e));
      frames.clear();
      for (const item of items) if (isFrame(item)) frames.set(item.id, toCentreGeometry(item));
      await read(loadTags);
      const metas = new Map<string, ItemMarker | null>();
      const marked = items.filter((item) => {
        const kind = toItemKind(item);
        return metadataKinds.has(kind) && (wanted === undefined || wanted.has(kind));
      });
      await Promise.all(marked.map(async (item) => metas.set(item.id, await readMarker(item))));
      const all = await translate(items, metas);
      return wanted === undefined ? all : all.filter((item) => wanted.has(item.kind));
    },

    async selection() {
      return translate(await read(() => board.getSelection()));
    },

    async select(ids) {
      await read(() => board.deselect());
      if (ids.length > 0) await read(() => board.select({ id: ids }));
    },

    async listTags(): Promise<BoardTag[]> {
      return (await read(loadTags)).map(({ id, title, color }) => ({ id, title, color }));
    },

    on: (event, fn) => events.on(event, fn),

    // The write path (batch engine, per-op checks) loads with the first write: the panel opens
    // reading, and most participants never write in bulk.
    apply: async (ops, batchOptions) =>
      (await import('./apply-ops')).applyOps(applyEnv, ops, batchOptions),

    shared: (name) => createSharedCollection(board.storage.collection(name), read),

    async findEmptySpace(size, near) {
      const around = near ?? (await this.viewport());
      const centre = rectToCentre(around);
      const found = await read(() =>
        board.findEmptySpace({
          x: centre.x,
          y: centre.y,
          width: size.w,
          height: size.h,
          offset: options.emptySpaceOffset ?? 100,
        }),
      );
      // Miro answers with the centre of the free area.
      return centreToRect(found);
    },

    async viewport(): Promise<Rect> {
      // Unlike items, the viewport is given by its top-left corner.
      const v = await read(() => board.viewport.get());
      return { x: v.x, y: v.y, w: v.width, h: v.height };
    },

    async zoomTo(ids) {
      if (ids.length === 0) return;
      const known = ids.flatMap((id) => created.get(id) ?? []);
      const unknown = ids.filter((id) => !created.has(id));
      const fetched = (await getByIds(unknown)).filter((e): e is SdkItem => !isTag(e));
      const items = [...known, ...fetched];
      if (items.length > 0) await read(() => board.viewport.zoomTo(items));
    },

    async notify(kind, message) {
      if (kind === 'error') await read(() => board.notifications.showError(message));
      else await read(() => board.notifications.showInfo(message));
    },

    async canUse(feature) {
      try {
        return (await read(() => board.canUse(feature))) && board.experimental !== undefined;
      } catch {
        return false;
      }
    },

    async nativeVotingResults() {
      const experimental = board.experimental;
      if (!experimental) return [];
      return read(() => experimental.getVotingResults());
    },
  };
}
