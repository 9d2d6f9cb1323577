import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boardToScreen,
  nextCullBox,
  cameraFromViewport,
  fitCamera,
  gridBackground,
  gridSpacing,
  MAX_ZOOM,
  MIN_ZOOM,
  panBy,
  pinchCamera,
  screenToBoard,
  viewportFromCamera,
  viewportsClose,
  zoomAt,
} from './camera';
import { boundingBox } from '../sdk/geometry';

const size = { width: 1000, height: 500 };

describe('cameraFromViewport', () => {
  it('shows a viewport of the canvas shape exactly', () => {
    const camera = cameraFromViewport({ x: 100, y: 50, width: 2000, height: 1000 }, size);
    expect(camera).toEqual({ x: 100, y: 50, zoom: 0.5 });
    expect(viewportFromCamera(camera, size)).toEqual({ x: 100, y: 50, width: 2000, height: 1000 });
  });
  it('fits a viewport of another shape whole, centred, as zoomTo does', () => {
    const camera = cameraFromViewport({ x: 0, y: 0, width: 100, height: 100 }, size);
    expect(camera.zoom).toBe(5 > MAX_ZOOM ? MAX_ZOOM : 5);
    const visible = viewportFromCamera(camera, size);
    expect(visible.x + visible.width / 2).toBeCloseTo(50);
    expect(visible.y + visible.height / 2).toBeCloseTo(50);
    expect(visible.height).toBeGreaterThanOrEqual(100);
  });
  it('falls back to 100 % without a measured canvas', () => {
    expect(
      cameraFromViewport({ x: 5, y: 6, width: 10, height: 10 }, { width: 0, height: 0 }),
    ).toEqual({ x: 5, y: 6, zoom: 1 });
  });
});

describe('screen and board coordinates', () => {
  it('are inverse transforms', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: MIN_ZOOM, max: MAX_ZOOM, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        (x, y, zoom, px, py) => {
          const camera = { x, y, zoom };
          const back = boardToScreen(camera, screenToBoard(camera, { x: px, y: py }));
          expect(back.x).toBeCloseTo(px, 6);
          expect(back.y).toBeCloseTo(py, 6);
        },
      ),
    );
  });
  it('map the canvas origin to the camera point', () => {
    expect(screenToBoard({ x: 10, y: 20, zoom: 2 }, { x: 0, y: 0 })).toEqual({ x: 10, y: 20 });
    expect(screenToBoard({ x: 10, y: 20, zoom: 2 }, { x: 100, y: 50 })).toEqual({ x: 60, y: 45 });
  });
});

