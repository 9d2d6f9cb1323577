/**
 * The snapshot history's rows, pure (snapshot-store.ts): a row read as a snapshot or as what is
 * wrong with it, the readable ones, their order (newest first) and what they weigh.
 */
import type { SnapshotMeta } from './db';
import type { SnapshotUsage } from './snapshot-store';
import { isRecord } from '../domain/common';

/** The row as a snapshot, or what is wrong with it. Rows are `unknown` until checked here. */
export function readSnapshotRow(row: unknown): { meta: SnapshotMeta } | { problem: string } {
  if (!isRecord(row)) return { problem: 'not a record' };
  const { id, boardId, mapId, createdAt, kind, bytes, noteCount, formatVersion } = row;
  if (typeof id !== 'string' || id === '') return { problem: 'no id' };
  if (typeof boardId !== 'string' || typeof mapId !== 'string')
    return { problem: 'no board or map' };
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return { problem: 'no date' };
  if (kind !== 'manual' && kind !== 'auto') return { problem: 'no kind' };
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0)
    return { problem: 'no size (bytes)' };
  return {
    meta: {
      id,
      boardId,
      mapId,
      createdAt,
      kind,
      reason: typeof row.reason === 'string' ? row.reason : '',
      noteCount: typeof noteCount === 'number' && noteCount >= 0 ? noteCount : 0,
      summary: typeof row.summary === 'string' ? row.summary : '',
      bytes,
      formatVersion: typeof formatVersion === 'number' ? formatVersion : 1,
    },
  };
}

/** The readable rows' metadata; damaged rows are left out. */
export const goodRows = (rows: readonly unknown[]): SnapshotMeta[] =>
  rows.flatMap((row) => {
    const read = readSnapshotRow(row);
    return 'meta' in read ? [read.meta] : [];
  });

/** Newest first; the same instant falls back to id so the order is stable. */
export function newestFirst(a: SnapshotMeta, b: SnapshotMeta): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** How many snapshots and bytes, all and automatic ones only. */
export function measure(rows: readonly SnapshotMeta[]): SnapshotUsage {
  const usage: SnapshotUsage = { count: 0, bytes: 0, autoCount: 0, autoBytes: 0 };
  for (const row of rows) {
    usage.count += 1;
    usage.bytes += row.bytes;
    if (row.kind === 'auto') {
      usage.autoCount += 1;
      usage.autoBytes += row.bytes;
    }
  }
  return usage;
}
