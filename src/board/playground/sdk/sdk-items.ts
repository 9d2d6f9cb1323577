/**
 * The objects a connected SDK hands out: plain snapshots of stored items with Miro's fields and
 * methods. Changing a field does nothing until `sync()`, which validates, stores and tells the
 * other connected SDKs; the object then reflects what was stored (content normalised, sizes
 * derived). An object whose item was removed meanwhile throws on `sync()` and on metadata calls.
 */
import type {
  SdkConnector,
  SdkFrame,
  SdkItem,
  SdkOtherItem,
  SdkShape,
  SdkStickyNote,
  SdkTag,
  SdkText,
} from '../../miro/sdk';
import type { BoardStore, Origin } from './board-store';
import { invalidParam, sdkError } from './errors';
import { syncedConnector, syncedFrame, syncedShape, syncedStickyNote, syncedText } from './items';
import type { TagColorName } from './limits';
import type {
  LocalConnector,
  LocalFrame,
  LocalItem,
  LocalShape,
  LocalStickyNote,
  LocalTag,
  LocalText,
  LocalUnsupported,
  LocalUser,
} from './local-board-types';
import { syncedTag } from './tags';
import { finiteNumber, jsonValue, metadataSize } from './validate';

/** What SDK objects need from the connection that made them. */
export interface SdkContext {
  readonly store: BoardStore;
  readonly origin: Origin;
  /** Run one SDK call: charge credits, wait the simulated latency, count it. */
  call<T>(method: string, fn: () => T): Promise<T>;
}

/** What a connection's SDK namespaces need: the above, and the user the connection is for. */
export interface ConnectionScope extends SdkContext {
  readonly user: LocalUser;
}

type Metadata = Pick<SdkStickyNote, 'getMetadata' | 'setMetadata'>;

/** The stored item, or an error saying it is gone (removed by someone else, say). */
export function liveItem(store: BoardStore, id: string): LocalItem {
  const item = store.item(id);
  if (!item) throw sdkError(`Item '${id}' no longer exists on the board (it was removed)`);
  return item;
}

function liveOfType<T extends LocalItem['type']>(
  store: BoardStore,
  id: string,
  type: T,
): Extract<LocalItem, { type: T }> {
  const item = liveItem(store, id);
  if (item.type !== type) throw sdkError(`Item '${id}' is a ${item.type}, not a ${type}`);
  return item as Extract<LocalItem, { type: T }>;
}

function metadataMethods(id: string, ctx: SdkContext): Metadata {
  const getMetadata = (key?: string): Promise<unknown> =>
    ctx.call('getMetadata', () => {
      const metadata = structuredClone(liveItem(ctx.store, id).metadata);
      return key === undefined ? metadata : metadata[key];
    });
  const setMetadata = (key: string, value: unknown): Promise<unknown> =>
    ctx.call('setMetadata', () => {
      const item = liveItem(ctx.store, id);
      const metadata = { ...item.metadata, [key]: jsonValue(`metadata.${key}`, value) };
      metadataSize(metadata);
      // Metadata is private to the app and invisible on the board: no update event.
      ctx.store.replace({ ...item, metadata }, ctx.origin, true);
      return structuredClone(metadata);
    });
  // The SDK declares these as generic overloads; one implementation serves both.
  return { getMetadata, setMetadata } as unknown as Metadata;
}

function common(item: LocalItem) {
  return {
    id: item.id,
    x: item.x,
    y: item.y,
    parentId: item.parentId,
    createdBy: item.createdBy,
    origin: 'center' as const,
    relativeTo: item.parentId === null ? ('canvas_center' as const) : ('parent_top_left' as const),
  };
}

/** Copy the data fields (not the methods) of a fresh view onto the caller's object. */
function refresh(target: object, fresh: object): void {
  for (const [key, value] of Object.entries(fresh)) {
    if (typeof value !== 'function') Reflect.set(target, key, value);
  }
}

function syncWith<V extends object>(
  view: V,
  ctx: SdkContext,
  next: () => LocalItem,
): () => Promise<void> {
  return () =>
    ctx.call('sync', () => {
      const item = next();
      ctx.store.replace(item, ctx.origin);
      refresh(view, toSdkItem(item, ctx));
    });
}

/**
 * The connection behind a view made from a shared prototype (below). Kept outside the object, so
 * its own enumerable fields are Miro's data fields only, as on the platform's item classes.
 */
const contextOf = new WeakMap<object, SdkContext>();

/**
 * The methods of one item type, shared by every view of that type (Miro's SDK hands out class
 * instances, whose methods live on the prototype). Notes, shapes and texts are most of a board:
 * a list of thousands then makes no closures per item. `next` is what `sync()` stores.
 */
