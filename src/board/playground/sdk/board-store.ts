/**
 * The shared state behind every connected SDK and the human actions: items (in z-order), tags,
 * selections per user, storage collections, the viewport, and who is connected. It owns the
 * structural rules (frame parents and their relative coordinates, cascading removal) and the
 * delivery of Miro's events; per-call validation lives with the SDK objects.
 *
 * Items are replaced, never mutated, so a renderer can compare by identity.
 */
import type { SdkEventName } from '../../miro/sdk';
import { followConnectors } from './board-connectors';
import { createDelivery, createSelections } from './board-delivery';
import { itemNotFound } from './errors';
import type { Box } from './geometry';
import { createItemTable } from './item-table';
import { checkFrameFits } from './items';
import {
  insertItem,
  removeItems,
  replaceItem,
  setItemParent,
  untagItems,
  type StoreParts,
} from './item-writes';
import { DEFAULT_VIEWPORT } from './limits';
import type {
  LocalBoardState,
  LocalFrame,
  LocalItem,
  LocalTag,
  LocalUser,
  Viewport,
} from './local-board-types';

/** Who caused a change: a person on the board, or one connected SDK (one panel). */
export type Origin = { kind: 'human' } | { kind: 'sdk'; connectionId: number };

export const HUMAN: Origin = { kind: 'human' };

export interface Connection {
  readonly id: number;
  readonly user: LocalUser;
  /** Hand an event to this connection's subscribers; it converts items to SDK objects. */
  deliver(event: SdkEventName, items: readonly LocalItem[]): void;
}

export type ItemsEventName = 'items:create' | 'items:delete' | 'experimental:items:update';

export interface BoardStore {
  readonly boardId: string;
  readonly boardName: string;
  readonly createdAt: string;
  newId(): string;
  items(): readonly LocalItem[];
  item(id: string): LocalItem | undefined;
  /** The item, or Miro's "not found" error. */
  requireItem(id: string): LocalItem;
  children(frameId: string): LocalItem[];
  absoluteBox(id: string): Box;
  /** Topmost frame whose area holds the absolute point (excluding `exceptId` and its subtree). */
  frameAt(absX: number, absY: number, exceptId?: string): LocalFrame | undefined;
  insert(item: LocalItem, origin: Origin): void;
  /** Store a changed version of an existing item and tell the others (unless `quiet`). */
  replace(item: LocalItem, origin: Origin, quiet?: boolean): void;
  /** Remove items; a frame takes its children with it. Returns what was removed. */
  remove(ids: readonly string[], origin: Origin): LocalItem[];
  /** Re-parent keeping the absolute position (frame.add / frame.remove / a drag). */
  setParent(id: string, parentId: string | null, origin: Origin): LocalItem;
  /** Throws when a frame of this size would leave a child outside. */
  checkFrameFits(frame: LocalFrame): void;

  tags(): readonly LocalTag[];
  tag(id: string): LocalTag | undefined;
  putTag(tag: LocalTag): void;
  removeTag(id: string, origin: Origin): void;

  selection(userId: string): readonly string[];
  setSelection(userId: string, ids: readonly string[]): void;

  readonly collections: Record<string, Record<string, unknown>>;
  users(): readonly LocalUser[];
  addUser(user: LocalUser): void;

  viewport(): Viewport;
  setViewport(v: Viewport): void;

  connect(make: (id: number) => Connection): Connection;
  disconnect(connectionId: number): void;
  connections(): readonly Connection[];
  emit(event: ItemsEventName, items: readonly LocalItem[], origin: Origin): void;

  /** Tell subscribers (renderer, persistence) that something changed. */
  changed(): void;
  subscribe(fn: () => void): () => void;
  state(): LocalBoardState;
}

const clone = <T>(value: T): T => structuredClone(value);

export function emptyState(): LocalBoardState {
  return {
    version: 1,
    boardId: 'uXjVPlayground=',
    boardName: 'Playground board',
    items: [],
    tags: [],
    collections: {},
    users: [],
    nextId: 1,
  };
}

export function createBoardStore(initial: LocalBoardState, now: string): BoardStore {
  const start = clone(initial);
  const createdAt = start.createdAt ?? now;
  const table = createItemTable(start.items);
  const tags = new Map<string, LocalTag>(start.tags.map((t) => [t.id, t]));
  const users = new Map<string, LocalUser>(start.users.map((u) => [u.id, u]));
  const collections = start.collections;
  const delivery = createDelivery();
  const selections = createSelections(table, delivery);
  const listeners = new Set<() => void>();
  let nextId = start.nextId;
  let viewport: Viewport = { ...DEFAULT_VIEWPORT };
  followConnectors(table);

  const changed = (): void => {
    for (const fn of [...listeners]) fn();
  };
  const parts: StoreParts = { table, delivery, selections, changed };

  return {
    boardId: start.boardId,
    boardName: start.boardName,
    createdAt,
    newId() {
      // Miro ids are long digit strings; keep that look so adapters never assume a format.
      const id = `3458764${String(nextId).padStart(12, '0')}`;
      nextId += 1;
      return id;
    },
    items: () => table.list(),
    item: (id) => table.get(id),
    requireItem: (id) => table.require(id),
    children: (frameId) => table.children(frameId),
    absoluteBox: (id) => table.absoluteBox(id),
    frameAt: (absX, absY, exceptId) => table.frameAt(absX, absY, exceptId),
    insert: (item, origin) => insertItem(parts, item, origin),
    replace: (item, origin, quiet = false) => replaceItem(parts, item, origin, quiet),
    remove: (ids, origin) => removeItems(parts, ids, origin),
    setParent: (id, parentId, origin) => setItemParent(parts, id, parentId, origin),
    checkFrameFits: (frame) => checkFrameFits(frame, table.children(frame.id)),

    tags: () => [...tags.values()],
    tag: (id) => tags.get(id),
    putTag(tag) {
      tags.set(tag.id, tag);
      changed();
    },
    removeTag(id, origin) {
      if (!tags.delete(id)) throw itemNotFound(id);
      untagItems(parts, id, origin);
    },

    selection: (userId) => selections.get(userId),
    setSelection(userId, ids) {
      selections.set(userId, ids);
      changed();
    },

    collections,
    users: () => [...users.values()],
    addUser(user) {
      if (!users.has(user.id)) {
        users.set(user.id, { id: user.id, name: user.name });
        changed();
      }
    },

    viewport: () => ({ ...viewport }),
    setViewport(v) {
      viewport = { ...v };
      changed();
    },

    connect: (make) => delivery.connect(make),
    disconnect: (connectionId) => delivery.disconnect(connectionId),
    connections: () => delivery.connections(),
    emit: (event, eventItems, origin) => delivery.emit(event, eventItems, origin),

    changed,
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    state: () =>
      clone({
        version: 1,
        boardId: start.boardId,
        boardName: start.boardName,
        items: [...table.list()],
        tags: [...tags.values()],
        collections,
        users: [...users.values()],
        nextId,
        createdAt,
      }),
  };
}
