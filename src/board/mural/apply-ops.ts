/**
 * `Board.apply` on MURAL: WriteOps → REST requests, planned as write-queue tasks of about one
 * request each, so a retry after a 429 repeats only that request. Creates of one type and parent
 * go together in array bodies (`CREATE_CHUNK` per request; areas one each); updates use the typed
 * PATCH paths; tag changes read the widget's tags, merge and write the whole list. Tasks that
 * need more than one request keep what they did in their closure, so a retry resumes. What a
 * batch's tasks share is `write-batch.ts`; each op kind has its planner (`plan-*.ts`).
 */
import { errorMessage } from '../../domain/common';
import type { ItemMarker } from '../../domain/board/board-item';
import { describeOp, runBatch, type PlanContext } from '../batch-engine';
import type { BatchOptions, BatchResult, WriteOp } from '../port';
import { markerPrint } from './markers';
import { planConnect } from './plan-connect';
import { planCreate, planNoteTags } from './plan-create';
import { planRemove } from './plan-remove';
import { planEnsureTag, planRenameTag, planTag } from './plan-tags';
import { planUpdate } from './plan-update';
import { createWriteBatch, MURAL_LIMITS, type ApplyEnv } from './write-batch';

export { parseTags, type MuralTag } from './batch-tags';
export { MURAL_LIMITS } from './write-batch';

/** Every op failed before anything was written, for `reason`. */
const refusedBatch = (ops: readonly WriteOp[], reason: string): BatchResult => ({
  ids: {},
  done: 0,
  failed: ops.map((op, index) => ({
    index,
    op,
    message: `Could not ${describeOp(op)}: ${reason}; nothing was changed.`,
  })),
  cancelled: false,
});

export async function applyOps(
  env: ApplyEnv,
  ops: readonly WriteOp[],
  options: BatchOptions = {},
): Promise<BatchResult> {
  // A removed widget takes its arrows along (see the 'remove' task): know them all first, not
  // only those this panel has seen.
  if (ops.some((op) => op.op === 'remove')) {
    try {
      await env.readArrows();
    } catch (error) {
      return refusedBatch(
        ops,
        `Touchpoint could not read the mural's arrows first (${errorMessage(error)})`,
      );
    }
  }
  const markers = new Map<string, ItemMarker>();
  // Intent before effect: the markers of this batch's creates are on the mural before the first
  // create, so a panel that closes before the batch ends leaves widgets that still read as marked.
  const intents = new Map<string, ItemMarker>();
  for (const op of ops) {
    if (op.op !== 'create' || !op.meta) continue;
    const text = op.item.kind === 'frame' ? op.item.title : op.item.text;
    intents.set(markerPrint(op.item.kind, op.item.rect, text), op.meta);
  }
  if (intents.size > 0) {
    try {
      await env.saveMarkers(intents, true);
    } catch (error) {
      return refusedBatch(
        ops,
        `Touchpoint could not store its markers on the mural first (${errorMessage(error)})`,
      );
    }
  }
  return runBatch(
    env.queue,
    ops,
    {
      validate,
      plan: (live, ctx) => planMural(env, live, ctx, markers),
      finish: async () => {
        if (markers.size === 0 && intents.size === 0) return;
        try {
          await env.saveMarkers(markers);
        } catch {
          // Not fatal: the batch's writes are done, and the markers stored before it (its
          // intents) keep its widgets marked until a later batch stores them by id.
        }
      },
    },
    options,
  );
}

/** Why MURAL would refuse a tag of this text (reference createtag: at most 25 characters), or null. */
function tagTextError(title: string): string | null {
  if (title.trim() === '') return 'A tag title cannot be empty.';
  if (title.length > MURAL_LIMITS.tagText) {
    return `Tag "${title}" has ${title.length} characters; MURAL allows at most ${MURAL_LIMITS.tagText}.`;
  }
  return null;
}

const firstTagError = (titles: readonly string[]): string | null =>
  titles.map(tagTextError).find((error) => error !== null) ?? null;

/** MURAL's checks that need no request (the engine made the shared ones): a bad op fails alone. */
function validate(op: WriteOp): string | null {
  switch (op.op) {
    case 'create':
      return op.item.kind === 'note' ? firstTagError(op.item.tags ?? []) : null;
    case 'tag':
      return firstTagError(op.add ?? []);
    case 'ensureTag':
      return tagTextError(op.title);
    case 'renameTag':
      return tagTextError(op.to) ?? tagTextError(op.from);
    case 'update':
    case 'remove':
    case 'connect':
      return null;
  }
}

function planMural(
  env: ApplyEnv,
  live: readonly { op: WriteOp; i: number }[],
  ctx: PlanContext,
  markers: Map<string, ItemMarker>,
): void {
  const batch = createWriteBatch(env, live, ctx, markers);
  planNoteTags(batch, live);
  for (const { op, i: index } of live) {
    if (op.op !== 'create') batch.chunk = null;
    switch (op.op) {
      case 'create':
        planCreate(batch, index, op);
        break;
      case 'update':
        planUpdate(batch, index, op);
        break;
      case 'remove':
        planRemove(batch, index, op);
        break;
      case 'connect':
        planConnect(batch, index, op);
        break;
      case 'tag':
        planTag(batch, index, op);
        break;
      case 'ensureTag':
        planEnsureTag(batch, index, op);
        break;
      case 'renameTag':
        planRenameTag(batch, index, op);
        break;
    }
  }
}
