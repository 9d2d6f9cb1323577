/** A `remove` op on Miro: one `remove` call; an item already gone counts as removed. */
import { errorMessage } from '../../domain/common';
import type { WriteBatch, OpOf } from './write-batch';

const isNotFound = (error: unknown): boolean => /not found/i.test(errorMessage(error));

/** An existing item off the board. */
export function planRemove(batch: WriteBatch, i: number, op: OpOf<'remove'>): void {
  batch.itemTask(i, op.id, `remove:${i}`, async () => {
    const entity = batch.fetched.get(op.id);
    // Already gone is what the op asked for: removing stays idempotent for re-runs,
    // and for a retry after a remove whose answer was lost.
    if (!entity) return;
    try {
      await batch.board.remove(entity);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    batch.env.forget(entity.id);
  });
}
