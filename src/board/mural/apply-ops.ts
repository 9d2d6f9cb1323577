/**
 * `Board.apply` on MURAL: WriteOps → REST requests, planned as write-queue tasks of about one
 * request each, so a retry after a 429 repeats only that request. Creates of one type and parent
 * go together in array bodies (`CREATE_CHUNK` per request; areas one each); updates use the typed
 * PATCH paths; tag changes read the widget's tags, merge and write the whole list. Tasks that
 * need more than one request keep what they did in their closure, so a retry resumes.
 */
import { errorMessage } from '../../domain/common';
import { lineBetween, type ItemMarker, type Rect } from '../../domain/board/board-item';
import { describeOp, OpError, runBatch, type PlanContext } from '../batch-engine';
import type { BatchOptions, BatchResult, CreateSpec, LineStyle, WriteOp } from '../port';
import type { QueueTask } from '../write-queue';
import { MuralApiError } from './client';
import { markerPrint } from './markers';
import {
  muralHex,
  TYPE_FILTER,
  parseWidget,
  parseWidgets,
  pathOf,
  toMuralHex,
  type MuralWidget,
} from './widgets';
import { unwrap } from './client';
import { createWriteBatch, MURAL_LIMITS, refusedField, type ApplyEnv } from './write-batch';

export { MURAL_LIMITS, parseTags, type MuralTag } from './write-batch';

/**
 * Items per create request. MURAL takes 1,000, but a chunk settles as one: smaller chunks keep
 * progress moving and let a cancel stop more of a large batch, at one request per 25 items.
 */
export const CREATE_CHUNK = 25;

const TYPE_OF: Record<CreateSpec['kind'], string> = {
  note: 'sticky note',
  shape: 'shape',
  text: 'text',
  frame: 'area',
};

/** The create body for `spec`, at `rel` (the top-left relative to the parent area). */
function createBody(spec: CreateSpec, rel: { x: number; y: number }): Record<string, unknown> {
  const base = { x: rel.x, y: rel.y, width: spec.rect.w, height: spec.rect.h };
  switch (spec.kind) {
    case 'frame':
      return {
        ...base,
        title: spec.title,
        ...(spec.fill ? { style: { backgroundColor: toMuralHex(spec.fill) } } : {}),
      };
    case 'note':
      return {
        ...base,
        text: spec.text,
        shape: 'rectangle',
        style: { backgroundColor: muralHex(spec.color) },
      };
    case 'shape': {
      const style: Record<string, unknown> = {};
      if (spec.fill) style.backgroundColor = toMuralHex(spec.fill);
      if (spec.border) style.borderColor = toMuralHex(spec.border);
      if (spec.textColor) style.fontColor = toMuralHex(spec.textColor);
      if (spec.fontSize) style.fontSize = spec.fontSize;
      if (spec.align) style.textAlign = spec.align;
      return {
        ...base,
        shape: 'rectangle',
        text: spec.text,
        ...(Object.keys(style).length ? { style } : {}),
      };
    }
    case 'text': {
      // A textbox's style is backgroundColor, font, fontSize and textAlign (reference
      // createtextbox); it has no font colour (`fontColor` is a shape style), so none is sent.
      const style: Record<string, unknown> = {};
      if (spec.fontSize) style.fontSize = spec.fontSize;
      return { ...base, text: spec.text, ...(Object.keys(style).length ? { style } : {}) };
    }
  }
}

/** reference createarrow gives no stroke width range; public clients of it document 1 to 7. */
const STROKE_WIDTH = { min: 1, max: 7 } as const;

/**
 * The create body of a straight arrow joining two widgets (absolute rects `a`, `b`), border to
 * border like a Miro connector, at `origin` (the top-left of the area it goes in, or of the
 * mural). reference createarrow: `points` is the path, here relative to the arrow's top-left and
 * inside its box; `startRefId` and `endRefId` connect its ends to the widgets; no tip.
 */
