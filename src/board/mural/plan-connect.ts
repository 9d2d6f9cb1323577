/**
 * `connect` ops on MURAL: a line becomes an arrow connected to both widgets (reference
 * createarrow; one per request), straight, no tip, border to border.
 */
import { lineBetween, type Rect } from '../../domain/board/board-item';
import { OpError } from '../batch-engine';
import type { LineStyle, WriteOp } from '../port';
import { mayHaveTakenEffect, unwrap } from './client';
import { parseWidget, parseWidgets, toMuralHex, TYPE_FILTER, type MuralWidget } from './widgets';
import { refusedField, type WriteBatch } from './write-batch';

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

/** A widget's absolute rect, reading it (and areas up its chain) when not seen yet. */
async function rectOf(batch: WriteBatch, widget: MuralWidget): Promise<Rect> {
  const at =
    widget.parentId === null ? await batch.env.origin() : await batch.areaOrigin(widget.parentId);
  return { x: at.x + widget.x, y: at.y + widget.y, w: widget.width, h: widget.height };
}

/**
 * A line as a MURAL arrow connected to both items (reference createarrow), in their area when
 * they share one, so it moves with it. One request; a retry after a lost answer first looks for
 * an arrow an earlier attempt made between the same two widgets, and adopts it.
 */
export function planConnect(
  batch: WriteBatch,
  index: number,
  op: WriteOp & { op: 'connect' },
): void {
  const { env, ctx, client, base, made, adopted, refTask, lastTaskOf } = batch;
  const { listCharged, declaredOnce, areaOrigin, fetchWidget } = batch;
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
            (w) => !adopted.has(w.id) && w.arrow?.startRefId === a.id && w.arrow.endRefId === b.id,
          );
        }
        const send = declaredOnce();
        while (!arrow) {
          const shared = a.parentId !== null && a.parentId === b.parentId ? a.parentId : null;
          const inArea = shared !== null && !env.refusedOnCreate.has('arrow:parentId');
          const origin = inArea ? await areaOrigin(shared) : await env.origin();
          const body = arrowBody(
            await rectOf(batch, a),
            await rectOf(batch, b),
            refs,
            op.style,
            origin,
          );
          if (inArea) body.parentId = shared;
          try {
            const answer = unwrap(
              await send(() => client.request('POST', `${base}/widgets/arrow`, body)),
            );
            arrow = parseWidget(answer) ?? undefined;
            if (!arrow) throw new Error('MURAL answered an arrow create without the arrow.');
          } catch (error) {
            if (mayHaveTakenEffect(error)) unsure = true;
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
}
