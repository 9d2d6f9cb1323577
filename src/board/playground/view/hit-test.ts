import { contains } from '../sdk/geometry';
import type { Box, Point } from './camera';

/** The box spanned by two corner points, in any order. */
export function boxFromPoints(a: Point, b: Point): Box {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

/** Ids of the entries lying wholly inside `box`, as Miro's drag-box selection picks them. */
export function idsInBox(entries: Iterable<{ id: string; rect: Box }>, box: Box): string[] {
  const ids: string[] = [];
  for (const e of entries) if (contains(box, e.rect)) ids.push(e.id);
  return ids;
}

/** `selection` with `id` added, or removed when already there (shift-click). */
export function toggleId(selection: readonly string[], id: string): string[] {
  return selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id];
}

/**
 * Where to put a new item near `p` without covering an item centred exactly there: steps
 * diagonally by `step` until the spot is free (as Miro offsets repeated pastes).
 */
export function cascadePoint(
  entries: Iterable<{ rect: Box }>,
  p: Point,
  step = 24,
  maxSteps = 20,
): Point {
  const centres = new Set<string>();
  for (const e of entries) {
    centres.add(
      `${Math.round(e.rect.x + e.rect.width / 2)},${Math.round(e.rect.y + e.rect.height / 2)}`,
    );
  }
  let spot = { x: Math.round(p.x), y: Math.round(p.y) };
  for (let i = 0; i < maxSteps && centres.has(`${spot.x},${spot.y}`); i++) {
    spot = { x: spot.x + step, y: spot.y + step };
  }
  return spot;
}

/** The topmost sticky note (last in z-order) whose box holds `p`, or null. */
export function topNoteAt(
  entries: readonly { id: string; rect: Box; item: { type: string } }[],
  p: Point,
): string | null {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const e = entries[i]!;
    if (e.item.type !== 'sticky_note') continue;
    const r = e.rect;
    if (p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height) return e.id;
  }
  return null;
}
