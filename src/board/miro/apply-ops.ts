/**
 * `Board.apply` on Miro: WriteOps → SDK calls, planned as write-queue tasks with dependencies.
 *
 * Calls per op, with nothing redundant: a create is one call (+ `frame.add` when it has a parent,
 * + `setMetadata` when it carries a marker); an update, a tag change, a remove and a rename are
 * one call each after the batch's shared reads. Shared reads: the tag list when the adapter has
 * not read it yet and the batch touches tags, and the existing items the batch changes, fetched
 * 50 ids per call.
 */
import { errorMessage } from '../../domain/common';
import type { PaletteColor, Rect } from '../../domain/board/board-item';
import { ellipsis, OpError, runBatch, type BatchPlugin, type PlanContext } from '../batch-engine';
import type { BatchOptions, BatchResult, CreateSpec, WriteOp } from '../port';
import { isRetryableError, type WriteQueue } from '../write-queue';
import { centreToRect, rectToCentre, type CentreGeometry } from './coordinates';
import { textToHtml } from '../html-text';
import { fromItemMarker, MARKER_KEY, markerSizeError } from './item-marker';
import {
  isFrame,
  isShape,
  isStickyNote,
  isText,
  type MiroSdk,
  type SdkEntity,
  type SdkFrame,
  type SdkItem,
  type SdkOtherItem,
  type SdkShape,
  type SdkStickyNote,
  type SdkTag,
  type SdkText,
  MIRO_TAG_COLORS,
} from './sdk';
import { MIRO_LIMITS } from './limits';
import { toCentreGeometry } from './to-board-item';
import { createMiroBatch } from './miro-batch';

export const TAG_COLORS = MIRO_TAG_COLORS;
export type TagColor = (typeof TAG_COLORS)[number];
const isTagColor = (value: string): value is TagColor =>
  (TAG_COLORS as readonly string[]).includes(value);

export interface ApplyEnv {
  sdk: MiroSdk;
  queue: WriteQueue;
  /** Keep the adapter's frame cache current with frames this batch created or moved. */
  rememberFrame(id: string, geometry: CentreGeometry | null): void;
  /** An item this batch removed. */
  forget(id: string): void;
  /** Items this batch created (their SDK objects serve `zoomTo` without another read). */
  rememberCreated(item: SdkItem): void;
  /**
   * The board's tags as last read by the adapter, or undefined when never read. A fresh list
   * saves the batch a read; a stale one is caught when Miro refuses a duplicate title.
   */
  knownTags(): readonly SdkTag[] | undefined;
  /** Read the tag list (and refresh the adapter's cache). */
  loadTags(): Promise<readonly SdkTag[]>;
  /** A tag this batch created or renamed. */
  rememberTag(tag: SdkTag): void;
}

export function tagTitleError(title: string): string | null {
  if (title.trim() === '') return 'A tag title cannot be empty.';
  if (title.length > MIRO_LIMITS.tagTitleLength) {
    return `Tag title "${ellipsis(title)}" has ${title.length} characters; Miro allows at most ${MIRO_LIMITS.tagTitleLength}.`;
  }
  return null;
}

/** Miro sticky notes are square (199 × 228) or rectangle (350 × 228); pick by the asked ratio. */
const stickyShape = (rect: Rect): 'square' | 'rectangle' =>
  rect.w / rect.h >= 1.2 ? 'rectangle' : 'square';

/** Miro's checks that need no call (the engine made the shared ones): a bad op fails alone. */
function validate(op: WriteOp): string | null {
  switch (op.op) {
    case 'create': {
      if (op.meta) {
        const sizeError = markerSizeError(op.meta);
        if (sizeError) return sizeError;
      }
      if (op.item.kind !== 'frame') {
        const length = textToHtml(op.item.text).length;
        if (length >= MIRO_LIMITS.contentLength) {
          return `The text is too long: ${length} characters as HTML; Miro keeps under ${MIRO_LIMITS.contentLength}.`;
        }
      }
      if (op.item.kind === 'note') {
        const tags = [...new Set(op.item.tags ?? [])];
        if (tags.length > MIRO_LIMITS.tagsPerItem) {
          return `A sticky note can carry at most ${MIRO_LIMITS.tagsPerItem} tags; this one asks for ${tags.length}.`;
        }
        for (const title of tags) {
          const error = tagTitleError(title);
          if (error) return error;
        }
      }
      return null;
    }
    case 'tag':
      for (const title of op.add ?? []) {
        const error = tagTitleError(title);
        if (error) return error;
      }
      return null;
    case 'ensureTag':
      if (op.color !== undefined && !isTagColor(op.color)) {
        return `"${op.color}" is not a Miro tag colour (${TAG_COLORS.join(', ')}).`;
      }
      return tagTitleError(op.title);
    case 'renameTag':
      return tagTitleError(op.to) ?? tagTitleError(op.from);
    case 'update':
    case 'remove':
    case 'connect':
      return null;
  }
}

