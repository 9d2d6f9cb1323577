/** `update` ops on MURAL: one typed PATCH, its x, y relative to the widget's area. */
import type { Rect } from '../../domain/board/board-item';
import { OpError } from '../batch-engine';
import type { WriteOp } from '../port';
import { unwrap } from './client';
import { muralHex, parseWidget, pathOf, toMuralHex } from './widgets';
import type { WriteBatch } from './write-batch';

export function planUpdate(batch: WriteBatch, index: number, op: WriteOp & { op: 'update' }): void {
  const { env, client, base, fetchWidget, areaOrigin } = batch;
  batch.single(index, op.id, [], async () => {
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
    const color = patch.color ? muralHex(patch.color) : patch.fill ? toMuralHex(patch.fill) : null;
    if (color !== null) body.style = { backgroundColor: color };
    const answer = parseWidget(
      unwrap(
        await client.request('PATCH', `${base}/widgets/${path}/${encodeURIComponent(op.id)}`, body),
      ),
    );
    if (answer) env.remember(answer);
    else env.forget(op.id);
  });
}