describe('zoomAt', () => {
  it('keeps the board point under the cursor fixed', () => {
    const camera = { x: 100, y: -40, zoom: 0.8 };
    const anchor = { x: 300, y: 120 };
    const before = screenToBoard(camera, anchor);
    const after = screenToBoard(zoomAt(camera, anchor, 1.6), anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });
  it('clamps the zoom', () => {
    expect(zoomAt({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 100).zoom).toBe(MAX_ZOOM);
    expect(zoomAt({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 0.0001).zoom).toBe(MIN_ZOOM);
  });
});

describe('panBy', () => {
  it('moves content with the pointer', () => {
    expect(panBy({ x: 0, y: 0, zoom: 2 }, 100, -50)).toEqual({ x: -50, y: 25, zoom: 2 });
  });
});

describe('boundingBox and fitCamera', () => {
  it('bounds every box, or none', () => {
    expect(boundingBox([])).toBeNull();
    expect(
      boundingBox([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: 20, y: -5, width: 5, height: 5 },
      ]),
    ).toEqual({ x: 0, y: -5, width: 25, height: 15 });
  });
  it('shows the whole box inside the padding, never above 100 %', () => {
    const box = { x: 0, y: 0, width: 4000, height: 1000 };
    const camera = fitCamera(box, size, 50);
    const topLeft = boardToScreen(camera, box);
    const bottomRight = boardToScreen(camera, { x: 4000, y: 1000 });
    expect(topLeft.x).toBeGreaterThanOrEqual(50 - 1e-9);
    expect(bottomRight.x).toBeLessThanOrEqual(950 + 1e-9);
    expect(fitCamera({ x: 0, y: 0, width: 10, height: 10 }, size).zoom).toBe(1);
  });
});

describe('viewportsClose', () => {
  it('tolerates rounding but not moves', () => {
    const v = { x: 0, y: 0, width: 100, height: 100 };
    expect(viewportsClose(v, { ...v, x: 0.1 })).toBe(true);
    expect(viewportsClose(v, { ...v, x: 2 })).toBe(false);
  });
});

describe('gridSpacing', () => {
  it('keeps dots 16 to 32 px apart on screen at any zoom', () => {
    for (const zoom of [0.05, 0.1, 0.33, 1, 1.7, 4]) {
      const px = gridSpacing(zoom) * zoom;
      expect(px).toBeGreaterThanOrEqual(16);
      expect(px).toBeLessThan(32);
    }
  });
});

describe('gridBackground', () => {
  it('sizes the grid at its screen spacing and moves it with the board', () => {
    expect(gridBackground({ x: 0, y: 0, zoom: 1 })).toEqual({
      backgroundSize: '20px 20px',
      backgroundPosition: '0px 0px',
    });
    // At 50 %, 40-unit cells are 20 px; the board point (100, -30) is at the canvas's corner.
    expect(gridBackground({ x: 100, y: -30, zoom: 0.5 })).toEqual({
      backgroundSize: '20px 20px',
      backgroundPosition: '-50px 15px',
    });
  });
});

describe('nextCullBox', () => {
  const visible = { x: 0, y: 0, width: 1000, height: 500 };

  it('covers the visible area with a margin', () => {
    expect(nextCullBox(null, visible)).toEqual({ x: -250, y: -125, width: 1500, height: 750 });
  });

  it('keeps the previous box across a small pan or zoom', () => {
    const first = nextCullBox(null, visible);
    expect(nextCullBox(first, { ...visible, x: 100, y: 50 })).toBe(first);
    expect(nextCullBox(first, { x: -100, y: -50, width: 1200, height: 600 })).toBe(first);
  });

  it('moves when the view leaves the box, and shrinks after zooming far in', () => {
    const first = nextCullBox(null, visible);
    expect(nextCullBox(first, { ...visible, x: 300 })).toEqual({
      x: 50,
      y: -125,
      width: 1500,
      height: 750,
    });
    expect(nextCullBox(first, { x: 0, y: 0, width: 100, height: 50 }).width).toBe(150);
  });

  it('always contains the visible area', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
            y: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
            width: fc.double({ min: 1, max: 1e4, noNaN: true }),
            height: fc.double({ min: 1, max: 1e4, noNaN: true }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (views) => {
          let box = null;
          for (const v of views) {
            box = nextCullBox(box, v);
            expect(box.x).toBeLessThanOrEqual(v.x);
            expect(box.y).toBeLessThanOrEqual(v.y);
            expect(box.x + box.width).toBeGreaterThanOrEqual(v.x + v.width);
            expect(box.y + box.height).toBeGreaterThanOrEqual(v.y + v.height);
          }
        },
      ),
    );
  });
});

describe('pinchCamera', () => {
  const from = { x: 100, y: 50, zoom: 1 };
  it('zooms by the change in finger distance around the midpoint', () => {
    const start = { mid: { x: 200, y: 100 }, distance: 100 };
    const next = pinchCamera(from, start, { mid: { x: 200, y: 100 }, distance: 200 });
    expect(next.zoom).toBe(2);
    expect(screenToBoard(next, start.mid)).toEqual(screenToBoard(from, start.mid));
  });
  it('pans with the midpoint', () => {
    const start = { mid: { x: 200, y: 100 }, distance: 100 };
    const next = pinchCamera(from, start, { mid: { x: 260, y: 90 }, distance: 100 });
    expect(next).toEqual({ x: 40, y: 60, zoom: 1 });
  });
});