/** Sets only the given style fields: the SDK treats a present `undefined` as a value. */
function pick<T extends object>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  return out;
}

function createItem(board: MiroSdk['board'], spec: CreateSpec, tagIds: string[]): Promise<SdkItem> {
  const { x, y } = rectToCentre(spec.rect);
  switch (spec.kind) {
    case 'frame':
      return board.createFrame({
        title: spec.title,
        x,
        y,
        width: spec.rect.w,
        height: spec.rect.h,
        ...(spec.fill === undefined ? {} : { style: { fillColor: spec.fill } }),
      });
    case 'shape':
      return board.createShape({
        shape: spec.rounded ? 'round_rectangle' : 'rectangle',
        content: textToHtml(spec.text),
        x,
        y,
        width: spec.rect.w,
        height: spec.rect.h,
        style: pick({
          fillColor: spec.fill,
          borderColor: spec.border,
          fontSize: spec.fontSize,
          color: spec.textColor,
          textAlign: spec.align,
        }),
      });
    case 'text':
      return board.createText({
        content: textToHtml(spec.text),
        x,
        y,
        width: spec.rect.w,
        style: pick({ fontSize: spec.fontSize, color: spec.textColor }),
      });
    case 'note':
      return board.createStickyNote({
        content: textToHtml(spec.text),
        x,
        y,
        // Miro takes width or height, never both; the other follows the shape's ratio.
        width: spec.rect.w,
        shape: stickyShape(spec.rect),
        style: { fillColor: spec.color },
        ...(tagIds.length > 0 ? { tagIds } : {}),
      });
  }
}

type EditableItem = SdkStickyNote | SdkShape | SdkText | SdkFrame;
const isEditable = (item: SdkEntity): item is EditableItem =>
  isStickyNote(item) || isShape(item) || isText(item) || isFrame(item);

/**
 * Items the SDK does not model whose position an app may change. Miro's "Unsupported" reference:
 * the Web SDK supports "reading and updating x and y coordinates of unsupported items"; its CRUD
 * table lists emoji (and strokes) as not updatable, so the strictest reading moves only the rest
 * (stamps), position only.
 */
const FIXED_TYPES = new Set(['emoji', 'stroke', 'drawing']);
type MovableOther = SdkOtherItem & {
  x: number;
  y: number;
  width: number;
  height: number;
  parentId?: string | null;
  sync(): Promise<void>;
};
function isMovableOther(item: SdkEntity): item is MovableOther {
  if (isEditable(item) || FIXED_TYPES.has(item.type)) return false;
  const o = item as Partial<MovableOther>;
  return (
    typeof o.x === 'number' &&
    typeof o.y === 'number' &&
    typeof o.width === 'number' &&
    typeof o.sync === 'function' &&
    !('title' in item && 'color' in item) // a tag
  );
}

async function moveOther(
  item: MovableOther,
  patch: (WriteOp & { op: 'update' })['patch'],
  frameTopLeft: (frameId: string) => Promise<{ x: number; y: number }>,
): Promise<void> {
  if (patch.text !== undefined || patch.color !== undefined || patch.fill !== undefined)
    throw new OpError(`A ${item.type} can only be moved through the SDK.`);
  if (!patch.rect) return;
  const parentId = item.parentId ?? null;
  const origin = parentId === null ? { x: 0, y: 0 } : await frameTopLeft(parentId);
  const left = origin.x + item.x - item.width / 2;
  const top = origin.y + item.y - item.height / 2;
  item.x = (patch.rect.x ?? left) + item.width / 2 - origin.x;
  item.y = (patch.rect.y ?? top) + item.height / 2 - origin.y;
  await item.sync();
}

const isNotFound = (error: unknown): boolean => /not found/i.test(errorMessage(error));

export async function applyOps(
  env: ApplyEnv,
  ops: readonly WriteOp[],
  options: BatchOptions = {},
): Promise<BatchResult> {
  return runBatch(env.queue, ops, createMiroPlugin(env), options);
}

/** The Miro plug-in of the batch engine: ops → SDK calls as queue tasks. */
function createMiroPlugin(env: ApplyEnv): BatchPlugin {
  return { validate, plan: (live, ctx) => planMiro(env, live, ctx) };
}

