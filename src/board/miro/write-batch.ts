/**
 * One `apply` batch on Miro: what its tasks learn as they run (the items it created, fetched or
 * adopted, the board's tags by title, frame geometry) and the helpers over it that the op
 * planners (`plan-*.ts`) share. Creating the batch adds its shared reads: the tag list when the
 * batch touches tags, and the existing items it changes or places into, 50 ids per call.
 */
import { errorMessage } from '../../domain/common';
import { ellipsis, OpError, touchesTags, type PlanContext } from '../batch-engine';
import type { CreateSpec, WriteOp } from '../port';
import { isRetryableError } from '../retry-policy';
import type { ApplyEnv, TagColor } from './apply-ops';
import { rectToCentre, type CentreGeometry } from './coordinates';
import { textToHtml } from '../html-text';
import {
  isConnector,
  isFrame,
  isShape,
  isStickyNote,
  isTag,
  isText,
  type MiroSdk,
  type SdkEntity,
  type SdkItem,
  type SdkStickyNote,
  type SdkTag,
} from './sdk';
import { MIRO_LIMITS } from './limits';
import { toCentreGeometry } from './to-board-item';

const FETCH_CHUNK = 50;

/** The props a create sends, compared by a retry that looks for an earlier attempt's item. */
function createdLike(item: SdkItem, spec: CreateSpec): boolean {
  const geometry = toCentreGeometry(item);
  if (geometry.parentId !== null) return false;
  const { x, y } = rectToCentre(spec.rect);
  if (Math.abs(geometry.x - x) > 0.5 || Math.abs(geometry.y - y) > 0.5) return false;
  switch (spec.kind) {
    case 'frame':
      return isFrame(item) && item.title === spec.title;
    case 'shape':
      return isShape(item) && item.content === textToHtml(spec.text);
    case 'text':
      return isText(item) && item.content === textToHtml(spec.text);
    case 'note':
      return isStickyNote(item) && item.content === textToHtml(spec.text);
  }
}

const SDK_TYPE: Record<CreateSpec['kind'], string> = {
  frame: 'frame',
  shape: 'shape',
  text: 'text',
  note: 'sticky_note',
};

/** The write op of kind `K`, as its planner takes it. */
export type OpOf<K extends WriteOp['op']> = WriteOp & { op: K };

/** A batch's state, filled as its tasks run, and the helpers the op planners share. */
export interface WriteBatch {
  readonly env: ApplyEnv;
  readonly board: MiroSdk['board'];
  readonly ctx: PlanContext;
  /** Items this batch created, by ref. */
  readonly created: Map<string, SdkItem>;
  /** Items this batch made or adopted: a retry never adopts them again. */
  readonly adopted: Set<string>;
  /** Existing items the batch fetched, by id. */
  readonly fetched: ReadonlyMap<string, SdkEntity>;
  /** The key of the task that fetches each existing item. */
  readonly fetchKey: ReadonlyMap<string, string>;
  readonly tagsByTitle: Map<string, SdkTag>;
  /** The task that finds or creates each tag title. */
  readonly ensureKeys: ReadonlyMap<string, string>;
  /** The rename tasks planned so far: later tag tasks wait for them. */
  readonly renameKeys: string[];
  /** An existing item the batch fetched; an OpError saying why when it was not found. */
  fetchedItem(id: string): SdkEntity;
  /** The key of the one task that finds or creates the tag titled `title`. */
  ensureTask(title: string): string;
  /** The id of a tag the batch found or created. */
  tagId(title: string): string;
  frameTopLeft(frameId: string, depth?: number): Promise<{ x: number; y: number }>;
  leaveFrame(
    item: SdkStickyNote,
    frameId: string,
    centre: { x: number; y: number },
  ): Promise<boolean>;
  /** The task `key` on the existing item `id` waits for: the op before it on that item. */
  after(id: string, key: string): string[];
  /** Adds op `i`'s task `key` on the existing item `id`, after its fetch and earlier ops on it. */
  itemTask(i: number, id: string, key: string, run: () => Promise<void>): void;
  findEarlierAttempt(spec: CreateSpec): Promise<SdkItem | undefined>;
  findEarlierLine(from: string, to: string): Promise<SdkItem | undefined>;
}

