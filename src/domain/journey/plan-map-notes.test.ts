import { describe, expect, it } from 'vitest';
import { addStage, removeStage } from './edit-spec';
import { cellKey, LAYOUT, layoutMap, type MapLayout } from './layout';
import { notesByCell, planNoteMoves } from './plan-map-notes';
import { sampleSpec } from './testing/sample-spec';

const spec = sampleSpec;
const before = layoutMap(spec, { x: 100, y: 200 });
const byKey = (layout: MapLayout) => new Map(layout.items.map((i) => [i.key, i]));
const cellRect = (layout: MapLayout, key: string) => layout.items.find((i) => i.key === key)!.rect;
const noteIn = (key: string, id: string, w = 200) => {
  const cell = cellRect(before, key);
  return { id, rect: { x: cell.x + 20, y: cell.y + 30, w, h: 200 } };
};
const outside = { id: 'far', rect: { x: -5000, y: -5000, w: 200, h: 200 } };

describe('notesByCell', () => {
  it('finds the cell under each note’s centre, null outside the grid', () => {
    expect(notesByCell(before, [noteIn(cellKey('b', 'y'), 'n1'), outside])).toEqual([
      { note: noteIn(cellKey('b', 'y'), 'n1'), cell: { stageId: 'b', laneId: 'y' } },
      { note: outside, cell: null },
    ]);
  });
});

describe('planNoteMoves', () => {
  it('moves a note by its cell’s shift; a note outside the grid or in a cell that stays stays', () => {
    const after = layoutMap(addStage(spec, { id: 'n', name: 'New' }, 1), before.origin);
    const shifted = noteIn(cellKey('b', 'x'), 'n1');
    const still = noteIn(cellKey('a', 'y'), 'n2');
    const placed = notesByCell(before, [shifted, outside, still]);
    const { moves, rects } = planNoteMoves(placed, byKey(before), byKey(after), after);
    const dx = cellRect(after, cellKey('b', 'x')).x - cellRect(before, cellKey('b', 'x')).x;
    expect(dx).toBe(LAYOUT.cellWidth + LAYOUT.gap);
    const moved = { ...shifted.rect, x: shifted.rect.x + dx };
    expect(moves).toEqual([{ id: 'n1', rect: moved }]);
    expect(rects).toEqual([moved, outside.rect, still.rect]);
  });

  it('parks the notes of a removed cell in rows of three right of the grid, after the moves', () => {
    const after = layoutMap(removeStage(spec, 'a'), before.origin);
    const notes = [1, 2, 3, 4].map((i) => noteIn(cellKey('a', 'x'), `p${i}`, i === 2 ? 260 : 200));
    const kept = noteIn(cellKey('b', 'x'), 'k');
    const placed = notesByCell(before, [...notes, kept]);
    const { moves, rects } = planNoteMoves(placed, byKey(before), byKey(after), after);
    const frame = after.geometry.frame;
    const left = frame.x + frame.w;
    const top = after.geometry.rows[0]!.y;
    const slot = 260 + LAYOUT.gap;
    const keptRect = { ...kept.rect, x: kept.rect.x - (LAYOUT.cellWidth + LAYOUT.gap) };
    const parked = [
      { x: left, y: top, w: 200, h: 200 },
      { x: left + slot, y: top, w: 260, h: 200 },
      { x: left + 2 * slot, y: top, w: 200, h: 200 },
      { x: left, y: top + slot, w: 200, h: 200 },
    ];
    expect(moves).toEqual([
      { id: 'k', rect: keptRect },
      ...parked.map((rect, i) => ({ id: `p${i + 1}`, rect })),
    ]);
    expect(rects).toEqual([keptRect, ...parked]);
  });
});
