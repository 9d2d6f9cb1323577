/**
 * Dot stickers: small circles or stars that participants place on notes, the paper way of dot
 * voting. Each dot counts for the note it overlaps most (by area of overlap); a dot that only
 * touches a note's edge overlaps nothing. On equal overlap the note listed first wins, so callers
 * pass notes topmost first when they know the stacking order.
 */

/**
 * The fields used of a `BoardItem` (domain/board/board-item.ts), which fits this structurally.
 * Declared here because the layer rule in eslint.config.js forbids any import path through a
 * `board` folder, domain/board included.
 */
export interface PlacedItem {
  id: string;
  kind: string;
  /** Absolute, top-left x, y. */
  rect: Rect;
  /** Palette colour name, or null. */
  color: string | null;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A palette colour name, or 'none' for dots without one. */
export type DotColor = string;

export interface DotCount {
  itemId: string;
  count: number;
  /** Counts per dot colour (colour-coded voting: e.g. one colour per team or per question). */
  byColor: Record<DotColor, number>;
}

export interface DotStickerCounts {
  /** Notes with at least one dot, in the order of `notes`. */
  perItem: DotCount[];
  /** Dots on no note: shown so the facilitator can move them, never counted. */
  unplaced: number;
}

export function countDotStickers(
  dots: readonly PlacedItem[],
  notes: readonly PlacedItem[],
): DotStickerCounts {
  const counts = new Map<string, DotCount>();
  let unplaced = 0;
  for (const dot of dots) {
    if (dot.kind !== 'dot') continue;
    let best: PlacedItem | null = null;
    let bestArea = 0;
    for (const note of notes) {
      const area = overlapArea(dot.rect, note.rect);
      if (area > bestArea) {
        best = note;
        bestArea = area;
      }
    }
    if (!best) {
      unplaced += 1;
      continue;
    }
    let entry = counts.get(best.id);
    if (!entry) {
      entry = { itemId: best.id, count: 0, byColor: {} };
      counts.set(best.id, entry);
    }
    const color: DotColor = dot.color ?? 'none';
    entry.count += 1;
    entry.byColor[color] = (entry.byColor[color] ?? 0) + 1;
  }
  const perItem: DotCount[] = [];
  for (const note of notes) {
    const entry = counts.get(note.id);
    if (entry && !perItem.includes(entry)) perItem.push(entry);
  }
  return { perItem, unplaced };
}

/** Area shared by two rectangles; 0 when they only touch or are apart (or a size is not positive). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
