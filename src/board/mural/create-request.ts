/**
 * One create request of a MURAL batch as it runs, attempt after attempt: its items' bodies in
 * the parent area, the widgets an earlier attempt made adopted when its answer was lost, the
 * request sent again without a field MURAL refuses for the widget type, that field PATCHed on
 * after, and the widgets kept as made.
 */
import { OpError } from '../batch-engine';
import { mayHaveTakenEffect, unwrap } from './client';
import { adoptMade } from './adopt-made';
import { createBodies, fieldToDrop, refusedPatch, requestBody, type CreateOp } from './create-body';
import { parseWidget, parseWidgets, pathOf, type MuralWidget } from './widgets';
import type { WriteBatch } from './write-batch';

type Body = Record<string, unknown>;

/** What a create task keeps across its attempts. */
interface Attempts {
  /** What was created or adopted; a refused field's PATCH answer replaces its widget. */
  widgets: MuralWidget[] | null;
  /** Widgets whose refused fields were PATCHed. */
  patched: Set<string>;
  /**
   * Whether an earlier attempt's request may have made the widgets: its answer was lost (a
   * time-out, a 5xx, no answer). A 4xx, the 429 included, means MURAL did not process it, so
   * the retry sends again without listing the mural first.
   */
  unsure: boolean;
}

/** The full bodies of `creates`, placed in the first one's parent area (a chunk shares it). */
async function bodiesOf(batch: WriteBatch, creates: readonly CreateOp[]): Promise<Body[]> {
  const first = creates[0]!;
  let parentId: string | null = null;
  let origin = await batch.env.origin();
  if (first.parent) {
    if ('ref' in first.parent) {
      const parent = batch.made.get(first.parent.ref);
      if (!parent) throw new OpError(`Parent "${first.parent.ref}" was not created.`);
      parentId = parent.id;
    } else parentId = first.parent.id;
    origin = await batch.areaOrigin(parentId);
  }
  return createBodies(creates, origin, parentId, batch.idOfTag);
}

/** Sends the create, again without each field MURAL refuses for `type` (then refused for good). */
async function send(
  batch: WriteBatch,
  type: string,
  full: readonly Body[],
  attempts: Attempts,
): Promise<MuralWidget[]> {
  const { env, client, base } = batch;
  const path = `${base}/widgets/${pathOf(type)!}`;
  const pay = batch.declaredOnce();
  for (;;) {
    const sentWithout = batch.refusedFor(type);
    const body = requestBody(type, full, sentWithout);
    try {
      const answer = unwrap(await pay(() => client.request('POST', path, body)));
      const widgets = parseWidgets(Array.isArray(answer) ? answer : [answer]);
      if (widgets.length !== full.length) {
        throw new Error(`MURAL made ${widgets.length} of ${full.length} widgets.`);
      }
      return widgets;
    } catch (error) {
      if (mayHaveTakenEffect(error)) attempts.unsure = true;
      const field = fieldToDrop(error, sentWithout, full[0]);
      if (field === null) throw error;
      env.refusedOnCreate.add(`${type}:${field}`);
    }
  }
}

/** Fields MURAL refused on create go on with a PATCH each, once per widget. */
async function patchRefused(
  batch: WriteBatch,
  type: string,
  full: readonly Body[],
  widgets: MuralWidget[],
  patched: Set<string>,
): Promise<void> {
  const { client, base } = batch;
  for (const [i, widget] of widgets.entries()) {
    const patch = refusedPatch(full[i]!, batch.refusedFor(type));
    if (patch === null || patched.has(widget.id)) continue;
    const path = `${base}/widgets/${pathOf(type)!}/${encodeURIComponent(widget.id)}`;
    const answer = parseWidget(
      unwrap(await batch.charged(() => client.request('PATCH', path, patch))),
    );
    widgets[i] = answer ?? widget;
    patched.add(widget.id);
  }
}

function keepMade(batch: WriteBatch, creates: readonly CreateOp[], widgets: MuralWidget[]): void {
  for (const [i, widget] of widgets.entries()) {
    batch.env.remember(widget);
    batch.adopted.add(widget.id);
    const o = creates[i]!;
    batch.made.set(o.ref, widget);
    batch.ctx.created(o.ref, widget.id);
    if (o.meta) batch.markers.set(widget.id, o.meta);
  }
}

/**
 * The run of the task that creates ops `items` (widgets of `type`; a chunk still filling adds
 * to `items` while the batch is planned).
 */
export function createRequestRun(
  batch: WriteBatch,
  type: string,
  items: readonly number[],
): () => Promise<MuralWidget[]> {
  const attempts: Attempts = { widgets: null, patched: new Set(), unsure: false };
  return async () => {
    const creates = items.map((i) => batch.ctx.ops[i] as CreateOp);
    const full = await bodiesOf(batch, creates);
    if (attempts.widgets === null && attempts.unsure) {
      // An earlier attempt may have made these before its answer was lost: adopt them.
      const existing = parseWidgets(await batch.listCharged(`${batch.base}/widgets`));
      attempts.widgets = adoptMade(existing, type, full, batch.adopted);
    }
    const widgets = (attempts.widgets ??= await send(batch, type, full, attempts));
    await patchRefused(batch, type, full, widgets, attempts.patched);
    keepMade(batch, creates, widgets);
    return widgets;
  };
}