function planMiro(
  env: ApplyEnv,
  live: readonly { op: WriteOp; i: number }[],
  ctx: PlanContext,
): void {
  const batch = createMiroBatch(env, live, ctx);
  const { refs } = ctx;

  for (const { op, i } of live) {
    switch (op.op) {
      case 'connect': {
        const key = `connect:${i}`;
        const ends = [op.from, op.to];
        const endKeys = ends.map((end) =>
          'ref' in end ? `create:${refs.get(end.ref)}` : batch.fetchKey.get(end.id)!,
        );
        const endId = (end: (typeof ends)[number]): string => {
          if ('id' in end) return batch.fetchedItem(end.id).id;
          const item = batch.created.get(end.ref);
          if (!item) throw new OpError(`The item "${end.ref}" to join was not created.`);
          return item.id;
        };
        let attempts = 0;
        ctx.need(i, ...endKeys);
        ctx.task(
          {
            key,
            deps: [...new Set(endKeys)],
            run: async () => {
              attempts += 1;
              const [from, to] = [endId(op.from), endId(op.to)];
              const earlier = attempts > 1 ? await batch.findEarlierLine(from, to) : undefined;
              // Web SDK reference "Connector": both ends name an item (no loose or dangling
              // connectors) and give either a position or snapTo, never both.
              const line =
                earlier ??
                (await batch.board.createConnector({
                  shape: 'straight',
                  start: { item: from, snapTo: 'auto' },
                  end: { item: to, snapTo: 'auto' },
                  style: {
                    strokeColor: op.style.color,
                    strokeWidth: op.style.width,
                    strokeStyle: op.style.dashed ? 'dashed' : 'normal',
                    startStrokeCap: 'none',
                    endStrokeCap: 'none',
                  },
                }));
              batch.adopted.add(line.id);
              ctx.created(op.ref, line.id);
            },
          },
          [i],
        );
        break;
      }
      case 'create': {
        const spec = op.item;
        const tagTitles = spec.kind === 'note' ? [...new Set(spec.tags ?? [])] : [];
        const tagKeys = tagTitles.map(batch.ensureTask);
        const createKey = `create:${i}`;
        let attempts = 0;
        ctx.task(
          {
            key: createKey,
            deps: tagKeys,
            run: async () => {
              attempts += 1;
              const earlier = attempts > 1 ? await batch.findEarlierAttempt(spec) : undefined;
              const item =
                earlier ?? (await createItem(batch.board, spec, tagTitles.map(batch.tagId)));
              batch.adopted.add(item.id);
              if (isFrame(item))
                env.rememberFrame(item.id, op.parent ? null : toCentreGeometry(item));
              batch.created.set(op.ref, item);
              ctx.created(op.ref, item.id);
              env.rememberCreated(item);
            },
          },
          [i],
        );
        ctx.need(i, ...tagKeys);
        if (op.parent) {
          const parent = op.parent;
          const parentKey =
            'ref' in parent ? `create:${refs.get(parent.ref)}` : batch.fetchKey.get(parent.id)!;
          ctx.need(i, parentKey);
          ctx.task(
            {
              key: `add:${i}`,
              deps: [createKey, parentKey],
              run: async () => {
                const frame =
                  'ref' in parent ? batch.created.get(parent.ref) : batch.fetchedItem(parent.id);
                const child = batch.created.get(op.ref);
                if (!frame || !isFrame(frame))
                  throw new OpError(`The parent ${JSON.stringify(parent)} is not a frame.`);
                if (!child) throw new OpError('The item to put in the frame was not created.');
                // Adding a child twice is harmless: a retry after a lost answer just repeats it.
                await frame.add(child);
              },
            },
            [i],
          );
        }
        if (op.meta) {
          const value = fromItemMarker(op.meta);
          ctx.task(
            {
              key: `meta:${i}`,
              deps: [createKey],
              run: async () => {
                const item = batch.created.get(op.ref);
                if (!item || !('setMetadata' in item))
                  throw new OpError('The item to mark was not created.');
                await item.setMetadata(MARKER_KEY, value);
              },
            },
            [i],
          );
        }
        break;
      }
      case 'update': {
        const key = `update:${i}`;
        const fetchK = batch.fetchKey.get(op.id)!;
        ctx.need(i, fetchK);
        ctx.task(
          {
            key,
            deps: [fetchK, ...batch.after(op.id, key)],
            run: async () => {
              const item = batch.fetchedItem(op.id);
              if (isMovableOther(item)) {
                await moveOther(item, op.patch, batch.frameTopLeft);
                return;
              }
              if (!isEditable(item))
                throw new OpError(`A ${item.type} cannot be changed through the SDK.`);
              await updateItem(item, op.patch, batch.frameTopLeft, batch.leaveFrame);
              if (isFrame(item)) env.rememberFrame(item.id, toCentreGeometry(item));
            },
          },
          [i],
        );
        break;
      }
      case 'remove': {
        const key = `remove:${i}`;
        const fetchK = batch.fetchKey.get(op.id)!;
        ctx.need(i, fetchK);
        ctx.task(
          {
            key,
            deps: [fetchK, ...batch.after(op.id, key)],
            run: async () => {
              const entity = batch.fetched.get(op.id);
              // Already gone is what the op asked for: removing stays idempotent for re-runs,
              // and for a retry after a remove whose answer was lost.
              if (!entity) return;
              try {
                await batch.board.remove(entity);
              } catch (error) {
                if (!isNotFound(error)) throw error;
              }
              env.forget(entity.id);
            },
          },
          [i],
        );
        break;
      }
      case 'tag': {
        const key = `tagItem:${i}`;
        const checkKey = `tagCheck:${i}`;
        const fetchK = batch.fetchKey.get(op.id)!;
        const add = [...new Set(op.add ?? [])];
        const remove = new Set(op.remove ?? []);
        const tagKeys = add.map(batch.ensureTask);
        const deps = [
          'tags',
          fetchK,
          ...tagKeys,
          ...batch.renameKeys,
          ...batch.after(op.id, checkKey),
        ];
        ctx.need(i, 'tags', fetchK, ...tagKeys);
        const removeIds = (): Set<string> =>
          new Set([...remove].flatMap((t) => batch.tagsByTitle.get(t)?.id ?? []));
        const holds = (tagIds: readonly string[]): boolean => {
          const gone = removeIds();
          return (
            add.every((t) => tagIds.includes(batch.tagId(t))) && !tagIds.some((id) => gone.has(id))
          );
        };
        /** Merges this op into the note's tags and writes them; false when they already hold. */
        const write = async (note: SdkStickyNote): Promise<boolean> => {
          const gone = removeIds();
          const next = [
            ...new Set([...note.tagIds.filter((id) => !gone.has(id)), ...add.map(batch.tagId)]),
          ];
          if (next.length > MIRO_LIMITS.tagsPerItem) {
            throw new OpError(
              `A sticky note can carry at most ${MIRO_LIMITS.tagsPerItem} tags; this one would have ${next.length}.`,
            );
          }
          if (next.length === note.tagIds.length && next.every((id) => note.tagIds.includes(id)))
            return false;
          note.tagIds = next;
          const started = Date.now();
          await note.sync();
          roundTrip = Date.now() - started;
          return true;
        };
        // Miro replaces the whole tag list on sync: a participant who tagged the note between
        // our read and our write would lose their tag, or we ours. So the write is checked: a
        // write that crossed ours (read before ours landed) lands within about a round trip, so
        // the check reads the note two of our round trips later, without holding a slot
        // meanwhile, and merges again until our change holds on top of theirs.
        let roundTrip = 0;
        let wrote = false;
        let attempts = 0;
        ctx.task(
          {
            key,
            deps: [...new Set(deps)],
            run: async () => {
              attempts += 1;
              let item = batch.fetchedItem(op.id);
              if (attempts > 1) {
                // Read again: another participant may have tagged the note meanwhile.
                const [fresh] = await batch.board.get({ id: op.id });
                if (fresh) item = fresh;
              }
              if (!isStickyNote(item))
                throw new OpError(`Only sticky notes carry tags here, not a ${item.type}.`);
              const knownIds = new Set([...batch.tagsByTitle.values()].map((t) => t.id));
              const stale = item.tagIds.some((id) => !knownIds.has(id));
              if (stale && [...remove].some((t) => !batch.tagsByTitle.has(t))) {
                // The note carries a tag made after the list was read; it may be one to remove.
                for (const tag of await env.loadTags()) {
                  if (!batch.tagsByTitle.has(tag.title)) batch.tagsByTitle.set(tag.title, tag);
                }
              }
              wrote = await write(item);
            },
          },
          [i],
        );
        ctx.task(
          {
            key: checkKey,
            deps: [key],
            // At least a tick, even at no latency: the crossing write is already on its way.
            delayMs: () => (wrote ? Math.max(1, 2 * roundTrip) : 0),
            run: async () => {
              if (!wrote) return;
              for (let round = 0; ; round += 1) {
                const [now] = await batch.board.get({ id: op.id });
                if (!now || !isStickyNote(now) || holds(now.tagIds) || round >= 3) return;
                if (!(await write(now))) return;
                await new Promise((resolve) => setTimeout(resolve, 2 * roundTrip));
              }
            },
          },
          [i],
        );
        break;
      }
      case 'ensureTag': {
        ctx.need(i, 'tags', batch.ensureTask(op.title));
        break;
      }
      case 'renameTag': {
        const key = `rename:${i}`;
        ctx.need(i, 'tags');
        ctx.task(
          {
            key,
            deps: ['tags', ...batch.ensureKeys.values(), ...batch.renameKeys],
            run: async () => {
              let tag = batch.tagsByTitle.get(op.from);
              if (!tag) {
                // A retry after a rename whose answer was lost finds it done.
                const renamed = batch.tagsByTitle.get(op.to);
                if (renamed) return;
                throw new OpError(`No tag titled "${ellipsis(op.from)}" on this board.`);
              }
              if (op.from === op.to) return;
              if (batch.tagsByTitle.has(op.to)) {
                throw new OpError(
                  `A tag titled "${ellipsis(op.to)}" already exists; Miro tag titles are unique.`,
                );
              }
              tag.title = op.to;
              try {
                await tag.sync();
              } catch (error) {
                // The object may be the adapter's cached tag: keep it true to the board, and
                // learn whether the rename took effect before its answer was lost.
                tag.title = op.from;
                if (!isRetryableError(error)) throw error;
                const fresh = (await env.loadTags()).find((t) => t.id === tag!.id);
                if (fresh?.title !== op.to) throw error;
                tag = fresh;
              }
              batch.tagsByTitle.delete(op.from);
              batch.tagsByTitle.set(op.to, tag);
              env.rememberTag(tag);
            },
          },
          [i],
        );
        batch.renameKeys.push(key);
        break;
      }
    }
  }
}

