/**
 * `board.connect(user)`: one participant's panel talking to the shared local board through the
 * Miro SDK subset (`MiroSdk`). Every call is charged against that user's credit budget, waits
 * the simulated latency, and is counted.
 */
import type {
  MiroSdk,
  OnlineUserInfo,
  SdkBoard,
  SdkConnector,
  SdkEntity,
  SdkEventName,
  SdkFilter,
  SdkFrame,
  SdkItem,
  SdkShape,
  SdkStickyNote,
  SdkTag,
  SdkText,
} from '../../miro/sdk';
import type { BoardStore, Connection, Origin } from './board-store';
import type { CreditBudget } from './budget';
import { invalidParam, itemNotFound } from './errors';
import { createEventRegistry, type ItemsHandler } from './events';
import { boundingBox, findEmptySpace, fitViewport } from './geometry';
import {
  newConnector,
  newFrame,
  newShape,
  newStickyNote,
  newText,
  type NewItemContext,
} from './items';
import type { LocalItem, LocalNotification, LocalUser } from './local-board-types';
import {
  connectorView,
  frameView,
  shapeView,
  stickyView,
  textView,
  toSdkItem,
  toSdkTag,
  type SdkContext,
} from './sdk-items';
import type { SharedCollections } from './shared-collections';
import { newTag } from './tags';
import { finiteNumber, positiveNumber, stringValue } from './validate';

export interface CallRecorder {
  accepted(method: string): void;
  rateLimited(method: string): void;
}

export interface ConnectDeps {
  store: BoardStore;
  storage: SharedCollections;
  budget: CreditBudget;
  recorder: CallRecorder;
  latencyMs: () => number;
  /** ISO time of the board's last change, for `getInfo().updatedAt`. */
  updatedAt: () => string;
  notify: (n: LocalNotification) => void;
}

export interface ConnectedSdk {
  sdk: MiroSdk;
  connection: Connection;
}

const toArray = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

