/**
 * `create` ops on MURAL: creates of one type and parent that follow each other share an array
 * body (`CREATE_CHUNK` per request; areas one each). A retry after a lost answer adopts what the
 * earlier attempt made; a field MURAL refuses on create is dropped for that widget type and
 * PATCHed after.
 */
import { OpError } from '../batch-engine';
import type { CreateSpec, WriteOp } from '../port';
import type { QueueTask } from '../write-queue';
import { mayHaveTakenEffect, unwrap } from './client';
import {
  muralHex,
  parseWidget,
  parseWidgets,
  pathOf,
  toMuralHex,
  type MuralWidget,
} from './widgets';
import { refusedField, type WriteBatch } from './write-batch';

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

/**
 * Every tag a new note needs gets its task before any create task: a chunk made for an earlier
 * note may take in a later note with tags, and a task may depend only on earlier ones.
 */
export function planNoteTags(batch: WriteBatch, live: readonly { op: WriteOp }[]): void {
  for (const { op } of live)
    if (op.op === 'create' && op.item.kind === 'note')
      for (const t of op.item.tags ?? []) batch.tagTask(t);
}

export function planCreate(batch: WriteBatch, index: number, op: WriteOp & { op: 'create' }): void {
  const { env, ctx, client, base, made, adopted, markers, refTask } = batch;
  const { tagTask, idOfTag, refusedFor, charged, listCharged, declaredOnce, areaOrigin } = batch;
  const { ops } = ctx;
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
          if (mayHaveTakenEffect(error)) unsure = true;
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
}
