import type { Rect } from '../board/board-item';

/**
 * A uniform-grid bucket index over rectangles, answering "which rect contains this point" without
 * scanning every rect. Rects that overlap resolve to the one listed first, so the answer never
 * depends on bucket order.
 */
export interface CellIndex<T extends { rect: Rect }> {
  find(point: { x: number; y: number }): T | null;
}

// Bounds the bucket count for huge or oddly shaped rects; beyond it a plain scan is as fast.
const MAX_BUCKETS_PER_RECT = 4096;

const isFiniteRect = (r: Rect): boolean =>
  Number.isFinite(r.x) &&
  Number.isFinite(r.y) &&
  Number.isFinite(r.w) &&
  Number.isFinite(r.h) &&
  r.w > 0 &&
  r.h > 0;

export function createCellIndex<T extends { rect: Rect }>(cells: readonly T[]): CellIndex<T> {
  const usable = cells
    .map((cell, order) => ({ cell, order }))
    .filter(({ cell }) => isFiniteRect(cell.rect));
  if (usable.length === 0) return { find: () => null };

  // Bucket size near the mean cell size: most cells land in one to four buckets.
  const mean =
    usable.reduce((sum, { cell }) => sum + Math.min(cell.rect.w, cell.rect.h), 0) / usable.length;
  const size = Math.max(mean, Number.MIN_VALUE);
  const buckets = new Map<string, { cell: T; order: number }[]>();
  const oversized: { cell: T; order: number }[] = [];

  for (const entry of usable) {
    const { x, y, w, h } = entry.cell.rect;
    const x0 = Math.floor(x / size);
    const x1 = Math.floor((x + w) / size);
    const y0 = Math.floor(y / size);
    const y1 = Math.floor((y + h) / size);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_BUCKETS_PER_RECT) {
      oversized.push(entry);
      continue;
    }
    for (let bx = x0; bx <= x1; bx += 1) {
      for (let by = y0; by <= y1; by += 1) {
        const key = `${bx},${by}`;
        const list = buckets.get(key);
        if (list) list.push(entry);
        else buckets.set(key, [entry]);
      }
    }
  }

  const contains = (r: Rect, p: { x: number; y: number }): boolean =>
    p.x >= r.x && p.x < r.x + r.w && p.y >= r.y && p.y < r.y + r.h;

  return {
    find(point) {
      if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return null;
      let best: { cell: T; order: number } | null = null;
      const key = `${Math.floor(point.x / size)},${Math.floor(point.y / size)}`;
      for (const entry of buckets.get(key) ?? []) {
        if ((best === null || entry.order < best.order) && contains(entry.cell.rect, point)) {
          best = entry;
        }
      }
      for (const entry of oversized) {
        if ((best === null || entry.order < best.order) && contains(entry.cell.rect, point)) {
          best = entry;
        }
      }
      return best?.cell ?? null;
    },
  };
}
