/**
 * Plain rectangle geometry for the local board. `Box` is top-left based, as the renderer draws;
 * Miro's own `x, y` (item centres) are converted at the edges.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxFromCentre(cx: number, cy: number, width: number, height: number): Box {
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/** True when the two boxes share area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when `inner` lies wholly inside `outer` (edges may touch). */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function containsPoint(box: Box, px: number, py: number): boolean {
  return px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height;
}

export function boundingBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export interface EmptySpaceRequest {
  /** Centre to search around, as Miro's `findEmptySpace` takes it. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Minimum gap to keep from every occupied box. */
  offset?: number;
}

/** Rings searched before giving up and placing right of everything. */
const MAX_RINGS = 400;

/**
 * Centre-based rect of the requested size, nearest to (x, y) on a grid spiral, that overlaps no
 * occupied box widened by `offset`. Deterministic: the same board gives the same answer.
 */
export function findEmptySpace(occupied: readonly Box[], request: EmptySpaceRequest): Box {
  const { width, height } = request;
  const offset = Math.max(0, request.offset ?? 0);
  const blocked = occupied.map((b) => ({
    x: b.x - offset,
    y: b.y - offset,
    width: b.width + 2 * offset,
    height: b.height + 2 * offset,
  }));
  const free = (cx: number, cy: number): boolean => {
    const candidate = boxFromCentre(cx, cy, width, height);
    return blocked.every((b) => !overlaps(candidate, b));
  };
  const at = (cx: number, cy: number): Box => ({ x: cx, y: cy, width, height });

  if (free(request.x, request.y)) return at(request.x, request.y);
  const step = Math.max(20, Math.min(width, height) / 2);
  for (let ring = 1; ring <= MAX_RINGS; ring += 1) {
    const points: { i: number; j: number }[] = [];
    for (let i = -ring; i <= ring; i += 1) {
      for (let j = -ring; j <= ring; j += 1) {
        if (Math.max(Math.abs(i), Math.abs(j)) === ring) points.push({ i, j });
      }
    }
    // Nearest first; ties broken by angle so the answer never depends on iteration quirks.
    points.sort(
      (a, b) =>
        a.i * a.i + a.j * a.j - (b.i * b.i + b.j * b.j) ||
        Math.atan2(a.j, a.i) - Math.atan2(b.j, b.i),
    );
    for (const p of points) {
      const cx = request.x + p.i * step;
      const cy = request.y + p.j * step;
      if (free(cx, cy)) return at(cx, cy);
    }
  }
  const all = boundingBox(blocked);
  const cx = all ? all.x + all.width + width / 2 : request.x;
  return at(cx, request.y);
}

/**
 * The viewport that shows `box` with a margin, keeping the current viewport's aspect ratio
 * (as Miro's `viewport.zoomTo` frames items on screen).
 */
export function fitViewport(box: Box, current: Box): Box {
  const pad = Math.max(40, 0.1 * Math.max(box.width, box.height));
  let width = box.width + 2 * pad;
  let height = box.height + 2 * pad;
  const aspect = current.width > 0 && current.height > 0 ? current.width / current.height : 16 / 9;
  if (width / height > aspect) height = width / aspect;
  else width = height * aspect;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}
