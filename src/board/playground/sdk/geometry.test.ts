import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxFromCentre, findEmptySpace, fitViewport, overlaps, type Box } from './geometry';

describe('findEmptySpace', () => {
  it('returns the requested spot when it is free', () => {
    expect(findEmptySpace([], { x: 10, y: 20, width: 100, height: 50 })).toEqual({
      x: 10,
      y: 20,
      width: 100,
      height: 50,
    });
  });

  it('finds a nearby spot that overlaps nothing, keeping the offset', () => {
    const occupied = [boxFromCentre(0, 0, 400, 400)];
    const found = findEmptySpace(occupied, { x: 0, y: 0, width: 200, height: 200, offset: 50 });
    const box = boxFromCentre(found.x, found.y, found.width, found.height);
    const widened = { x: -250, y: -250, width: 500, height: 500 };
    expect(overlaps(box, widened)).toBe(false);
    expect(Math.hypot(found.x, found.y)).toBeLessThan(600);
  });

  it('never overlaps any occupied box (property)', () => {
    const boxArb = fc.record({
      x: fc.integer({ min: -2000, max: 2000 }),
      y: fc.integer({ min: -2000, max: 2000 }),
      width: fc.integer({ min: 10, max: 800 }),
      height: fc.integer({ min: 10, max: 800 }),
    });
    fc.assert(
      fc.property(fc.array(boxArb, { maxLength: 30 }), boxArb, (occupied: Box[], want) => {
        const found = findEmptySpace(occupied, want);
        const box = boxFromCentre(found.x, found.y, want.width, want.height);
        return occupied.every((o) => !overlaps(box, o));
      }),
      { numRuns: 100 },
    );
  });
});

describe('fitViewport', () => {
  it('contains the box with a margin and keeps the aspect ratio', () => {
    const v = fitViewport(
      { x: 0, y: 0, width: 1000, height: 100 },
      { x: 0, y: 0, width: 1600, height: 900 },
    );
    expect(v.width / v.height).toBeCloseTo(16 / 9);
    expect(v.x).toBeLessThan(0);
    expect(v.x + v.width).toBeGreaterThan(1000);
    expect(v.y).toBeLessThan(0);
    expect(v.y + v.height).toBeGreaterThan(100);
  });
});
