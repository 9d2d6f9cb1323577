import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centreToRect,
  createFrameResolver,
  rectToCentre,
  type CentreGeometry,
} from './coordinates';

const frame = (
  x: number,
  y: number,
  width: number,
  height: number,
  parentId: string | null = null,
): CentreGeometry => ({
  x,
  y,
  width,
  height,
  parentId,
});

describe('centre ↔ top-left', () => {
  it('converts a centred item to its top-left rect and back', () => {
    expect(centreToRect({ x: 0, y: 0, width: 200, height: 100 })).toEqual({
      x: -100,
      y: -50,
      w: 200,
      h: 100,
    });
    expect(centreToRect({ x: 250, y: -40, width: 199, height: 228 })).toEqual({
      x: 150.5,
      y: -154,
      w: 199,
      h: 228,
    });
    expect(rectToCentre({ x: 150.5, y: -154, w: 199, h: 228 })).toEqual({ x: 250, y: -40 });
  });

  it('round-trips any rect', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const size = fc.double({ min: 1, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(n, n, size, size, (x, y, w, h) => {
        const c = rectToCentre({ x, y, w, h });
        const back = centreToRect({ ...c, width: w, height: h });
        expect(back.x).toBeCloseTo(x, 6);
        expect(back.y).toBeCloseTo(y, 6);
      }),
    );
  });
});

describe('frame-relative ↔ absolute', () => {
  // F1: 1000 × 600 centred at (500, 300) → top-left (0, 0).
  // F2: inside F1, 400 × 200 centred at (300, 200) relative to F1 → top-left (100, 100).
  // F3: 2000 × 1000 centred at (-1000, 2000) → top-left (-2000, 1500).
  const frames = new Map<string, CentreGeometry>([
    ['F1', frame(500, 300, 1000, 600)],
    ['F2', frame(300, 200, 400, 200, 'F1')],
    ['F3', frame(-1000, 2000, 2000, 1000)],
  ]);
  const resolver = createFrameResolver(frames);

  it('places a top-level item by its centre', () => {
    expect(resolver.absoluteRect({ x: 10, y: 20, width: 100, height: 50, parentId: null })).toEqual(
      {
        x: -40,
        y: -5,
        w: 100,
        h: 50,
      },
    );
  });

  it('adds the parent frame top-left to a child centre', () => {
    expect(resolver.frameTopLeft('F3')).toEqual({ x: -2000, y: 1500 });
    expect(
      resolver.absoluteRect({ x: 100, y: 50, width: 200, height: 100, parentId: 'F3' }),
    ).toEqual({
      x: -2000,
      y: 1500,
      w: 200,
      h: 100,
    });
  });

  it('resolves chains of nested frames', () => {
    expect(resolver.frameTopLeft('F2')).toEqual({ x: 100, y: 100 });
    expect(resolver.absoluteRect({ x: 50, y: 50, width: 20, height: 20, parentId: 'F2' })).toEqual({
      x: 140,
      y: 140,
      w: 20,
      h: 20,
    });
  });

  it('computes the relative centre a write needs, inverse of absoluteRect', () => {
    const rect = { x: 140, y: 140, w: 20, h: 20 };
    const centre = resolver.relativeCentre(rect, 'F2');
    expect(centre).toEqual({ x: 50, y: 50 });
    expect(resolver.absoluteRect({ ...centre, width: 20, height: 20, parentId: 'F2' })).toEqual(
      rect,
    );
    expect(resolver.relativeCentre(rect, null)).toEqual({ x: 150, y: 150 });
  });

  it('treats an unknown parent as the board, and survives a cycle', () => {
    expect(resolver.frameTopLeft('nope')).toBeUndefined();
    expect(resolver.absoluteRect({ x: 0, y: 0, width: 10, height: 10, parentId: 'nope' })).toEqual({
      x: -5,
      y: -5,
      w: 10,
      h: 10,
    });
    const cyclic = createFrameResolver(
      new Map([
        ['A', frame(0, 0, 10, 10, 'B')],
        ['B', frame(0, 0, 10, 10, 'A')],
      ]),
    );
    expect(() => cyclic.frameTopLeft('A')).not.toThrow();
  });
});
