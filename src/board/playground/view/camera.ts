/**
 * Screen ↔ board coordinates. The board's `viewport()` is the visible board rectangle (as
 * Miro's `viewport.get()`); the view turns it into a camera — the board point at the canvas's
 * top-left corner and a zoom (screen px per board unit) — fitting the rectangle into the canvas
 * the way Miro's `zoomTo` does, and turns the camera back into the rectangle actually visible.
 */
import { contains, type Box } from '../sdk/geometry';
import type { Viewport } from '../sdk/local-board-types';

/** Top-left box, the local board's one shape (sdk/geometry.ts). */
export type { Box };

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;
/** Zoom steps of the +/− buttons and keys. */
export const ZOOM_STEP = 1.25;

export const clampZoom = (zoom: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

const hasArea = (size: Size): boolean => size.width > 0 && size.height > 0;

/** Centres `viewport` in a canvas of `size`, showing all of it. Without a measured canvas, zoom 1. */
export function cameraFromViewport(viewport: Viewport, size: Size): Camera {
  if (!hasArea(size) || viewport.width <= 0 || viewport.height <= 0) {
    return { x: viewport.x, y: viewport.y, zoom: 1 };
  }
  const zoom = clampZoom(Math.min(size.width / viewport.width, size.height / viewport.height));
  const cx = viewport.x + viewport.width / 2;
  const cy = viewport.y + viewport.height / 2;
  return { x: cx - size.width / zoom / 2, y: cy - size.height / zoom / 2, zoom };
}

/** The board rectangle a camera shows in a canvas of `size`. */
export function viewportFromCamera(camera: Camera, size: Size): Viewport {
  return {
    x: camera.x,
    y: camera.y,
    width: size.width / camera.zoom,
    height: size.height / camera.zoom,
  };
}

export const screenToBoard = (camera: Camera, p: Point): Point => ({
  x: camera.x + p.x / camera.zoom,
  y: camera.y + p.y / camera.zoom,
});

export const boardToScreen = (camera: Camera, p: Point): Point => ({
  x: (p.x - camera.x) * camera.zoom,
  y: (p.y - camera.y) * camera.zoom,
});

/** Zooms to `zoom` (clamped) keeping the board point under `anchor` (screen) where it is. */
export function zoomAt(camera: Camera, anchor: Point, zoom: number): Camera {
  const next = clampZoom(zoom);
  const fixed = screenToBoard(camera, anchor);
  return { x: fixed.x - anchor.x / next, y: fixed.y - anchor.y / next, zoom: next };
}

/** Moves the camera by a screen-pixel distance (content follows the pointer). */
export const panBy = (camera: Camera, dx: number, dy: number): Camera => ({
  x: camera.x - dx / camera.zoom,
  y: camera.y - dy / camera.zoom,
  zoom: camera.zoom,
});

/** A camera showing `box` whole with `padding` screen px around it (zoom capped at 100 %). */
export function fitCamera(box: Box, size: Size, padding = 48): Camera {
  const usable = {
    width: Math.max(1, size.width - 2 * padding),
    height: Math.max(1, size.height - 2 * padding),
  };
  const zoom = clampZoom(
    Math.min(1, usable.width / Math.max(1, box.width), usable.height / Math.max(1, box.height)),
  );
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return { x: cx - size.width / zoom / 2, y: cy - size.height / zoom / 2, zoom };
}

/** True when two viewports differ by less than `tolerance` board units on every edge. */
export function viewportsClose(a: Viewport, b: Viewport, tolerance = 0.5): boolean {
  return (
    Math.abs(a.x - b.x) < tolerance &&
    Math.abs(a.y - b.y) < tolerance &&
    Math.abs(a.width - b.width) < tolerance &&
    Math.abs(a.height - b.height) < tolerance
  );
}

/**
 * Spacing of the background dot grid in board units: a power of two times 20, so dots stay
 * between 16 and 32 screen px apart at any zoom.
 */
export function gridSpacing(zoom: number): number {
  let spacing = 20;
  while (spacing * zoom < 16) spacing *= 2;
  while (spacing * zoom >= 32) spacing /= 2;
  return spacing;
}

/** The canvas's background grid: a cell's size on screen, and the offset that moves it with the board. */
export function gridBackground(camera: Camera): {
  backgroundSize: string;
  backgroundPosition: string;
} {
  const grid = gridSpacing(camera.zoom) * camera.zoom;
  return {
    backgroundSize: `${grid}px ${grid}px`,
    backgroundPosition: `${-camera.x * camera.zoom}px ${-camera.y * camera.zoom}px`,
  };
}

/**
 * The board area worth drawing: the visible area plus a quarter of it on every side. It is kept
 * (`previous`) while the visible area stays inside it and it is not much larger than needed, so
 * small pans and zooms leave the drawn item list, and its diff, alone.
 */
export function nextCullBox(previous: Box | null, visible: Box): Box {
  if (
    previous &&
    contains(previous, visible) &&
    previous.width * previous.height <= 4 * visible.width * visible.height
  ) {
    return previous;
  }
  const mx = visible.width / 4;
  const my = visible.height / 4;
  return {
    x: visible.x - mx,
    y: visible.y - my,
    width: visible.width + 2 * mx,
    height: visible.height + 2 * my,
  };
}

/**
 * The camera during a two-finger pinch: zoomed by the change in finger distance, with the board
 * point first under the fingers' midpoint following the midpoint (so a pinch also pans).
 */
export function pinchCamera(
  from: Camera,
  start: { mid: Point; distance: number },
  now: { mid: Point; distance: number },
): Camera {
  const zoom = clampZoom(from.zoom * (now.distance / Math.max(1, start.distance)));
  const anchor = screenToBoard(from, start.mid);
  return { x: anchor.x - now.mid.x / zoom, y: anchor.y - now.mid.y / zoom, zoom };
}
