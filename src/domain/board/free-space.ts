/**
 * Room on a board worked out from the items' rects alone, for a platform that neither finds free
 * space nor has a camera apps can read (MURAL).
 */
import { rectsOverlap, type Rect } from './board-item';

/**
 * A `size` box right of every rect that shares its rows (from `around.y`, `size.h` high), `gap`
 * clear of them: free by construction. With none in those rows, `around`'s own top-left.
 */
export function spaceRightOf(
  rects: readonly Rect[],
  around: Rect,
  size: { w: number; h: number },
  gap: number,
): Rect {
  const rows = { x: -1e12, y: around.y, w: 2e12, h: size.h };
  const right = rects
    .filter((r) => rectsOverlap(r, rows))
    .reduce((max, r) => Math.max(max, r.x + r.w), around.x - gap);
  return { x: right + gap, y: around.y, w: size.w, h: size.h };
}

/** The view holding every rect with `margin` around them; null when there are none. */
export function viewAround(rects: readonly Rect[], margin: number): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x)) - margin;
  const y = Math.min(...rects.map((r) => r.y)) - margin;
  const right = Math.max(...rects.map((r) => r.x + r.w)) + margin;
  const bottom = Math.max(...rects.map((r) => r.y + r.h)) + margin;
  return { x, y, w: right - x, h: bottom - y };
}