function arrowBody(
  a: Rect,
  b: Rect,
  refs: { startRefId: string; endRefId: string },
  style: LineStyle,
  origin: { x: number; y: number },
): Record<string, unknown> {
  const { from, to } = lineBetween(a, b);
  const left = Math.min(from.x, to.x);
  const top = Math.min(from.y, to.y);
  return {
    x: left - origin.x,
    y: top - origin.y,
    width: Math.max(1, Math.abs(to.x - from.x)),
    height: Math.max(1, Math.abs(to.y - from.y)),
    points: [
      { x: from.x - left, y: from.y - top },
      { x: to.x - left, y: to.y - top },
    ],
    arrowType: 'straight',
    tip: 'no tip',
    ...refs,
    style: {
      strokeColor: toMuralHex(style.color),
      strokeStyle: style.dashed ? 'dashed' : 'solid',
      strokeWidth: Math.min(STROKE_WIDTH.max, Math.max(STROKE_WIDTH.min, Math.round(style.width))),
    },
  };
}

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

/** Same type, place and text: a widget an earlier attempt of this create made. */
function madeBy(widget: MuralWidget, type: string, body: Record<string, unknown>): boolean {
  const text = type === 'area' ? widget.title : widget.text;
  const want = type === 'area' ? body.title : body.text;
  return (
    widget.type === type &&
    Math.abs(widget.x - Number(body.x)) < 0.5 &&
    Math.abs(widget.y - Number(body.y)) < 0.5 &&
    text === want &&
    (widget.parentId ?? null) === ((body.parentId as string | undefined) ?? null)
  );
}

