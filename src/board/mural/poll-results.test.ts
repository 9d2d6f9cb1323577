import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../../domain/board/board-item';
import { itemChanges, readTabMessage, seenItems } from './poll-results';

const note = (id: string, text = id): BoardItem => ({
  id,
  kind: 'note',
  text,
  rect: { x: 0, y: 0, w: 100, h: 100 },
  color: null,
  tags: [],
  parentId: null,
  meta: null,
});

describe('itemChanges', () => {
  it('reports items new, changed in any field, and gone since the last look', () => {
    const before = seenItems([note('a'), note('b'), note('c')]);
    const moved = { ...note('b'), rect: { x: 5, y: 0, w: 100, h: 100 } };
    const items = [note('a'), moved, note('d')];
    expect(itemChanges(before, items, seenItems(items))).toEqual({
      created: [note('d')],
      updated: [moved],
      deleted: ['c'],
    });
  });

  it('reports nothing for the same items in another order', () => {
    const before = seenItems([note('a'), note('b')]);
    const items = [note('b'), note('a')];
    expect(itemChanges(before, items, seenItems(items))).toEqual({
      created: [],
      updated: [],
      deleted: [],
    });
  });
});

describe('readTabMessage', () => {
  it('reads shared values, leaving out entries that are not two strings', () => {
    const message = readTabMessage({
      t: 'state',
      entries: [['k', '1'], ['n', 2], 'x', ['m', '"v"', 'extra']],
    });
    expect(message).toEqual({
      t: 'state',
      values: new Map([
        ['k', '1'],
        ['m', '"v"'],
      ]),
    });
  });

  it('reads widgets as a MURAL answer, leaving out what is not a widget', () => {
    const message = readTabMessage({
      t: 'items',
      widgets: [{ id: 'w1', type: 'sticky note', x: 1, y: 2 }, { id: 'w2' }, null],
    });
    expect(message?.t).toBe('items');
    expect(message?.t === 'items' && message.widgets.map((w) => [w.id, w.x, w.y])).toEqual([
      ['w1', 1, 2],
    ]);
  });

  it('is null for anything else a page of this origin may post', () => {
    for (const sent of [null, 'items', { t: 'items' }, { t: 'state', entries: {} }, { t: 'x' }])
      expect(readTabMessage(sent)).toBeNull();
  });
});
