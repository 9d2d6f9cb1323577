/**
 * A `create` op on Miro: one create call (+ `frame.add` when it has a parent, + `setMetadata` when
 * it carries a marker), adopting an earlier attempt's item on a retry.
 */
import type { Rect } from '../../domain/board/board-item';
import { OpError } from '../batch-engine';
import type { CreateSpec } from '../port';
import { rectToCentre } from './coordinates';
import { textToHtml } from '../html-text';
import { fromItemMarker, MARKER_KEY } from './item-marker';
import type { WriteBatch, OpOf } from './write-batch';
import { isFrame, type MiroSdk, type SdkItem } from './sdk';
import { toCentreGeometry } from './to-board-item';

/** Miro sticky notes are square (199 × 228) or rectangle (350 × 228); pick by the asked ratio. */
const stickyShape = (rect: Rect): 'square' | 'rectangle' =>
  rect.w / rect.h >= 1.2 ? 'rectangle' : 'square';

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

/** The item, then its place in a parent frame and its marker, each a task of its own. */
export function planCreate(batch: WriteBatch, i: number, op: OpOf<'create'>): void {
  const { ctx } = batch;
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
        const item = earlier ?? (await createItem(batch.board, spec, tagTitles.map(batch.tagId)));
        batch.adopted.add(item.id);
        if (isFrame(item))
          batch.env.rememberFrame(item.id, op.parent ? null : toCentreGeometry(item));
        batch.created.set(op.ref, item);
        ctx.created(op.ref, item.id);
        batch.env.rememberCreated(item);
      },
    },
    [i],
  );
  ctx.need(i, ...tagKeys);
  if (op.parent) {
    const parent = op.parent;
    const parentKey =
      'ref' in parent ? `create:${ctx.refs.get(parent.ref)}` : batch.fetchKey.get(parent.id)!;
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
}
