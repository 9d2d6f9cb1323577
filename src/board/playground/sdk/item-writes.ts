/**
 * The board store's writes to items, by kind: create, update, re-parent (frame.add /
 * frame.remove / a drag), remove (a frame with its children, a connector with its ends) and
 * untag (a removed tag leaves its notes). Each keeps frames' `childrenIds` and connectors' boxes
 * current, tells the other connections and then the store's subscribers.
 */
import { connectorsGoingWith, followConnectors } from './board-connectors';
import type { Delivery, Selections } from './board-delivery';
import type { Origin } from './board-store';
import { sdkError } from './errors';
import type { ItemTable } from './item-table';
import type { LocalItem } from './local-board-types';
import { withoutTag } from './tags';

export interface StoreParts {
  readonly table: ItemTable;
  readonly delivery: Delivery;
  readonly selections: Selections;
  /** Tell the store's subscribers (renderer, persistence) that something changed. */
  changed(): void;
}

export function insertItem(parts: StoreParts, item: LocalItem, origin: Origin): void {
  const { table } = parts;
  if (table.has(item.id)) throw sdkError(`Item with id '${item.id}' already exists`);
  table.set(item);
  if (item.parentId !== null) table.updateChildrenIds(item.parentId);
  if (item.type === 'connector') followConnectors(table);
  parts.delivery.emit('items:create', [table.get(item.id) ?? item], origin);
  parts.changed();
}

export function replaceItem(parts: StoreParts, item: LocalItem, origin: Origin, quiet: boolean) {
  const { table } = parts;
  table.require(item.id);
  table.set(item);
  followConnectors(table);
  if (!quiet)
    parts.delivery.emit('experimental:items:update', [table.get(item.id) ?? item], origin);
  parts.changed();
}

export function setItemParent(
  parts: StoreParts,
  id: string,
  parentId: string | null,
  origin: Origin,
): LocalItem {
  const { table } = parts;
  const item = table.require(id);
  if (item.parentId === parentId) return item;
  const abs = table.absoluteBox(id);
  let x = abs.x + abs.width / 2;
  let y = abs.y + abs.height / 2;
  if (parentId !== null) {
    const parent = table.require(parentId);
    if (parent.type !== 'frame') throw sdkError(`Item '${parentId}' is not a frame`);
    if (table.isInside(parentId, id))
      throw sdkError('A frame cannot be added to itself or its children');
    const frameBox = table.absoluteBox(parentId);
    x -= frameBox.x;
    y -= frameBox.y;
  }
  const oldParent = item.parentId;
  const moved: LocalItem = { ...item, x, y, parentId };
  table.set(moved);
  if (oldParent !== null) table.updateChildrenIds(oldParent);
  if (parentId !== null) table.updateChildrenIds(parentId);
  followConnectors(table);
  const touched = [
    moved,
    ...[oldParent, parentId].flatMap((p) => (p === null ? [] : [table.require(p)])),
  ];
  parts.delivery.emit('experimental:items:update', touched, origin);
  parts.changed();
  return moved;
}

export function removeItems(
  parts: StoreParts,
  ids: readonly string[],
  origin: Origin,
): LocalItem[] {
  const { table } = parts;
  const removed: LocalItem[] = [];
  const collect = (id: string): void => {
    const item = table.get(id);
    if (!item || removed.includes(item)) return;
    removed.push(item);
    if (item.type === 'frame') for (const child of table.children(id)) collect(child.id);
  };
  for (const id of ids) {
    table.require(id);
    collect(id);
  }
  // Web SDK reference "Connector": removing either end removes the connector as well.
  const going = new Set(removed.map((i) => i.id));
  removed.push(...connectorsGoingWith(table.connectors(), going));
  const parents = new Set<string>();
  for (const item of removed) {
    table.delete(item.id);
    if (item.parentId !== null) parents.add(item.parentId);
  }
  for (const parentId of parents) table.updateChildrenIds(parentId);
  parts.selections.forget(new Set(removed.map((i) => i.id)));
  parts.delivery.emit('items:delete', removed, origin);
  parts.changed();
  return removed;
}

/** A removed tag leaves every note that carried it; the notes changed, so the others hear. */
export function untagItems(parts: StoreParts, tagId: string, origin: Origin): void {
  const untagged = withoutTag(parts.table.list(), tagId);
  for (const item of untagged) parts.table.set(item);
  if (untagged.length > 0) parts.delivery.emit('experimental:items:update', untagged, origin);
  parts.changed();
}
