/**
 * `Board.apply` on Miro: WriteOps → SDK calls, planned as write-queue tasks with dependencies.
 *
 * Calls per op, with nothing redundant: a create is one call (+ `frame.add` when it has a parent,
 * + `setMetadata` when it carries a marker); an update, a tag change, a remove and a rename are
 * one call each after the batch's shared reads. Shared reads: the tag list when the adapter has
 * not read it yet and the batch touches tags, and the existing items the batch changes, fetched
 * 50 ids per call.
 */
import { ellipsis, runBatch, type BatchPlugin, type PlanContext } from '../batch-engine';
import type { BatchOptions, BatchResult, WriteOp } from '../port';
import type { WriteQueue } from '../write-queue';
import type { CentreGeometry } from './coordinates';
import { textToHtml } from '../html-text';
import { markerSizeError } from './item-marker';
import { MIRO_TAG_COLORS, type MiroSdk, type SdkItem, type SdkTag } from './sdk';
import { MIRO_LIMITS } from './limits';
import { createWriteBatch } from './write-batch';
import { planConnect } from './plan-connect';
import { planCreate } from './plan-create';
import { planRemove } from './plan-remove';
import { planEnsureTag, planRenameTag, planTag } from './plan-tags';
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
  const batch = createWriteBatch(env, live, ctx);
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
      case 'tag':
        planTag(batch, i, op);
        break;
      case 'ensureTag':
        planEnsureTag(batch, i, op);
        break;
      case 'renameTag':
        planRenameTag(batch, i, op);
        break;
    }
  }
}
