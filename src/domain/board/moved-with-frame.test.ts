import { describe, expect, it } from 'vitest';
import type { BoardItem, ItemKind } from './board-item';
import { movedWithFrame } from './moved-with-frame';

const item = (
  id: string,
  kind: ItemKind,
  x: number,
  parentId: string | null = null,
): BoardItem => ({
  id,
  kind,
  text: id,
  rect: { x, y: 10, w: 50, h: 50 },
  color: null,
  tags: [],
  parentId,
  meta: null,
});

const at = (items: readonly BoardItem[]) =>
  Object.fromEntries(items.map((i) => [i.id, [i.rect.x, i.rect.y]]));

describe('movedWithFrame', () => {
  const frame = item('frame', 'frame', 0);
  const inner = item('inner', 'frame', 100, 'frame');
  const items = [
    frame,
    item('note', 'note', 20, 'frame'),
    inner,
    item('deep', 'note', 120, 'inner'),
    item('outside', 'note', 500),
  ];

  it('moves every item inside the frame, frames within frames too, as much as the frame', () => {
    const dragged = { ...frame, rect: { ...frame.rect, x: 30, y: 25 } };
    expect(at(movedWithFrame(items, dragged, frame.rect))).toEqual({
      note: [50, 25],
      inner: [130, 25],
      deep: [150, 25],
    });
  });

  it('moves nothing when the frame did not move', () => {
    expect(movedWithFrame(items, frame, { ...frame.rect, w: 999 })).toEqual([]);
  });

  it('moves an item once, even where parents point in a circle', () => {
    const a = item('a', 'frame', 0, 'b');
    const b = item('b', 'frame', 0, 'a');
    const moved = movedWithFrame([a, b], { ...a, rect: { ...a.rect, x: 10 } }, a.rect);
    expect(at(moved)).toEqual({ b: [10, 10] });
  });
});