function planMural(
  env: ApplyEnv,
  live: readonly { op: WriteOp; i: number }[],
  ctx: PlanContext,
  markers: Map<string, ItemMarker>,
): void {
  const batch = createWriteBatch(env, live, ctx, markers);
  const { ops } = ctx;
  const { client, base, made, adopted, tagIds, lastTaskOf, refTask } = batch;
  const { tagTask, idOfTag, refusedFor, charged, listCharged, declaredOnce } = batch;
  const { areaOrigin, fetchWidget, arrowsOn, single } = batch;

  const createTasks = (index: number, op: WriteOp & { op: 'create' }): void => {
    const chunk = batch.chunk;
    const type = TYPE_OF[op.item.kind];
    const parentKey = op.parent
      ? 'ref' in op.parent
        ? `ref:${op.parent.ref}`
        : `id:${op.parent.id}`
      : '';
    const tags = op.item.kind === 'note' ? (op.item.tags ?? []) : [];
    const deps = [
      ...(op.parent && 'ref' in op.parent ? [refTask.get(op.parent.ref)!] : []),
      ...tags.map(tagTask),
    ];
    if (
      type !== 'area' &&
      chunk &&
      chunk.type === type &&
      chunk.parent === parentKey &&
      chunk.items.length < CREATE_CHUNK
    ) {
      chunk.items.push(index);
      chunk.task.deps = [...new Set([...(chunk.task.deps ?? []), ...deps])];
      refTask.set(op.ref, chunk.key);
      ctx.need(index, chunk.key, ...deps);
      return;
    }
    const key = `create:${index}`;
    const items = [index];
    refTask.set(op.ref, key);
    // Kept across retries of this task: what was created, and which fields are patched.
    let createdWidgets: MuralWidget[] | null = null;
    const patched = new Set<string>();
    /**
     * Whether an earlier attempt's request may have made the widgets: its answer was lost (a
     * time-out, a 5xx, no answer). A 4xx, the 429 included, means MURAL did not process it, so
     * the retry sends again without listing the mural first.
     */
    let unsure = false;
    const task: QueueTask = {
      key,
      deps,
      run: async () => {
        const creates = items.map((i) => ops[i] as WriteOp & { op: 'create' });
        const first = creates[0]!;
        let parentId: string | null = null;
        let origin = await env.origin();
        if (first.parent) {
          if ('ref' in first.parent) {
            const parent = made.get(first.parent.ref);
            if (!parent) throw new OpError(`Parent "${first.parent.ref}" was not created.`);
            parentId = parent.id;
          } else parentId = first.parent.id;
          origin = await areaOrigin(parentId);
        }
        const full = creates.map((o) => {
          const body = createBody(o.item, {
            x: o.item.rect.x - origin.x,
            y: o.item.rect.y - origin.y,
          });
          if (parentId !== null) body.parentId = parentId;
          const tagTitles = o.item.kind === 'note' ? (o.item.tags ?? []) : [];
          if (tagTitles.length > 0) body.tags = [...new Set(tagTitles.map(idOfTag))];
          return body;
        });
        const path = `${base}/widgets/${pathOf(type)!}`;
        if (createdWidgets === null && unsure) {
          // An earlier attempt may have made these before its answer was lost: adopt them.
          const existing = parseWidgets(await listCharged(`${base}/widgets`));
          const found = full.map((body) =>
            existing.find((w) => !adopted.has(w.id) && madeBy(w, type, body)),
          );
          if (found.every((w) => w !== undefined)) createdWidgets = found as MuralWidget[];
          else if (found.some((w) => w !== undefined)) {
            throw new OpError(
              `Only ${found.filter(Boolean).length} of ${found.length} ${type} widgets of an interrupted request are on the mural; run it again to finish.`,
            );
          }
        }
        const send = declaredOnce();
        while (createdWidgets === null) {
          const plain = full.map((body) => {
            const copy = { ...body };
            for (const field of refusedFor(type)) delete copy[field];
            return copy;
          });
          try {
            const answer = unwrap(
              await send(() => client.request('POST', path, type === 'area' ? plain[0] : plain)),
            );
            const widgets = parseWidgets(Array.isArray(answer) ? answer : [answer]);
            if (widgets.length !== creates.length) {
              throw new Error(`MURAL made ${widgets.length} of ${creates.length} widgets.`);
            }
            createdWidgets = widgets;
          } catch (error) {
            if (!(error instanceof MuralApiError && error.status >= 400 && error.status < 500))
              unsure = true;
            const field = refusedField(error);
            if (
              field === null ||
              env.refusedOnCreate.has(`${type}:${field}`) ||
              !(field in (full[0] ?? {}))
            ) {
              throw error;
            }
            env.refusedOnCreate.add(`${type}:${field}`);
          }
        }
        const widgets: MuralWidget[] = createdWidgets;
        // Fields MURAL refused on create go on with a PATCH each.
        for (const [i, widget] of widgets.entries()) {
          const patch: Record<string, unknown> = {};
          for (const field of refusedFor(type)) {
            if (full[i]![field] !== undefined) patch[field] = full[i]![field];
          }
          if (Object.keys(patch).length > 0 && !patched.has(widget.id)) {
            const answer = parseWidget(
              unwrap(
                await charged(() =>
                  client.request(
                    'PATCH',
                    `${base}/widgets/${pathOf(type)!}/${encodeURIComponent(widget.id)}`,
                    patch,
                  ),
                ),
              ),
            );
            widgets[i] = answer ?? widget;
            patched.add(widget.id);
          }
        }
        for (const [i, widget] of widgets.entries()) {
          env.remember(widget);
          adopted.add(widget.id);
          const o = creates[i]!;
          made.set(o.ref, widget);
          ctx.created(o.ref, widget.id);
          if (o.meta) markers.set(widget.id, o.meta);
        }
        return widgets;
      },
    };
    ctx.task(task, [index]);
    ctx.need(index, ...deps);
    if (type !== 'area') batch.chunk = { key, type, parent: parentKey, items, task };
    else batch.chunk = null;
  };

  async function deleteWidget(id: string): Promise<void> {
    try {
      await client.request('DELETE', `${base}/widgets/${encodeURIComponent(id)}`);
    } catch (error) {
      // Already gone is what was asked.
      if (!(error instanceof MuralApiError && error.status === 404)) throw error;
    }
    env.forget(id);
  }

  /** A widget's absolute rect, reading it (and areas up its chain) when not seen yet. */
  async function rectOf(widget: MuralWidget): Promise<Rect> {
    const at = widget.parentId === null ? await env.origin() : await areaOrigin(widget.parentId);
    return { x: at.x + widget.x, y: at.y + widget.y, w: widget.width, h: widget.height };
  }

  /**
   * A line as a MURAL arrow connected to both items (reference createarrow), in their area when
   * they share one, so it moves with it. One request; a retry after a lost answer first looks for
   * an arrow an earlier attempt made between the same two widgets, and adopts it.
   */
  const connectTask = (index: number, op: WriteOp & { op: 'connect' }): void => {
    const ends = [op.from, op.to];
    const deps = [
      ...new Set(
        ends.flatMap((end) => {
          const key = 'ref' in end ? refTask.get(end.ref) : lastTaskOf.get(end.id);
          return key === undefined ? [] : [key];
        }),
      ),
    ];
    const widgetOf = async (end: (typeof ends)[number]): Promise<MuralWidget> => {
      if ('id' in end) return env.widget(end.id) ?? (await fetchWidget(end.id));
      const widget = made.get(end.ref);
      if (!widget) throw new OpError(`The item "${end.ref}" to join was not created.`);
      return widget;
    };
    let unsure = false;
    ctx.task(
      {
        key: `op:${index}`,
        deps,
        run: async () => {
          const [a, b] = [await widgetOf(op.from), await widgetOf(op.to)];
          const refs = { startRefId: a.id, endRefId: b.id };
          let arrow: MuralWidget | undefined;
          if (unsure) {
            const arrows = parseWidgets(
              await listCharged(`${base}/widgets`, { type: TYPE_FILTER.arrows }),
            );
            arrow = arrows.find(
              (w) =>
                !adopted.has(w.id) && w.arrow?.startRefId === a.id && w.arrow.endRefId === b.id,
            );
          }
          const send = declaredOnce();
          while (!arrow) {
            const shared = a.parentId !== null && a.parentId === b.parentId ? a.parentId : null;
            const inArea = shared !== null && !env.refusedOnCreate.has('arrow:parentId');
            const origin = inArea ? await areaOrigin(shared) : await env.origin();
            const body = arrowBody(await rectOf(a), await rectOf(b), refs, op.style, origin);
            if (inArea) body.parentId = shared;
            try {
              const answer = unwrap(
                await send(() => client.request('POST', `${base}/widgets/arrow`, body)),
              );
              arrow = parseWidget(answer) ?? undefined;
              if (!arrow) throw new Error('MURAL answered an arrow create without the arrow.');
            } catch (error) {
              if (!(error instanceof MuralApiError && error.status >= 400 && error.status < 500))
                unsure = true;
              // Some reports say create refuses `parentId`: the arrow goes on the mural itself.
              if (!inArea || refusedField(error) !== 'parentId') throw error;
              env.refusedOnCreate.add('arrow:parentId');
            }
          }
          env.remember(arrow);
          adopted.add(arrow.id);
          made.set(op.ref, arrow);
          ctx.created(op.ref, arrow.id);
          return arrow;
        },
      },
      [index],
    );
    ctx.need(index, ...deps);
  };

  // Every tag a new note needs gets its task before any create task: a chunk made for an earlier
  // note may take in a later note with tags, and a task may depend only on earlier ones.
  for (const { op } of live)
    if (op.op === 'create' && op.item.kind === 'note')
      for (const t of op.item.tags ?? []) tagTask(t);

  for (const { op, i: index } of live) {
    if (op.op !== 'create') batch.chunk = null;
    switch (op.op) {
      case 'create':
        createTasks(index, op);
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
        connectTask(index, op);
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
