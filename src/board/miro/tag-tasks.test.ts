import { describe, expect, it } from 'vitest';
import type { WriteOp } from '../port';
import { tagColors } from './tag-tasks';

describe('tagColors', () => {
  it("takes each title's colour from its first ensureTag, even when that one asks for none", () => {
    const ops: WriteOp[] = [
      { op: 'ensureTag', title: 'A', color: 'red' },
      { op: 'ensureTag', title: 'A', color: 'blue' },
      { op: 'ensureTag', title: 'B' },
      { op: 'ensureTag', title: 'B', color: 'red' },
      { op: 'tag', id: 'n', add: ['C'] },
      { op: 'renameTag', from: 'A', to: 'D' },
    ];
    expect(tagColors(ops.map((op) => ({ op })))).toEqual(
      new Map([
        ['A', 'red'],
        ['B', undefined],
      ]),
    );
  });
});
