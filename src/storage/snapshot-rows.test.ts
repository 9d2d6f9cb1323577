import { describe, expect, it } from 'vitest';
import type { SnapshotMeta } from './db';
import { goodRows, measure, newestFirst, readSnapshotRow } from './snapshot-rows';

const row = (over: Partial<SnapshotMeta> = {}): SnapshotMeta => ({
  id: 's1',
  boardId: 'b1',
  mapId: 'm1',
  createdAt: 1000,
  kind: 'manual',
  reason: '',
  noteCount: 3,
  summary: 'Onboarding',
  bytes: 100,
  formatVersion: 2,
  ...over,
});

describe('readSnapshotRow', () => {
  it('reads a whole row as is and fills the optional fields of an older one', () => {
    expect(readSnapshotRow(row())).toEqual({ meta: row() });
    const { reason: _r, summary: _s, noteCount: _n, formatVersion: _f, ...older } = row();
    expect(readSnapshotRow(older)).toEqual({
      meta: row({ reason: '', summary: '', noteCount: 0, formatVersion: 1 }),
    });
  });

  it('says what is wrong with a damaged row', () => {
    expect(readSnapshotRow('x')).toEqual({ problem: 'not a record' });
    expect(readSnapshotRow(row({ id: '' }))).toEqual({ problem: 'no id' });
    expect(readSnapshotRow({ ...row(), mapId: 7 })).toEqual({ problem: 'no board or map' });
    expect(readSnapshotRow(row({ createdAt: Number.NaN }))).toEqual({ problem: 'no date' });
    expect(readSnapshotRow({ ...row(), kind: 'other' })).toEqual({ problem: 'no kind' });
    expect(readSnapshotRow(row({ bytes: -1 }))).toEqual({ problem: 'no size (bytes)' });
  });
});

describe('goodRows', () => {
  it('keeps the readable rows in their order and leaves damaged ones out', () => {
    expect(goodRows([row({ id: 'b' }), { id: 'x' }, null, row({ id: 'a' })])).toEqual([
      row({ id: 'b' }),
      row({ id: 'a' }),
    ]);
  });
});

describe('newestFirst', () => {
  it('puts the newest first, and the larger id first at the same instant', () => {
    const rows = [
      row({ id: 'a', createdAt: 1 }),
      row({ id: 'b', createdAt: 3 }),
      row({ id: 'c', createdAt: 1 }),
      row({ id: 'd', createdAt: 2 }),
    ];
    expect(rows.sort(newestFirst).map((r) => r.id)).toEqual(['b', 'd', 'c', 'a']);
    expect(newestFirst(row(), row())).toBe(0);
  });
});

describe('measure', () => {
  it('counts every snapshot and its bytes, and the automatic ones apart', () => {
    expect(measure([])).toEqual({ count: 0, bytes: 0, autoCount: 0, autoBytes: 0 });
    expect(
      measure([
        row({ bytes: 100 }),
        row({ kind: 'auto', bytes: 40 }),
        row({ kind: 'auto', bytes: 2 }),
      ]),
    ).toEqual({ count: 3, bytes: 142, autoCount: 2, autoBytes: 42 });
  });
});