export function createWriteBatch(
  env: ApplyEnv,
  live: readonly { op: WriteOp; i: number }[],
  ctx: PlanContext,
): WriteBatch {
  const board = env.sdk.board;
  // --- batch state, filled as tasks run -------------------------------------------------------
  const created = new Map<string, SdkItem>();
  /** Items a retried create adopted: never adopted twice. */
  const adopted = new Set<string>();
  const fetched = new Map<string, SdkEntity>();
  const fetchErrors = new Map<string, string>();
  const tagsByTitle = new Map<string, SdkTag>();
  let tagsReserved = 0;
  const frameGeometry = new Map<string, Promise<CentreGeometry | undefined>>();

  if (touchesTags(live)) {
    ctx.task(
      {
        key: 'tags',
        calls: env.knownTags() === undefined ? 1 : 0,
        run: async () => {
          const all = env.knownTags() ?? (await env.loadTags());
          for (const tag of all) tagsByTitle.set(tag.title, tag);
        },
      },
      [],
    );
  }

  // Existing items the batch changes or places into, fetched in chunks.
  const fetchKey = new Map<string, string>();
  const toFetch: string[] = [];
  for (const { op } of live) {
    const ids =
      op.op === 'update' || op.op === 'remove' || op.op === 'tag'
        ? [op.id]
        : op.op === 'create' && op.parent && 'id' in op.parent
          ? [op.parent.id]
          : op.op === 'connect'
            ? [op.from, op.to].flatMap((end) => ('id' in end ? [end.id] : []))
            : [];
    for (const id of ids) if (!toFetch.includes(id)) toFetch.push(id);
  }
  for (let start = 0; start < toFetch.length; start += FETCH_CHUNK) {
    const chunk = toFetch.slice(start, start + FETCH_CHUNK);
    const key = `fetch:${start / FETCH_CHUNK}`;
    for (const id of chunk) fetchKey.set(id, key);
    ctx.task(
      {
        key,
        run: async () => {
          try {
            for (const entity of await board.get({ id: chunk })) fetched.set(entity.id, entity);
            return;
          } catch (error) {
            if (isRetryableError(error)) throw error;
          }
          // An unknown id fails the whole call: look the ids up one by one to tell which.
          for (const id of chunk) {
            try {
              const [entity] = await board.get({ id });
              if (entity) fetched.set(id, entity);
            } catch (error) {
              if (isRetryableError(error)) throw error;
              fetchErrors.set(id, errorMessage(error));
            }
          }
        },
      },
      [],
    );
  }
  const fetchedItem = (id: string): SdkEntity => {
    const entity = fetched.get(id);
    if (!entity || isTag(entity))
      throw new OpError(fetchErrors.get(id) ?? `Item ${id} was not found on the board.`);
    return entity;
  };

  // Tag titles → one task each that finds or creates the tag.
  const explicitColor = new Map<string, string | undefined>();
  for (const { op } of live) {
    if (op.op === 'ensureTag' && !explicitColor.has(op.title))
      explicitColor.set(op.title, op.color);
  }
  const ensureKeys = new Map<string, string>();
  const renameKeys: string[] = [];
  const ensureTask = (title: string): string => {
    const existing = ensureKeys.get(title);
    if (existing) return existing;
    const key = `tag:${title}`;
    ensureKeys.set(title, key);
    const color = explicitColor.get(title);
    let attempts = 0;
    ctx.task(
      {
        key,
        deps: ['tags', ...renameKeys],
        run: async () => {
          attempts += 1;
          if (tagsByTitle.has(title)) return;
          if (attempts > 1) {
            // An earlier attempt may have made the tag before its answer was lost.
            const fresh = (await env.loadTags()).find((t) => t.title === title);
            if (fresh) {
              tagsByTitle.set(title, fresh);
              return;
            }
          }
          // Reserved before the await, so concurrent creates cannot overshoot the limit.
          if (tagsByTitle.size + tagsReserved >= MIRO_LIMITS.tagsPerBoard) {
            throw new OpError(
              `This board already has ${MIRO_LIMITS.tagsPerBoard} tags, Miro's limit; remove unused tags before adding "${ellipsis(title)}".`,
            );
          }
          tagsReserved += 1;
          try {
            const tag = await board.createTag(
              color === undefined ? { title } : { title, color: color as TagColor },
            );
            tagsByTitle.set(title, tag);
            env.rememberTag(tag);
          } catch (error) {
            if (isRetryableError(error)) throw error;
            // Someone may have made this tag since the list was read: reuse it if so.
            const fresh = (await env.loadTags()).find((t) => t.title === title);
            if (!fresh) throw error;
            tagsByTitle.set(title, fresh);
          } finally {
            tagsReserved -= 1;
          }
        },
      },
      [],
    );
    return key;
  };
  const tagId = (title: string): string => {
    const tag = tagsByTitle.get(title);
    if (!tag) throw new OpError(`Tag "${title}" is missing.`);
    return tag.id;
  };

  /** Absolute top-left of a frame, read fresh once per batch (the cache may be stale). */
  const frameTopLeft = async (frameId: string, depth = 0): Promise<{ x: number; y: number }> => {
    let pending = frameGeometry.get(frameId);
    if (!pending) {
      const known = fetched.get(frameId);
      pending =
        known && isFrame(known)
          ? Promise.resolve(toCentreGeometry(known))
          : board
              .get({ id: frameId })
              .then(([f]) => (f && isFrame(f) ? toCentreGeometry(f) : undefined));
      frameGeometry.set(frameId, pending);
    }
    const frame = await pending;
    if (!frame) throw new OpError(`The parent frame ${frameId} was not found on the board.`);
    const origin =
      frame.parentId !== null && depth < 32
        ? await frameTopLeft(frame.parentId, depth + 1)
        : { x: 0, y: 0 };
    return { x: origin.x + frame.x - frame.width / 2, y: origin.y + frame.y - frame.height / 2 };
  };

  /**
   * Takes a note out of its frame when it is moved to a centre outside it: Miro may clip or
   * refuse a frame's children outside the frame, so they leave it first (issue 10 §8).
   */
  const leaveFrame = async (
    item: SdkStickyNote,
    frameId: string,
    centre: { x: number; y: number },
  ): Promise<boolean> => {
    const origin = await frameTopLeft(frameId);
    const geometry = await frameGeometry.get(frameId);
    if (!geometry) return false;
    const inside =
      centre.x >= origin.x &&
      centre.x <= origin.x + geometry.width &&
      centre.y >= origin.y &&
      centre.y <= origin.y + geometry.height;
    if (inside) return false;
    const known = fetched.get(frameId);
    const frame = known ?? (await board.get({ id: frameId }))[0];
    if (!frame || !isFrame(frame)) return false;
    await frame.remove(item);
    return true;
  };

  /** Ops on the same existing item run in batch order. */
  const lastOnItem = new Map<string, string>();
  const after = (id: string, key: string): string[] => {
    const previous = lastOnItem.get(id);
    lastOnItem.set(id, key);
    return previous === undefined ? [] : [previous];
  };
  const itemTask = (i: number, id: string, key: string, run: () => Promise<void>): void => {
    const fetchK = fetchKey.get(id)!;
    ctx.need(i, fetchK);
    ctx.task({ key, deps: [fetchK, ...after(id, key)], run }, [i]);
  };

  /**
   * A create whose earlier attempt failed in a way that may have taken effect (a lost answer)
   * looks for that item before making another: same type, place and text, in no frame yet.
   */
  const findEarlierAttempt = async (spec: CreateSpec): Promise<SdkItem | undefined> => {
    const candidates = await board.get({ type: SDK_TYPE[spec.kind] });
    return candidates.find(
      (c): c is SdkItem => !isTag(c) && !adopted.has(c.id) && createdLike(c, spec),
    );
  };

  /** A line an earlier attempt made before its answer was lost: same ends, not yet adopted. */
  const findEarlierLine = async (from: string, to: string): Promise<SdkItem | undefined> =>
    (await board.get({ type: 'connector' })).find(
      (c): c is SdkItem =>
        isConnector(c) && !adopted.has(c.id) && c.start?.item === from && c.end?.item === to,
    );

  return {
    env,
    board,
    ctx,
    created,
    adopted,
    fetched,
    fetchKey,
    tagsByTitle,
    ensureKeys,
    renameKeys,
    fetchedItem,
    ensureTask,
    tagId,
    frameTopLeft,
    leaveFrame,
    after,
    itemTask,
    findEarlierAttempt,
    findEarlierLine,
  };
}
