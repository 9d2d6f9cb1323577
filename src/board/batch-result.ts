/**
 * What a batch's result (`Board.apply`) says of its ops, read the same way by every use case
 * that writes: which ops surely took effect, and whether the batch is done, partial or cancelled.
 */
import type { BatchResult } from './port';

/** How a batch ended, as a use case reports it. */
export type BatchStatus = 'done' | 'partial' | 'cancelled';

/**
 * Cancelled when the batch was stopped; partial when an op failed, or when `unfinished` (a step
 * after the batch, such as saving its record, failed); done otherwise.
 */
export function batchStatus(result: BatchResult, unfinished = false): BatchStatus {
  if (result.cancelled) return 'cancelled';
  return result.failed.length > 0 || unfinished ? 'partial' : 'done';
}

/**
 * The index of each op that surely took effect: not failed, and none after a cancel — the board
 * does not say which of the unfailed ops ran, so the next run reads the board instead.
 */
export function succeededOps(result: BatchResult, count: number): Set<number> {
  if (result.cancelled) return new Set();
  const failed = new Set(result.failed.map((f) => f.index));
  const ok = new Set<number>();
  for (let i = 0; i < count; i++) if (!failed.has(i)) ok.add(i);
  return ok;
}

/** The ops that surely took effect (`succeededOps`), in order. */
export function succeeded<T>(ops: readonly T[], result: BatchResult): T[] {
  const ok = succeededOps(result, ops.length);
  return ops.filter((_, i) => ok.has(i));
}