export function connectSdk(user: LocalUser, deps: ConnectDeps): ConnectedSdk {
  const { store, storage, budget, recorder } = deps;
  const events = createEventRegistry();

  const call = async <T>(method: string, fn: () => T): Promise<T> => {
    try {
      budget.charge();
    } catch (error) {
      recorder.rateLimited(method);
      throw error;
    }
    recorder.accepted(method);
    const ms = deps.latencyMs();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return fn();
  };

  const connection = store.connect((id) => ({
    id,
    user,
    deliver(event: SdkEventName, items: readonly LocalItem[]) {
      if (!events.has(event)) return;
      events.dispatch(event, { items: items.map((item) => toSdkItem(item, ctx)) });
    },
  }));
  const origin: Origin = { kind: 'sdk', connectionId: connection.id };
  const ctx: SdkContext = { store, origin, call };
  store.addUser(user);

  const newItemContext = (): NewItemContext => ({
    id: store.newId(),
    createdBy: user.id,
    tagExists: (id) => store.tag(id) !== undefined,
  });

  const insert = <T>(item: LocalItem, view: (item: never, ctx: SdkContext) => T): T => {
    store.insert(item, origin);
    return view(item as never, ctx);
  };

  /** Items (not tags) that match a type/tags filter; tags match by id or by title. */
  const matchItems = (filter: {
    type?: string | string[];
    tags?: string | string[];
  }): LocalItem[] => {
    const types = filter.type === undefined ? undefined : toArray(filter.type);
    const tagKeys = filter.tags === undefined ? undefined : toArray(filter.tags);
    const tagIds =
      tagKeys &&
      new Set(
        store
          .tags()
          .filter((t) => tagKeys.includes(t.id) || tagKeys.includes(t.title))
          .map((t) => t.id),
      );
    return store.items().filter((item) => {
      if (types && !types.includes(item.type)) return false;
      if (tagIds) return item.type === 'sticky_note' && item.tagIds.some((t) => tagIds.has(t));
      return true;
    });
  };

  const query = (filter: SdkFilter | undefined): SdkEntity[] => {
    if (filter === undefined) {
      return [
        ...store.items().map((item) => toSdkItem(item, ctx)),
        ...store.tags().map((t) => toSdkTag(t, ctx)),
      ];
    }
    if ('id' in filter) {
      if ('type' in filter || 'tags' in filter) {
        throw invalidParam('filter', 'filter by id, or by type and tags, not both');
      }
      // An unknown id throws, as the platform notes say; see CONTEXT.md.
      return toArray(filter.id).map((id) => {
        const item = store.item(id);
        if (item) return toSdkItem(item, ctx);
        const tag = store.tag(id);
        if (tag) return toSdkTag(tag, ctx);
        throw itemNotFound(id);
      });
    }
    const result: SdkEntity[] = matchItems(filter).map((item) => toSdkItem(item, ctx));
    const wantsTags = filter.type !== undefined && toArray(filter.type).includes('tag');
    if (wantsTags && filter.tags === undefined)
      result.push(...store.tags().map((t) => toSdkTag(t, ctx)));
    return result;
  };

  /** Ids an id- or type/tags-filter names among items (selection never holds tags). */
  const selectable = (filter: SdkFilter | undefined): string[] => {
    if (filter === undefined) return store.items().map((i) => i.id);
    return query(filter)
      .filter((e) => e.type !== 'tag')
      .map((e) => e.id);
  };

  const selectedItems = (): SdkItem[] =>
    store.selection(user.id).flatMap((id) => {
      const item = store.item(id);
      return item ? [toSdkItem(item, ctx)] : [];
    });

  const board: SdkBoard = {
    createStickyNote: (props) =>
      call('createStickyNote', (): SdkStickyNote =>
        insert(newStickyNote(props, newItemContext()), stickyView),
      ),
    createShape: (props) =>
      call('createShape', (): SdkShape => insert(newShape(props, newItemContext()), shapeView)),
    createText: (props) =>
      call('createText', (): SdkText => insert(newText(props, newItemContext()), textView)),
    createFrame: (props) =>
      call('createFrame', (): SdkFrame => insert(newFrame(props, newItemContext()), frameView)),
    createConnector: (props) =>
      call('createConnector', (): SdkConnector => {
        const { id, createdBy } = newItemContext();
        const line = newConnector(props, {
          id,
          createdBy,
          itemType: (item) => store.item(item)?.type,
        });
        store.insert(line, origin);
        return connectorView(store.item(line.id) as typeof line, ctx);
      }),
    createTag: (props) =>
      call('createTag', (): SdkTag => {
        const tag = newTag(props, store.newId(), store.tags());
        store.putTag(tag);
        return toSdkTag(tag, ctx);
      }),
    get: (filter) => call('get', () => query(filter)),
    getSelection: () => call('getSelection', selectedItems),
    select: (filter) =>
      call('select', () => {
        store.setSelection(user.id, selectable(filter));
        return selectedItems();
      }),
    deselect: (filter) =>
      call('deselect', () => {
        const before = store.selection(user.id);
        const drop = new Set(filter === undefined ? before : selectable(filter));
        const dropped = before.filter((id) => drop.has(id));
        store.setSelection(
          user.id,
          before.filter((id) => !drop.has(id)),
        );
        return dropped.flatMap((id) => {
          const item = store.item(id);
          return item ? [toSdkItem(item, ctx)] : [];
        });
      }),
    remove: (entity) =>
      call('remove', () => {
        if (entity.type === 'tag') store.removeTag(entity.id, origin);
        else store.remove([entity.id], origin);
      }),
    getInfo: () =>
      call('getInfo', () => ({
        id: store.boardId,
        locale: 'en' as const,
        createdAt: store.createdAt,
        updatedAt: deps.updatedAt(),
      })),
    getUserInfo: () => call('getUserInfo', () => ({ id: user.id, name: user.name })),
    getOnlineUsers: () =>
      call('getOnlineUsers', () => {
        // Every simulated participant is at the workshop, panel open or not.
        const online = new Map<string, OnlineUserInfo>();
        for (const u of store.state().users) online.set(u.id, { id: u.id, name: u.name });
        for (const c of store.connections())
          online.set(c.user.id, { id: c.user.id, name: c.user.name });
        return [...online.values()];
      }),
    // A free-plan board: no native voting or timer.
    canUse: () => call('canUse', () => false),
    findEmptySpace: (request) =>
      call('findEmptySpace', () =>
        findEmptySpace(
          store.items().map((i) => store.absoluteBox(i.id)),
          {
            x: finiteNumber('x', request.x),
            y: finiteNumber('y', request.y),
            width: positiveNumber('width', request.width),
            height: positiveNumber('height', request.height),
            offset: request.offset === undefined ? 0 : finiteNumber('offset', request.offset),
          },
        ),
      ),
    ui: {
      on: (event: SdkEventName, handler: ItemsHandler) => events.on(event, handler),
      off: (event: SdkEventName, handler: ItemsHandler) => events.off(event, handler),
      openPanel: () => Promise.resolve(undefined),
      canOpenPanel: () => Promise.resolve(true),
    },
    viewport: {
      get: () => call('viewport.get', () => store.viewport()),
      set: ({ viewport }) =>
        call('viewport.set', () => {
          const next = {
            x: finiteNumber('viewport.x', viewport.x),
            y: finiteNumber('viewport.y', viewport.y),
            width: positiveNumber('viewport.width', viewport.width),
            height: positiveNumber('viewport.height', viewport.height),
          };
          store.setViewport(next);
          return next;
        }),
      zoomTo: (items) =>
        call('viewport.zoomTo', () => {
          const list = Array.isArray(items) ? items : [items];
          const box = boundingBox(list.map((i) => store.absoluteBox(i.id)));
          if (!box) throw invalidParam('items', 'zoomTo needs at least one item');
          store.setViewport(fitViewport(box, store.viewport()));
        }),
    },
    storage: {
      collection: (name) => storage.collection(name, connection.id, call),
    },
    notifications: {
      showInfo: (message) =>
        call('notifications.showInfo', () => {
          deps.notify({ level: 'info', message: stringValue('message', message), userId: user.id });
        }),
      showError: (message) =>
        call('notifications.showError', () => {
          deps.notify({
            level: 'error',
            message: stringValue('message', message),
            userId: user.id,
          });
        }),
    },
  };

  return { sdk: { board }, connection };
}
