/**
 * The board's items in z-order (later on top) and what follows from where they sit: children of a
 * frame, absolute boxes through frame parents, the frame under a point. Items are replaced, never
 * mutated, and `list()` keeps its identity until something changes, so a renderer can compare by
 * identity.
 */
import { itemNotFound } from './errors';
import { type Box, boxFromCentre, containsPoint } from './geometry';
import type { LocalConnector, LocalFrame, LocalItem } from './local-board-types';

export interface ItemTable {
  list(): readonly LocalItem[];
  get(id: string): LocalItem | undefined;
  has(id: string): boolean;
  /** The item, or Miro's "not found" error. */
  require(id: string): LocalItem;
  set(item: LocalItem): void;
  delete(id: string): void;
  /** The connectors, in the order they came onto the board. */
  connectors(): LocalConnector[];
  children(frameId: string): LocalItem[];
  absoluteBox(id: string): Box;
  /** True when `id` is `ancestorId` or sits (at any depth) in it. */
  isInside(id: string, ancestorId: string): boolean;
  frameAt(absX: number, absY: number, exceptId?: string): LocalFrame | undefined;
  /** Write a frame's `childrenIds` from the items that now name it as parent. */
  updateChildrenIds(frameId: string): void;
}

export function createItemTable(initial: readonly LocalItem[]): ItemTable {
  const items = new Map<string, LocalItem>(initial.map((i) => [i.id, i]));
  const connectorIds = new Set<string>();
  for (const item of items.values()) if (item.type === 'connector') connectorIds.add(item.id);
  let itemList: LocalItem[] | null = null;

  const require = (id: string): LocalItem => {
    const item = items.get(id);
    if (!item) throw itemNotFound(id);
    return item;
  };

  const absoluteBox = (id: string): Box => {
    const item = require(id);
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

  const set = (item: LocalItem): void => {
    items.set(item.id, item);
    if (item.type === 'connector') connectorIds.add(item.id);
    itemList = null;
  };

  return {
    list() {
      itemList ??= [...items.values()];
      return itemList;
    },
    get: (id) => items.get(id),
    has: (id) => items.has(id),
    require,
    set,
    delete(id) {
      items.delete(id);
      connectorIds.delete(id);
      itemList = null;
    },
    connectors: () =>
      [...connectorIds].flatMap((id) => {
        const line = items.get(id);
        return line?.type === 'connector' ? [line] : [];
      }),
    children,
    absoluteBox,
    isInside,
    frameAt(absX, absY, exceptId) {
      const frames = [...items.values()].filter(
        (i): i is LocalFrame =>
          i.type === 'frame' && (exceptId === undefined || !isInside(i.id, exceptId)),
      );
      // Later items are drawn on top, so search from the end.
      return frames.reverse().find((f) => containsPoint(absoluteBox(f.id), absX, absY));
    },
    updateChildrenIds(frameId) {
      const frame = items.get(frameId);
      if (frame?.type !== 'frame') return;
      set({ ...frame, childrenIds: children(frameId).map((c) => c.id) });
    },
  };
}
