import { describe, expect, it } from 'vitest';
import type { WriteOp } from './port';
import { touchesTags } from './batch-engine';

const rect = { x: 0, y: 0, w: 199, h: 228 };
const live = (...ops: WriteOp[]) => ops.map((op, i) => ({ op, i }));
const note = (tags?: string[]): WriteOp => ({
  op: 'create',
  ref: 'n',
  item: { kind: 'note', text: 'Fees', rect, color: 'light_yellow', ...(tags ? { tags } : {}) },
});

describe('touchesTags', () => {
  it('holds for each tag op and for a note created with tags', () => {
    expect(touchesTags(live({ op: 'tag', id: 'n1', add: ['Stage · Awareness'], remove: [] }))).toBe(
      true,
    );
    expect(touchesTags(live({ op: 'ensureTag', title: 'Stage · Awareness' }))).toBe(true);
    expect(touchesTags(live({ op: 'renameTag', from: 'Stage · A', to: 'Stage · B' }))).toBe(true);
    expect(touchesTags(live(note(['Stage · Awareness'])))).toBe(true);
  });

  it('does not hold for notes without tags, other items and other ops', () => {
    expect(touchesTags(live(note(), note([])))).toBe(false);
    expect(
      touchesTags(
        live(
          { op: 'create', ref: 'f', item: { kind: 'frame', title: 'Map', rect } },
          { op: 'remove', id: 'n1' },
        ),
      ),
    ).toBe(false);
  });
});
