import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDotStickers, overlapArea, type PlacedItem } from './count-dot-stickers';

const note = (id: string, x: number, y: number, w = 100, h = 100): PlacedItem => ({
  id,
  kind: 'note',
  rect: { x, y, w, h },
  color: 'light_yellow',
});
const dot = (x: number, y: number, color: string | null = 'red', size = 10): PlacedItem => ({
  id: `dot-${x}-${y}-${color}`,
  kind: 'dot',
  rect: { x, y, w: size, h: size },
  color,
});

describe('overlapArea', () => {
  it('is the shared area, and 0 for rectangles that only touch or are apart', () => {
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(25);
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(0);
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 10, w: 10, h: 10 })).toBe(0);
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 30, y: 30, w: 10, h: 10 })).toBe(0);
    expect(overlapArea({ x: 0, y: 0, w: 0, h: 10 }, { x: 0, y: 0, w: 10, h: 10 })).toBe(0);
  });
});

describe('countDotStickers', () => {
  const notes = [note('n1', 0, 0), note('n2', 200, 0)];

  it('counts a dot for the note it sits on, per colour', () => {
    const r = countDotStickers(
      [dot(10, 10), dot(50, 50, 'blue'), dot(20, 70), dot(250, 20, null)],
      notes,
    );
    expect(r.perItem).toEqual([
      { itemId: 'n1', count: 3, byColor: { red: 2, blue: 1 } },
      { itemId: 'n2', count: 1, byColor: { none: 1 } },
    ]);
    expect(r.unplaced).toBe(0);
  });

  it('does not count a dot that only touches a note edge, nor one on empty board', () => {
    // Touches n1's right edge (x = 100) from outside; then a dot far away.
    const r = countDotStickers([dot(100, 40), dot(40, 100), dot(500, 500)], notes);
    expect(r.perItem).toEqual([]);
    expect(r.unplaced).toBe(3);
  });

  it('gives a dot over two notes to the one it overlaps most', () => {
    const side = [note('left', 0, 0), note('right', 100, 0)];
    // 10-wide dot from x = 96: 4 on the left note, 6 on the right.
    expect(countDotStickers([dot(96, 40)], side).perItem.map((p) => p.itemId)).toEqual(['right']);
    // From x = 94: 6 on the left, 4 on the right.
    expect(countDotStickers([dot(94, 40)], side).perItem.map((p) => p.itemId)).toEqual(['left']);
  });

  it('on equal overlap, gives the dot to the note listed first (topmost)', () => {
    const stacked = [note('top', 0, 0), note('under', 0, 0)];
    expect(countDotStickers([dot(10, 10)], stacked).perItem.map((p) => p.itemId)).toEqual(['top']);
    const side = [note('left', 0, 0), note('right', 100, 0)];
    expect(countDotStickers([dot(95, 40)], side).perItem.map((p) => p.itemId)).toEqual(['left']);
    expect(
      countDotStickers([dot(95, 40)], [...side].reverse()).perItem.map((p) => p.itemId),
    ).toEqual(['right']);
  });

  it('counts only items of kind dot', () => {
    const shape = { ...dot(10, 10), kind: 'shape' };
    expect(countDotStickers([shape], notes)).toEqual({ perItem: [], unplaced: 0 });
  });

  it('accounts for every dot once, and does not care where the board is', () => {
    const coord = fc.integer({ min: -50, max: 450 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: coord, y: coord, c: fc.constantFrom('red', 'blue', null) }), {
          maxLength: 40,
        }),
        fc.array(fc.record({ x: coord, y: coord, w: fc.integer({ min: 0, max: 150 }) }), {
          maxLength: 8,
        }),
        fc.integer({ min: -10_000, max: 10_000 }),
        (dotSpecs, noteSpecs, shift) => {
          const dots = dotSpecs.map((d) => dot(d.x, d.y, d.c));
          const boardNotes = noteSpecs.map((n, i) => note(`n${i}`, n.x, n.y, n.w, n.w));
          const r = countDotStickers(dots, boardNotes);
          const counted = r.perItem.reduce((s, p) => s + p.count, 0);
          expect(counted + r.unplaced).toBe(dots.length);
          for (const p of r.perItem) {
            expect(Object.values(p.byColor).reduce((s, n) => s + n, 0)).toBe(p.count);
          }
          const move = (i: PlacedItem): PlacedItem => ({
            ...i,
            rect: { ...i.rect, x: i.rect.x + shift, y: i.rect.y - shift },
          });
          expect(countDotStickers(dots.map(move), boardNotes.map(move))).toEqual(r);
        },
      ),
    );
  });
});
