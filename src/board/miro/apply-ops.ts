/**
 * `Board.apply` on Miro: WriteOps → SDK calls, planned as write-queue tasks with dependencies.
 *
 * Calls per op, with nothing redundant: a create is one call (+ `frame.add` when it has a parent,
 * + `setMetadata` when it carries a marker); an update, a tag change, a remove and a rename are
 * one call each after the batch's shared reads. Shared reads: the tag list when the adapter has
 * not read it yet and the batch touches tags, and the existing items the batch changes, fetched
 * 50 ids per call.
 */
import { ellipsis, OpError, runBatch, type BatchPlugin, type PlanContext } from '../batch-engine';
import type { BatchOptions, BatchResult, WriteOp } from '../port';
import { isRetryableError, type WriteQueue } from '../write-queue';
import type { CentreGeometry } from './coordinates';
import { textToHtml } from '../html-text';
import { markerSizeError } from './item-marker';
import {
  isStickyNote,
  MIRO_TAG_COLORS,
  type MiroSdk,
  type SdkItem,
  type SdkStickyNote,
  type SdkTag,
} from './sdk';
import { MIRO_LIMITS } from './limits';
import { createMiroBatch } from './miro-batch';
import { planConnect } from './plan-connect';
import { planCreate } from './plan-create';
import { planRemove } from './plan-remove';
import { planUpdate } from './plan-update';

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
  for (const { op, i } of live) {
    switch (op.op) {
      case 'connect':
        planConnect(batch, i, op);
        break;
      case 'create':
        planCreate(batch, i, op);
        break;
      case 'update':
        planUpdate(batch, i, op);
        break;
      case 'remove':
        planRemove(batch, i, op);
        break;
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