/** Applies a patch to the SDK object and syncs it. */
async function updateItem(
  item: EditableItem,
  patch: (WriteOp & { op: 'update' })['patch'],
  frameTopLeft: (frameId: string) => Promise<{ x: number; y: number }>,
  leaveFrame: (
    item: SdkStickyNote,
    frameId: string,
    centre: { x: number; y: number },
  ) => Promise<boolean>,
): Promise<void> {
  if (patch.text !== undefined) {
    if (isFrame(item)) item.title = patch.text;
    else item.content = textToHtml(patch.text);
  }
  if (patch.color !== undefined) {
    if (!isStickyNote(item))
      throw new OpError(`Only sticky notes take a palette colour, not a ${item.type}.`);
    item.style.fillColor = patch.color satisfies PaletteColor;
  }
  if (patch.fill !== undefined) {
    if (isShape(item) || isFrame(item)) item.style.fillColor = patch.fill;
    else throw new OpError(`Only shapes and frames take a fill, not a ${item.type}.`);
  }
  if (patch.rect !== undefined) {
    const geometry = toCentreGeometry(item);
    let origin =
      geometry.parentId === null ? { x: 0, y: 0 } : await frameTopLeft(geometry.parentId);
    const current = centreToRect({
      ...geometry,
      x: origin.x + geometry.x,
      y: origin.y + geometry.y,
    });
    const size = { w: current.w, h: current.h };
    // Sizes change where Miro allows: notes by width (height follows), text by width,
    // frames both; shapes are fixed after creation.
    if (isStickyNote(item) && patch.rect.w !== undefined) {
      size.w = patch.rect.w;
      size.h = (current.h * patch.rect.w) / current.w;
      item.width = patch.rect.w;
    } else if (isStickyNote(item) && patch.rect.h !== undefined) {
      size.h = patch.rect.h;
      size.w = (current.w * patch.rect.h) / current.h;
      item.height = patch.rect.h;
    } else if (isText(item) && patch.rect.w !== undefined) {
      size.w = patch.rect.w;
      item.width = patch.rect.w;
    } else if (isFrame(item)) {
      size.w = patch.rect.w ?? size.w;
      size.h = patch.rect.h ?? size.h;
      item.width = size.w;
      item.height = size.h;
    }
    // A text's height is Miro's own: centre it on the asked rect, as a create of that rect
    // does, so a repair converges on the first run. Other items keep the asked top-left.
    const asked = isText(item) && patch.rect.h !== undefined ? patch.rect.h : size.h;
    const centre = {
      x: (patch.rect.x ?? current.x) + size.w / 2,
      y: (patch.rect.y ?? current.y) + asked / 2,
    };
    if (
      isStickyNote(item) &&
      geometry.parentId !== null &&
      (await leaveFrame(item, geometry.parentId, centre))
    )
      origin = { x: 0, y: 0 };
    item.x = centre.x - origin.x;
    item.y = centre.y - origin.y;
  }
  await item.sync();
}
