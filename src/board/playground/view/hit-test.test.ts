import { describe, expect, it } from 'vitest';
import { contains } from '../sdk/geometry';
import { boxFromPoints, cascadePoint, idsInBox, toggleId } from './hit-test';

describe('boxFromPoints', () => {
  it('normalises corners given in any order', () => {
    expect(boxFromPoints({ x: 10, y: 0 }, { x: 0, y: 20 })).toEqual({
      x: 0,
      y: 0,
      width: 10,
      height: 20,
    });
  });
});

describe('idsInBox', () => {
  const entries = [
    { id: 'inside', rect: { x: 10, y: 10, width: 20, height: 20 } },
    { id: 'partly', rect: { x: 90, y: 90, width: 20, height: 20 } },
    { id: 'outside', rect: { x: 200, y: 200, width: 10, height: 10 } },
  ];
  it('selects only items wholly inside the box', () => {
    expect(idsInBox(entries, { x: 0, y: 0, width: 100, height: 100 })).toEqual(['inside']);
  });
  it('counts an item touching the edges as inside', () => {
    expect(
      contains({ x: 10, y: 10, width: 20, height: 20 }, { x: 10, y: 10, width: 20, height: 20 }),
    ).toBe(true);
  });
});

describe('toggleId', () => {
  it('adds a missing id and removes a present one', () => {
    expect(toggleId(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleId(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('cascadePoint', () => {
  it('keeps a free spot', () => {
    expect(cascadePoint([], { x: 10.4, y: 20 })).toEqual({ x: 10, y: 20 });
  });
  it('steps away from items centred on the spot', () => {
    const at = (x: number, y: number) => ({
      rect: { x: x - 50, y: y - 50, width: 100, height: 100 },
    });
    expect(cascadePoint([at(0, 0), at(24, 24)], { x: 0, y: 0 })).toEqual({ x: 48, y: 48 });
  });
});