function viewPrototype<V extends { id: string }>(
  next: (view: V, ctx: SdkContext) => LocalItem,
): object {
  const ctxOf = (view: object): SdkContext => {
    const ctx = contextOf.get(view);
    if (!ctx) throw sdkError('This object was not handed out by the SDK');
    return ctx;
  };
  return {
    getMetadata(this: V, key?: string) {
      return metadataMethods(this.id, ctxOf(this)).getMetadata(key as string);
    },
    setMetadata(this: V, key: string, value: unknown) {
      return metadataMethods(this.id, ctxOf(this)).setMetadata(key, value as never);
    },
    sync(this: V) {
      const ctx = ctxOf(this);
      // The fields as they are when sync() is called: Miro's SDK sends the item with the call
      // (the docs do not say when it reads it; this is the strictest reading), so a change made
      // while the call is on its way does not ride along.
      const sent = structuredClone({ ...this });
      return syncWith(this, ctx, () => next(sent, ctx))();
    },
  };
}

/** A view of `proto` with `fields` as its own data fields, tied to the connection `ctx`. */
function viewOf<V>(proto: object, fields: object, ctx: SdkContext): V {
  const view = Object.assign(Object.create(proto) as object, fields);
  contextOf.set(view, ctx);
  return view as V;
}

const STICKY_PROTO = viewPrototype<SdkStickyNote>((view, ctx) =>
  syncedStickyNote(
    liveOfType(ctx.store, view.id, 'sticky_note'),
    {
      x: view.x,
      y: view.y,
      width: view.width,
      height: view.height,
      shape: view.shape,
      content: view.content,
      fillColor: view.style.fillColor,
      tagIds: view.tagIds,
    },
    (id) => ctx.store.tag(id) !== undefined,
  ),
);

export function stickyView(item: LocalStickyNote, ctx: SdkContext): SdkStickyNote {
  return viewOf<SdkStickyNote>(
    STICKY_PROTO,
    {
      ...common(item),
      type: 'sticky_note',
      width: item.width,
      height: item.height,
      shape: item.shape,
      content: item.content,
      style: { fillColor: item.fillColor, textAlign: 'center', textAlignVertical: 'middle' },
      tagIds: [...item.tagIds],
    },
    ctx,
  );
}

const SHAPE_PROTO = viewPrototype<SdkShape>((view, ctx) =>
  syncedShape(liveOfType(ctx.store, view.id, 'shape'), {
    x: view.x,
    y: view.y,
    width: view.width,
    height: view.height,
    shape: view.shape,
    content: view.content,
    style: view.style,
  }),
);

export function shapeView(item: LocalShape, ctx: SdkContext): SdkShape {
  return viewOf<SdkShape>(
    SHAPE_PROTO,
    {
      ...common(item),
      type: 'shape',
      width: item.width,
      height: item.height,
      shape: item.shape as SdkShape['shape'],
      content: item.content,
      style: {
        fillColor: item.style.fillColor,
        fillOpacity: item.style.fillOpacity ?? 1,
        borderColor: item.style.borderColor,
        borderWidth: item.style.borderWidth,
        borderOpacity: 1,
        borderStyle: 'normal',
        color: item.style.color,
        fontSize: item.style.fontSize,
        fontFamily: 'open_sans',
        textAlign: item.style.textAlign,
        textAlignVertical: 'middle',
      },
    },
    ctx,
  );
}

const TEXT_PROTO = viewPrototype<SdkText>((view, ctx) =>
  syncedText(liveOfType(ctx.store, view.id, 'text'), {
    x: view.x,
    y: view.y,
    width: view.width,
    height: view.height,
    content: view.content,
    style: view.style,
  }),
);

export function textView(item: LocalText, ctx: SdkContext): SdkText {
  return viewOf<SdkText>(
    TEXT_PROTO,
    {
      ...common(item),
      type: 'text',
      width: item.width,
      height: item.height,
      content: item.content,
      style: {
        color: item.style.color,
        fontSize: item.style.fontSize,
        fillColor: 'transparent',
        fillOpacity: 1,
        fontFamily: 'open_sans',
        textAlign: 'left',
      },
    },
    ctx,
  );
}

