/** `remove` ops on MURAL: the widget's connected arrows, then the widget, one DELETE each. */
import type { WriteOp } from '../port';
import { MuralApiError } from './client';
import type { WriteBatch } from './write-batch';

async function deleteWidget(batch: WriteBatch, id: string): Promise<void> {
  try {
    await batch.client.request('DELETE', `${batch.base}/widgets/${encodeURIComponent(id)}`);
  } catch (error) {
    // Already gone is what was asked.
    if (!(error instanceof MuralApiError && error.status === 404)) throw error;
  }
  batch.env.forget(id);
}

export function planRemove(batch: WriteBatch, index: number, op: WriteOp & { op: 'remove' }): void {
  // A line goes when either item it joins goes (`Board` port). MURAL's reference does not
  // say an arrow goes with its widget, so the arrows connected to it are deleted first.
  const attached = batch.arrowsOn(op.id);
  const gone = new Set<string>();
  batch.single(
    index,
    op.id,
    [],
    async () => {
      for (const id of [...attached, op.id]) {
        if (gone.has(id)) continue;
        await deleteWidget(batch, id);
        gone.add(id);
      }
    },
    1 + attached.length,
  );
}
