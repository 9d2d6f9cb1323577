/**
 * The shared state behind every connected SDK and the human actions: items (in z-order), tags,
 * selections per user, storage collections, the viewport, and who is connected. It owns the
 * structural rules (frame parents and their relative coordinates, cascading removal) and the
 * delivery of Miro's events; per-call validation lives with the SDK objects.
 *
 * Items are replaced, never mutated, so a renderer can compare by identity.
 */
import type { SdkEventName } from '../../miro/sdk';
import { itemNotFound, sdkError } from './errors';
import { type Box, boxFromCentre, contains, containsPoint } from './geometry';
import { DEFAULT_VIEWPORT } from './limits';
import type {
  LocalBoardState,
  LocalConnector,
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
  const items = new Map<string, LocalItem>(start.items.map((i) => [i.id, i]));
  const tags = new Map<string, LocalTag>(start.tags.map((t) => [t.id, t]));
  const users = new Map<string, LocalUser>(start.users.map((u) => [u.id, u]));
  const collections = start.collections;
  const selections = new Map<string, string[]>();
  const connections = new Map<number, Connection>();
  const listeners = new Set<() => void>();
  let nextId = start.nextId;
  let nextConnectionId = 1;
  let viewport: Viewport = { ...DEFAULT_VIEWPORT };
  let itemList: LocalItem[] | null = null;

  const requireItem = (id: string): LocalItem => {
    const item = items.get(id);
    if (!item) throw itemNotFound(id);
    return item;
  };

  const absoluteBox = (id: string): Box => {
    const item = requireItem(id);
    if (item.parentId === null) return boxFromCentre(item.x, item.y, item.width, item.height);
    const parent = absoluteBox(item.parentId);
    return boxFromCentre(parent.x + item.x, parent.y + item.y, item.width, item.height);
  };

  const isInside = (id: string, ancestorId: string): boolean => {
    let current = items.get(id);
    while (current) {
      if (current.id === ancestorId) return true;
      current = current.parentId === null ? undefined : items.get(current.parentId);
    }
    return false;
  };

  const children = (frameId: string): LocalItem[] =>
    [...items.values()].filter((i) => i.parentId === frameId);

  const connectors = new Set<string>();
  const set = (item: LocalItem): void => {
    items.set(item.id, item);
    if (item.type === 'connector') connectors.add(item.id);
    itemList = null;
  };

  /**
   * A connector stays attached to its items (Miro Help "Connection lines": lines move with the
   * objects they connect); the double keeps its box between the centres of its two end items.
   */
  const follow = (): void => {
    for (const id of connectors) {
      const line = items.get(id);
      if (line?.type !== 'connector') continue;
      const a = items.has(line.start.item) ? absoluteBox(line.start.item) : null;
      const b = items.has(line.end.item) ? absoluteBox(line.end.item) : null;
      if (!a || !b) continue;
      const [ax, ay] = [a.x + a.width / 2, a.y + a.height / 2];
      const [bx, by] = [b.x + b.width / 2, b.y + b.height / 2];
      const box = {
        x: (ax + bx) / 2,
        y: (ay + by) / 2,
        width: Math.max(1, Math.abs(ax - bx)),
        height: Math.max(1, Math.abs(ay - by)),
      };
      if (
        box.x === line.x &&
        box.y === line.y &&
        box.width === line.width &&
        box.height === line.height
      )
        continue;
      items.set(id, { ...line, ...box } satisfies LocalConnector);
      itemList = null;
    }
  };
  for (const item of items.values()) if (item.type === 'connector') connectors.add(item.id);
  follow();

  const updateChildrenIds = (frameId: string): void => {
    const frame = items.get(frameId);
    if (frame?.type !== 'frame') return;
    set({ ...frame, childrenIds: children(frameId).map((c) => c.id) });
  };

  const store: BoardStore = {
    boardId: start.boardId,
    boardName: start.boardName,
    createdAt,
    newId() {
      // Miro ids are long digit strings; keep that look so adapters never assume a format.
      const id = `3458764${String(nextId).padStart(12, '0')}`;
      nextId += 1;
      return id;
    },
    items() {
      itemList ??= [...items.values()];
      return itemList;
    },
    item: (id) => items.get(id),
    requireItem,
    children,
    absoluteBox,
    frameAt(absX, absY, exceptId) {
      const frames = [...items.values()].filter(
        (i): i is LocalFrame =>
          i.type === 'frame' && (exceptId === undefined || !isInside(i.id, exceptId)),
      );
      // Later items are drawn on top, so search from the end.
      return frames.reverse().find((f) => containsPoint(absoluteBox(f.id), absX, absY));
    },
    insert(item, origin) {
      if (items.has(item.id)) throw sdkError(`Item with id '${item.id}' already exists`);
      set(item);
      if (item.parentId !== null) updateChildrenIds(item.parentId);
      if (item.type === 'connector') follow();
      store.emit('items:create', [items.get(item.id) ?? item], origin);
      store.changed();
    },
    replace(item, origin, quiet = false) {
      requireItem(item.id);
      set(item);
      follow();
      if (!quiet) store.emit('experimental:items:update', [items.get(item.id) ?? item], origin);
      store.changed();
    },
    remove(ids, origin) {
      const removed: LocalItem[] = [];
      const collect = (id: string): void => {
        const item = items.get(id);
        if (!item || removed.includes(item)) return;
        removed.push(item);
        if (item.type === 'frame') for (const child of children(id)) collect(child.id);
      };
      for (const id of ids) {
        requireItem(id);
        collect(id);
      }
      // Web SDK reference "Connector": "If you remove either the start point, the end point,
      // or both, the connector is removed as well."
      const going = new Set(removed.map((i) => i.id));
      for (const id of connectors) {
        const line = items.get(id);
        if (line?.type !== 'connector' || going.has(id)) continue;
        if (going.has(line.start.item) || going.has(line.end.item)) {
          removed.push(line);
          going.add(id);
        }
      }
      const parents = new Set<string>();
      for (const item of removed) {
        items.delete(item.id);
        connectors.delete(item.id);
        if (item.parentId !== null) parents.add(item.parentId);
      }
      itemList = null;
      for (const parentId of parents) updateChildrenIds(parentId);
      const gone = new Set(removed.map((i) => i.id));
      for (const [userId, selected] of selections) {
        if (selected.some((id) => gone.has(id))) {
          selections.set(
            userId,
            selected.filter((id) => !gone.has(id)),
          );
          emitSelection(userId);
        }
      }
      store.emit('items:delete', removed, origin);
      store.changed();
      return removed;
    },
    setParent(id, parentId, origin) {
      const item = requireItem(id);
      if (item.parentId === parentId) return item;
      const abs = absoluteBox(id);
      let x = abs.x + abs.width / 2;
      let y = abs.y + abs.height / 2;
      if (parentId !== null) {
        const parent = requireItem(parentId);
        if (parent.type !== 'frame') throw sdkError(`Item '${parentId}' is not a frame`);
        if (isInside(parentId, id))
          throw sdkError('A frame cannot be added to itself or its children');
        const frameBox = absoluteBox(parentId);
        x -= frameBox.x;
        y -= frameBox.y;
      }
      const oldParent = item.parentId;
      const moved: LocalItem = { ...item, x, y, parentId };
      set(moved);
      if (oldParent !== null) updateChildrenIds(oldParent);
      if (parentId !== null) updateChildrenIds(parentId);
      follow();
      const touched = [
        moved,
        ...[oldParent, parentId].flatMap((p) => (p === null ? [] : [requireItem(p)])),
      ];
      store.emit('experimental:items:update', touched, origin);
      store.changed();
      return moved;
    },
    checkFrameFits(frame) {
      const bounds: Box = { x: 0, y: 0, width: frame.width, height: frame.height };
      for (const child of children(frame.id)) {
        if (!contains(bounds, boxFromCentre(child.x, child.y, child.width, child.height))) {
          throw sdkError(
            `Cannot resize frame '${frame.id}' to ${frame.width}×${frame.height}: child '${child.id}' would fall outside it`,
          );
        }
      }
    },

    tags: () => [...tags.values()],
    tag: (id) => tags.get(id),
    putTag(tag) {
      tags.set(tag.id, tag);
      store.changed();
    },
    removeTag(id, origin) {
      if (!tags.delete(id)) throw itemNotFound(id);
      const untagged: LocalItem[] = [];
      for (const item of items.values()) {
        if (item.type === 'sticky_note' && item.tagIds.includes(id)) {
          const next = { ...item, tagIds: item.tagIds.filter((t) => t !== id) };
          set(next);
          untagged.push(next);
        }
      }
      if (untagged.length > 0) store.emit('experimental:items:update', untagged, origin);
      store.changed();
    },

    selection: (userId) => selections.get(userId) ?? [],
    setSelection(userId, ids) {
      selections.set(
        userId,
        [...new Set(ids)].filter((id) => items.has(id)),
      );
      emitSelection(userId);
      store.changed();
    },

    collections,
    users: () => [...users.values()],
    addUser(user) {
      if (!users.has(user.id)) {
        users.set(user.id, { id: user.id, name: user.name });
        store.changed();
      }
    },

    viewport: () => ({ ...viewport }),
    setViewport(v) {
      viewport = { ...v };
      store.changed();
    },

    connect(make) {
      const connection = make(nextConnectionId);
      nextConnectionId += 1;
      connections.set(connection.id, connection);
      return connection;
    },
    disconnect(connectionId) {
      connections.delete(connectionId);
    },
    connections: () => [...connections.values()],
    emit(event, eventItems, origin) {
      if (eventItems.length === 0) return;
      for (const connection of connections.values()) {
        // An SDK's own writes are not echoed back to it; a person's actions reach everyone.
        if (origin.kind === 'sdk' && origin.connectionId === connection.id) continue;
        connection.deliver(event, eventItems);
      }
    },

    changed() {
      for (const fn of [...listeners]) fn();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    state() {
      return clone({
        version: 1,
        boardId: start.boardId,
        boardName: start.boardName,
        items: [...items.values()],
        tags: [...tags.values()],
        collections,
        users: [...users.values()],
        nextId,
        createdAt,
      });
    },
  };

  function emitSelection(userId: string): void {
    const selected = (selections.get(userId) ?? []).flatMap((id) => {
      const item = items.get(id);
      return item ? [item] : [];
    });
    for (const connection of connections.values()) {
      if (connection.user.id === userId) connection.deliver('selection:update', selected);
    }
  }

  return store;
}