export function frameView(item: LocalFrame, ctx: SdkContext): SdkFrame {
  const { store } = ctx;
  const getChildren = (): Promise<SdkItem[]> =>
    ctx.call('frame.getChildren', () =>
      store.children(liveOfType(store, item.id, 'frame').id).map((c) => toSdkItem(c, ctx)),
    );
  const view: SdkFrame = {
    ...common(item),
    type: 'frame',
    width: item.width,
    height: item.height,
    title: item.title,
    style: { fillColor: item.fillColor },
    childrenIds: [...item.childrenIds],
    // Miro types this with its own item classes; the local objects have the same fields.
    getChildren: getChildren as unknown as SdkFrame['getChildren'],
    add: (child: SdkItem) =>
      ctx.call('frame.add', () => {
        liveOfType(store, item.id, 'frame');
        liveItem(store, child.id);
        const moved = store.setParent(child.id, item.id, ctx.origin);
        refresh(child, toSdkItem(moved, ctx));
        refresh(view, toSdkItem(liveItem(store, item.id), ctx));
        return child;
      }),
    remove: (child: SdkItem) =>
      ctx.call('frame.remove', () => {
        liveOfType(store, item.id, 'frame');
        if (liveItem(store, child.id).parentId !== item.id) {
          throw sdkError(`Item '${child.id}' is not a child of frame '${item.id}'`);
        }
        const moved = store.setParent(child.id, null, ctx.origin);
        refresh(child, toSdkItem(moved, ctx));
        refresh(view, toSdkItem(liveItem(store, item.id), ctx));
      }),
    ...metadataMethods(item.id, ctx),
    sync: () => Promise.resolve(),
  };
  view.sync = syncWith(view, ctx, () => {
    const next = syncedFrame(liveOfType(store, item.id, 'frame'), {
      x: view.x,
      y: view.y,
      width: view.width,
      height: view.height,
      title: view.title,
      fillColor: view.style.fillColor,
    });
    store.checkFrameFits(next);
    return next;
  });
  return view;
}

/** Items the SDK does not model: type as stored, position and size only. */
function unsupportedView(item: LocalUnsupported, ctx: SdkContext): SdkOtherItem {
  const view = {
    ...common(item),
    type: item.type,
    width: item.width,
    height: item.height,
    ...metadataMethods(item.id, ctx),
    sync: () => Promise.resolve(),
  };
  view.sync = syncWith(view, ctx, () => {
    // Miro's "Unsupported" reference: apps may read and update x and y of unsupported items;
    // its CRUD table lists emoji and strokes as not updatable. The double takes the strictest
    // reading: emoji and drawings refuse any change, other unsupported items move only.
    const type: LocalUnsupported['type'] = item.type;
    if (type === 'emoji' || type === 'drawing')
      throw invalidParam('x', `a ${type} cannot be changed by apps`);
    const live: LocalUnsupported = liveOfType(ctx.store, item.id, item.type);
    return {
      ...live,
      x: finiteNumber('x', view.x),
      y: finiteNumber('y', view.y),
    };
  });
  return view;
}

/** A connector as the SDK hands it out: no x, y of its own (`Connector` in the SDK types). */
export function connectorView(item: LocalConnector, ctx: SdkContext): SdkConnector {
  const view = {
    id: item.id,
    type: 'connector' as const,
    parentId: item.parentId,
    createdBy: item.createdBy,
    origin: 'center' as const,
    relativeTo: 'canvas_center' as const,
    width: item.width,
    height: item.height,
    shape: item.shape,
    start: structuredClone(item.start),
    end: structuredClone(item.end),
    style: { ...item.style } as SdkConnector['style'],
    ...metadataMethods(item.id, ctx),
    sync: () => Promise.resolve(),
  };
  view.sync = syncWith(view, ctx, () =>
    syncedConnector(
      liveOfType(ctx.store, item.id, 'connector'),
      { shape: view.shape, start: view.start, end: view.end, style: view.style },
      (id) => ctx.store.item(id)?.type,
    ),
  );
  return view;
}

export function toSdkItem(item: LocalItem, ctx: SdkContext): SdkItem {
  switch (item.type) {
    case 'connector':
      return connectorView(item, ctx);
    case 'sticky_note':
      return stickyView(item, ctx);
    case 'shape':
      return shapeView(item, ctx);
    case 'text':
      return textView(item, ctx);
    case 'frame':
      return frameView(item, ctx);
    default:
      return unsupportedView(item, ctx);
  }
}

export function toSdkTag(tag: LocalTag, ctx: SdkContext): SdkTag {
  const view: SdkTag = {
    id: tag.id,
    type: 'tag',
    title: tag.title,
    color: tag.color as TagColorName,
    sync: () =>
      ctx.call('sync', () => {
        const old = ctx.store.tag(tag.id);
        if (!old) throw sdkError(`Tag '${tag.id}' no longer exists on the board (it was removed)`);
        const next = syncedTag(old, { title: view.title, color: view.color }, ctx.store.tags());
        ctx.store.putTag(next);
        view.title = next.title;
        view.color = next.color as TagColorName;
      }),
  };
  return view;
}
