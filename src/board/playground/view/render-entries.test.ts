import { describe, expect, it } from 'vitest';
import { deriveRenderEntries } from './render-entries';
import { createFakeLocalBoard, frame, note } from './testing/fake-local-board';

describe('deriveRenderEntries', () => {
  const board = () =>
    createFakeLocalBoard({
      items: [
        note('n1', { x: 10, y: 10, width: 100, height: 100, tagIds: ['t1', 'missing'] }),
        frame('f1', { x: 500, y: 500, width: 200, height: 200 }),
        note('n2', { x: 20, y: 20, width: 100, height: 100, parentId: 'f1' }),
      ],
      tags: [{ id: 't1', title: 'Stage · Awareness', color: 'red' }],
    });

  it('puts frames first and gives absolute rectangles', () => {
    const entries = deriveRenderEntries(board());
    expect(entries.map((e) => e.id)).toEqual(['f1', 'n1', 'n2']);
    expect(entries.find((e) => e.id === 'n2')?.rect).toEqual({
      x: 370,
      y: 370,
      width: 100,
      height: 100,
    });
  });

  it('resolves tag ids to tags, skipping unknown ones', () => {
    const n1 = deriveRenderEntries(board()).find((e) => e.id === 'n1');
    expect(n1?.tags.map((t) => t.title)).toEqual(['Stage · Awareness']);
  });

  it('keeps the version of unchanged items and changes it for changed ones', () => {
    const b = board();
    const before = new Map(deriveRenderEntries(b).map((e) => [e.id, e.version]));
    b.human.setText('n1', '<p>new</p>');
    const after = new Map(deriveRenderEntries(b).map((e) => [e.id, e.version]));
    expect(after.get('n1')).not.toBe(before.get('n1'));
    expect(after.get('n2')).toBe(before.get('n2'));
    expect(after.get('f1')).toBe(before.get('f1'));
  });

  it('changes a child’s version when its frame moves', () => {
    const b = board();
    const before = deriveRenderEntries(b).find((e) => e.id === 'n2')?.version;
    b.human.move('f1', 900, 900);
    expect(deriveRenderEntries(b).find((e) => e.id === 'n2')?.version).not.toBe(before);
  });

  it('changes a note’s version when one of its tags is renamed', () => {
    const withTag = (title: string) =>
      createFakeLocalBoard({
        items: [note('n1', { tagIds: ['t1'] })],
        tags: [{ id: 't1', title, color: 'red' }],
      });
    const before = deriveRenderEntries(withTag('Old'))[0]?.version;
    expect(deriveRenderEntries(withTag('New'))[0]?.version).not.toBe(before);
    expect(deriveRenderEntries(withTag('Old'))[0]?.version).toBe(before);
  });
});
