import { describe, expect, it } from 'vitest';
import {
  borderPoint,
  boundsOf,
  lineBetween,
  nearlyEqual,
  nearlySameRect,
  rectUnion,
  sameCentre,
  sameRect,
} from './board-item';

const box = { x: 0, y: 0, w: 100, h: 100 };

describe('lines between items', () => {
  it('leave a box at its border, towards the other point', () => {
    expect(borderPoint(box, { x: 250, y: 50 })).toEqual({ x: 100, y: 50 });
    expect(borderPoint(box, { x: 150, y: 150 })).toEqual({ x: 100, y: 100 });
    // A point inside the box: the centre.
    expect(borderPoint(box, { x: 60, y: 50 })).toEqual({ x: 50, y: 50 });
  });

  it('join two items border to border, along the line between their centres', () => {
    expect(lineBetween(box, { x: 300, y: 0, w: 100, h: 100 })).toEqual({
      from: { x: 100, y: 50 },
      to: { x: 300, y: 50 },
    });
    // Diagonal: each end is where the line between the centres (50, 50) and (225, 125) crosses
    // its own box: the right edge of the first, the left edge of the second.
    const { from, to } = lineBetween(box, { x: 200, y: 100, w: 50, h: 50 });
    expect(from.x).toBe(100);
    expect(from.y).toBeCloseTo(50 + 75 * (50 / 175), 9);
    expect(to.x).toBe(200);
    expect(to.y).toBeCloseTo(125 - 75 * (25 / 175), 9);
  });
});

describe('matching what the board reports to what was asked for', () => {
  it('takes values within one board unit for the same', () => {
    expect(nearlyEqual(10, 11)).toBe(true);
    expect(nearlyEqual(10, 8.99)).toBe(false);
  });

  it('compares centres, whatever the sizes', () => {
    const a = { x: 0, y: 0, w: 100, h: 50 };
    expect(sameCentre(a, { x: 25.5, y: 10, w: 50, h: 30 })).toBe(true);
    expect(sameCentre(a, { x: 0, y: 1.5, w: 100, h: 50 })).toBe(false);
    expect(sameCentre(a, { x: 1.5, y: 0, w: 100, h: 50 })).toBe(false);
  });

  it('compares rects exactly, or within a unit on each side', () => {
    const a = { x: 0, y: 0, w: 100, h: 50 };
    expect(sameRect(a, { ...a })).toBe(true);
    expect(sameRect(a, { ...a, h: 50.5 })).toBe(false);
    expect(nearlySameRect(a, { x: 1, y: -1, w: 101, h: 49 })).toBe(true);
    for (const side of ['x', 'y', 'w', 'h'] as const)
      expect(nearlySameRect(a, { ...a, [side]: a[side] + 1.5 }), side).toBe(false);
  });
});

describe('the rect around others', () => {
  it('has no bounds for no rects', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([{ x: 1, y: 2, w: 3, h: 4 }])).toEqual({ x: 1, y: 2, w: 3, h: 4 });
  });

  it('holds every rect given, and is the rect itself when given one', () => {
    const a = { x: 10, y: 20, w: 100, h: 50 };
    expect(rectUnion(a)).toEqual(a);
    expect(rectUnion(a, { x: -5, y: 40, w: 20, h: 100 }, { x: 200, y: 0, w: 10, h: 10 })).toEqual({
      x: -5,
      y: 0,
      w: 215,
      h: 140,
    });
  });
});
