import { describe, expect, it } from 'vitest';
import type { WriteOp } from '../port';
import { fetchChunks } from './fetch-chunks';

const live = (ops: WriteOp[]) => ops.map((op) => ({ op }));
const rect = { x: 0, y: 0, w: 100, h: 100 };
const style = { color: '#000000', width: 2, dashed: false };

describe('fetchChunks', () => {
  it('reads each existing item an op names by id once, in batch order', () => {
    const ops: WriteOp[] = [
      { op: 'update', id: 'a', patch: { text: 'x' } },
      { op: 'remove', id: 'b' },
      { op: 'tag', id: 'a', add: ['T'] },
      { op: 'create', ref: 'n', parent: { id: 'F' }, item: { kind: 'text', text: 't', rect } },
      { op: 'create', ref: 'm', parent: { ref: 'n' }, item: { kind: 'text', text: 't', rect } },
      { op: 'connect', ref: 'l', from: { id: 'c' }, to: { ref: 'n' }, style },
      { op: 'connect', ref: 'k', from: { ref: 'm' }, to: { id: 'b' }, style },
      { op: 'ensureTag', title: 'T' },
      { op: 'renameTag', from: 'T', to: 'U' },
    ];
    expect(fetchChunks(live(ops))).toEqual([{ key: 'fetch:0', ids: ['a', 'b', 'F', 'c'] }]);
  });

  it('asks for 50 ids per read, one task key per chunk', () => {
    const ids = Array.from({ length: 120 }, (_, n) => `i${n}`);
    const chunks = fetchChunks(live(ids.map((id): WriteOp => ({ op: 'remove', id }))));
    expect(chunks.map((c) => c.key)).toEqual(['fetch:0', 'fetch:1', 'fetch:2']);
    expect(chunks.map((c) => c.ids)).toEqual([
      ids.slice(0, 50),
      ids.slice(50, 100),
      ids.slice(100),
    ]);
  });

  it('reads nothing for a batch of new items and tags', () => {
    const ops: WriteOp[] = [
      { op: 'create', ref: 'f', item: { kind: 'frame', title: 'F', rect } },
      { op: 'create', ref: 'n', parent: { ref: 'f' }, item: { kind: 'text', text: 't', rect } },
      { op: 'ensureTag', title: 'T', color: 'red' },
    ];
    expect(fetchChunks(live(ops))).toEqual([]);
  });
});
