import { describe, expect, it } from 'vitest';
import { shapePolygon } from './shape-points';

describe('shapePolygon', () => {
  const box = { x: 0, y: 0, width: 100, height: 50 };
  it('draws a triangle inside the box', () => {
    expect(shapePolygon('triangle', box)).toBe('50,0 100,50 0,50');
  });
  it('gives a five-pointed star ten points', () => {
    expect(shapePolygon('star', box)?.split(' ')).toHaveLength(10);
  });
  it('leaves rectangles, circles and unknown shapes to the caller', () => {
    expect(shapePolygon('rectangle', box)).toBeNull();
    expect(shapePolygon('circle', box)).toBeNull();
    expect(shapePolygon('cloud', box)).toBeNull();
  });
});
