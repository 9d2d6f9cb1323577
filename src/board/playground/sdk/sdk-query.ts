/**
 * `board.get`, the selection calls and `board.remove`: what a filter names on the board (items
 * and tags), and the connection user's selection.
 */
import type { SdkBoard, SdkEntity, SdkFilter, SdkItem } from '../../miro/sdk';
import { invalidParam, itemNotFound } from './errors';
import type { LocalItem, LocalTag } from './local-board-types';
import { toSdkItem, toSdkTag, type ConnectionScope } from './sdk-items';

const toArray = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/** Items (not tags) that match a type/tags filter; tags match by id or by title. */
export function matchItems(
  items: readonly LocalItem[],
  tags: readonly LocalTag[],
  filter: { type?: string | string[]; tags?: string | string[] },
): LocalItem[] {
  const types = filter.type === undefined ? undefined : toArray(filter.type);
  const tagKeys = filter.tags === undefined ? undefined : toArray(filter.tags);
  const tagIds =
    tagKeys &&
    new Set(
      tags.filter((t) => tagKeys.includes(t.id) || tagKeys.includes(t.title)).map((t) => t.id),
    );
  return items.filter((item) => {
    if (types && !types.includes(item.type)) return false;
    if (tagIds) return item.type === 'sticky_note' && item.tagIds.some((t) => tagIds.has(t));
    return true;
  });
}

function query(scope: ConnectionScope, filter: SdkFilter | undefined): SdkEntity[] {
  const { store } = scope;
  if (filter === undefined) {
    return [
      ...store.items().map((item) => toSdkItem(item, scope)),
      ...store.tags().map((t) => toSdkTag(t, scope)),
    ];
  }
  if ('id' in filter) {
    if ('type' in filter || 'tags' in filter) {
      throw invalidParam('filter', 'filter by id, or by type and tags, not both');
    }
    // An unknown id throws, as the platform notes say; see CONTEXT.md.
    return toArray(filter.id).map((id) => {
      const item = store.item(id);
      if (item) return toSdkItem(item, scope);
      const tag = store.tag(id);
      if (tag) return toSdkTag(tag, scope);
      throw itemNotFound(id);
    });
  }
  const result: SdkEntity[] = matchItems(store.items(), store.tags(), filter).map((item) =>
    toSdkItem(item, scope),
  );
  const wantsTags = filter.type !== undefined && toArray(filter.type).includes('tag');
  if (wantsTags && filter.tags === undefined)
    result.push(...store.tags().map((t) => toSdkTag(t, scope)));
  return result;
}

/** Ids an id- or type/tags-filter names among items (selection never holds tags). */
function selectable(scope: ConnectionScope, filter: SdkFilter | undefined): string[] {
  if (filter === undefined) return scope.store.items().map((i) => i.id);
  return query(scope, filter)
    .filter((e) => e.type !== 'tag')
    .map((e) => e.id);
}

/** The SDK objects of the items with these ids that are still on the board. */
function itemsStillOnBoard(scope: ConnectionScope, ids: readonly string[]): SdkItem[] {
  return ids.flatMap((id) => {
    const item = scope.store.item(id);
    return item ? [toSdkItem(item, scope)] : [];
  });
}

type ContentMethods = Pick<SdkBoard, 'get' | 'getSelection' | 'select' | 'deselect' | 'remove'>;

export function contentMethods(scope: ConnectionScope): ContentMethods {
  const { store, origin, call, user } = scope;
  const selectedItems = (): SdkItem[] => itemsStillOnBoard(scope, store.selection(user.id));
  return {
    get: (filter) => call('get', () => query(scope, filter)),
    getSelection: () => call('getSelection', selectedItems),
    select: (filter) =>
      call('select', () => {
        store.setSelection(user.id, selectable(scope, filter));
        return selectedItems();
      }),
    deselect: (filter) =>
      call('deselect', () => {
        const before = store.selection(user.id);
        const drop = new Set(filter === undefined ? before : selectable(scope, filter));
        const dropped = before.filter((id) => drop.has(id));
        store.setSelection(
          user.id,
          before.filter((id) => !drop.has(id)),
        );
        return itemsStillOnBoard(scope, dropped);
      }),
    remove: (entity) =>
      call('remove', () => {
        if (entity.type === 'tag') store.removeTag(entity.id, origin);
        else store.remove([entity.id], origin);
      }),
  };
}
