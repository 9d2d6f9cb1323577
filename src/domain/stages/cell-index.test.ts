import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCellIndex } from './cell-index';

const cell = (name: string, x: number, y: number, w: number, h: number) => ({
  name,
  rect: { x, y, w, h },
});

describe('createCellIndex', () => {
  it('finds the containing cell, half-open on the right and bottom edges', () => {
    const index = createCellIndex([cell('a', 0, 0, 100, 100), cell('b', 100, 0, 100, 100)]);
    expect(index.find({ x: 0, y: 0 })?.name).toBe('a');
    expect(index.find({ x: 99.9, y: 50 })?.name).toBe('a');
    expect(index.find({ x: 100, y: 50 })?.name).toBe('b');
    expect(index.find({ x: 200, y: 50 })).toBeNull();
    expect(index.find({ x: NaN, y: 50 })).toBeNull();
  });

  it('resolves overlaps to the cell listed first, also for oversized cells', () => {
    const index = createCellIndex([
      cell('small', 10, 10, 10, 10),
      cell('huge', -1e9, -1e9, 2e9, 2e9),
      cell('later', 10, 10, 10, 10),
    ]);
    expect(index.find({ x: 15, y: 15 })?.name).toBe('small');
    expect(index.find({ x: 5e8, y: 0 })?.name).toBe('huge');
  });

  it('still finds a cell far larger than the rest (kept out of the buckets)', () => {
    const tiny = Array.from({ length: 100 }, (_, i) => cell(`t${i}`, i * 2, 0, 1, 1));
    const index = createCellIndex([...tiny, cell('huge', -5e6, -5e6, 1e7, 1e7)]);
    expect(index.find({ x: 4.5, y: 0.5 })?.name).toBe('t2');
    expect(index.find({ x: 3e6, y: -3e6 })?.name).toBe('huge');
    expect(index.find({ x: 1.5, y: 0.5 })?.name).toBe('huge');
  });

  it('skips empty and non-finite cells and copes with none at all', () => {
    expect(createCellIndex([]).find({ x: 0, y: 0 })).toBeNull();
    const index = createCellIndex([cell('empty', 0, 0, 0, 10), cell('nan', NaN, 0, 10, 10)]);
    expect(index.find({ x: 0, y: 5 })).toBeNull();
  });

  it('agrees with a linear scan on random cells and points (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -500, max: 500 }),
      y: fc.integer({ min: -500, max: 500 }),
      w: fc.integer({ min: 0, max: 400 }),
      h: fc.integer({ min: 0, max: 400 }),
    });
    const point = fc.record({
      x: fc.double({ min: -600, max: 900, noNaN: true }),
      y: fc.double({ min: -600, max: 900, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(rect, { maxLength: 20 }),
        fc.array(point, { maxLength: 20 }),
        (rects, points) => {
          const cells = rects.map((r, i) => ({ name: String(i), rect: r }));
          const index = createCellIndex(cells);
          for (const p of points) {
            const expected = cells.find(
              (c) =>
                c.rect.w > 0 &&
                c.rect.h > 0 &&
                p.x >= c.rect.x &&
                p.x < c.rect.x + c.rect.w &&
                p.y >= c.rect.y &&
                p.y < c.rect.y + c.rect.h,
            );
            expect(index.find(p)).toBe(expected ?? null);
          }
        },
      ),
    );
  });
});
