import { describe, expect, it } from 'vitest';
import { spaceRightOf, viewAround } from './free-space';

const size = { w: 300, h: 200 };
const around = { x: 0, y: 0, w: 1000, h: 800 };

describe('spaceRightOf', () => {
  it('is the asked top-left when nothing shares the rows', () => {
    const below = { x: 0, y: 500, w: 100, h: 100 };
    expect(spaceRightOf([below], around, size, 100)).toEqual({ x: 0, y: 0, w: 300, h: 200 });
  });

  it('goes right of everything in the rows, the gap clear', () => {
    const rects = [
      { x: -400, y: 50, w: 100, h: 100 },
      { x: 900, y: 150, w: 200, h: 100 },
      { x: 5000, y: 300, w: 10, h: 10 },
    ];
    expect(spaceRightOf(rects, around, size, 100)).toEqual({ x: 1200, y: 0, w: 300, h: 200 });
  });
});

describe('viewAround', () => {
  it('is null for no rects', () => {
    expect(viewAround([], 50)).toBeNull();
  });

  it('holds every rect with the margin on each side', () => {
    const rects = [
      { x: 100, y: 200, w: 50, h: 50 },
      { x: -20, y: 300, w: 100, h: 400 },
    ];
    expect(viewAround(rects, 50)).toEqual({ x: -70, y: 150, w: 270, h: 600 });
  });
});
