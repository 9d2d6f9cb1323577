/**
 * `Board.apply` on MURAL: WriteOps → REST requests, planned as write-queue tasks of about one
 * request each, so a retry after a 429 repeats only that request. Creates of one type and parent
 * go together in array bodies (`CREATE_CHUNK` per request; areas one each); updates use the typed
 * PATCH paths; tag changes read the widget's tags, merge and write the whole list. Tasks that
 * need more than one request keep what they did in their closure, so a retry resumes.
 */
import { errorMessage } from '../../domain/common';
import type { ItemMarker, Rect } from '../../domain/board/board-item';
import { describeOp, OpError, runBatch, type PlanContext } from '../batch-engine';
import type { BatchOptions, BatchResult, WriteOp } from '../port';
import { MuralApiError, unwrap } from './client';
import { markerPrint } from './markers';
import { planConnect } from './plan-connect';
import { planCreate, planNoteTags } from './plan-create';
import { muralHex, parseWidget, pathOf, toMuralHex, type MuralWidget } from './widgets';
import { createWriteBatch, MURAL_LIMITS, type ApplyEnv } from './write-batch';

export { MURAL_LIMITS, parseTags, type MuralTag } from './write-batch';

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
      validate: () => null,
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

function planMural(
  env: ApplyEnv,
  live: readonly { op: WriteOp; i: number }[],
  ctx: PlanContext,
  markers: Map<string, ItemMarker>,
): void {
  const batch = createWriteBatch(env, live, ctx, markers);
  const { client, base, tagIds, tagTask, idOfTag, areaOrigin, fetchWidget, arrowsOn, single } =
    batch;

  async function deleteWidget(id: string): Promise<void> {
    try {
      await client.request('DELETE', `${base}/widgets/${encodeURIComponent(id)}`);
    } catch (error) {
      // Already gone is what was asked.
      if (!(error instanceof MuralApiError && error.status === 404)) throw error;
    }
    env.forget(id);
  }

  planNoteTags(batch, live);
  for (const { op, i: index } of live) {
    if (op.op !== 'create') batch.chunk = null;
    switch (op.op) {
      case 'create':
        planCreate(batch, index, op);
        break;
      case 'update':
        single(index, op.id, [], async () => {
          const widget = env.widget(op.id) ?? (await fetchWidget(op.id));
          const path = pathOf(widget.type);
          if (path === null)
            throw new OpError(`Item ${op.id} is a ${widget.type}; MURAL cannot update it.`);
          const body: Record<string, unknown> = {};
          const { patch } = op;
          if (patch.text !== undefined) {
            if (widget.type === 'area') body.title = patch.text;
            else body.text = patch.text;
          }
          if (patch.rect) {
            const origin =
              widget.parentId === null ? await env.origin() : await areaOrigin(widget.parentId);
            const rect: Partial<Rect> = patch.rect;
            if (rect.x !== undefined) body.x = rect.x - origin.x;
            if (rect.y !== undefined) body.y = rect.y - origin.y;
            if (rect.w !== undefined) body.width = rect.w;
            if (rect.h !== undefined) body.height = rect.h;
          }
          const color = patch.color
            ? muralHex(patch.color)
            : patch.fill
              ? toMuralHex(patch.fill)
              : null;
          if (color !== null) body.style = { backgroundColor: color };
          const answer = parseWidget(
            unwrap(
              await client.request(
                'PATCH',
                `${base}/widgets/${path}/${encodeURIComponent(op.id)}`,
                body,
              ),
            ),
          );
          if (answer) env.remember(answer);
          else env.forget(op.id);
        });
        break;
      case 'remove': {
        // A line goes when either item it joins goes (`Board` port). MURAL's reference does not
        // say an arrow goes with its widget, so the arrows connected to it are deleted first.
        const attached = arrowsOn(op.id);
        const gone = new Set<string>();
        single(
          index,
          op.id,
          [],
          async () => {
            for (const id of [...attached, op.id]) {
              if (gone.has(id)) continue;
              await deleteWidget(id);
              gone.add(id);
            }
          },
          1 + attached.length,
        );
        break;
      }
      case 'connect':
        planConnect(batch, index, op);
        break;
      case 'tag': {
        const adds = op.add ?? [];
        const deps = ['tags', ...adds.map(tagTask)];
        let current: MuralWidget | null = null;
        single(index, op.id, deps, async () => {
          // Read fresh: MURAL replaces the whole list, so a stale read would drop others' tags.
          current ??= await fetchWidget(op.id);
          const path = pathOf(current.type);
          if (path === null) throw new OpError(`Item ${op.id} cannot carry tags.`);
          const removeIds = new Set((op.remove ?? []).flatMap((t) => tagIds.get(t) ?? []));
          const next = [...new Set([...current.tags, ...adds.map(idOfTag)])].filter(
            (id) => !removeIds.has(id),
          );
          const answer = parseWidget(
            unwrap(
              await client.request(
                'PATCH',
                `${base}/widgets/${path}/${encodeURIComponent(op.id)}`,
                { tags: next },
              ),
            ),
          );
          if (answer) env.remember(answer);
          current = null;
        });
        break;
      }
      case 'ensureTag': {
        ctx.need(index, 'tags', tagTask(op.title));
        break;
      }
      case 'renameTag':
        single(index, `tag:${op.from}`, ['tags'], async () => {
          const tag = batch.tagList.find((t) => t.text === op.from);
          if (!tag) throw new OpError(`There is no tag "${op.from}" to rename.`);
          if (op.to.length > MURAL_LIMITS.tagText) {
            throw new OpError(
              `Tag "${op.to}" has ${op.to.length} characters; MURAL allows at most ${MURAL_LIMITS.tagText}.`,
            );
          }
          await client.request('PATCH', `${base}/tags/${encodeURIComponent(tag.id)}`, {
            text: op.to,
          });
          tag.text = op.to;
          tagIds.delete(op.from);
          tagIds.set(op.to, tag.id);
          env.rememberTags([tag]);
        });
        break;
    }
  }
}
