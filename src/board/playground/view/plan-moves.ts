import type { Box } from './camera';

export interface MovableEntry {
  id: string;
  rect: Box;
  parentId: string | null;
}

export interface PlannedMove {
  id: string;
  /** New absolute centre, as `human.move` takes it. */
  x: number;
  y: number;
}

/**
 * Moves for dragging `ids` by (dx, dy) board units. An item whose frame is moved as well is
 * left out: it is stored relative to the frame, so moving it too would move it twice.
 */
export function planMoves(
  entries: ReadonlyMap<string, MovableEntry>,
  ids: Iterable<string>,
  dx: number,
  dy: number,
): PlannedMove[] {
  if (dx === 0 && dy === 0) return [];
  const moving = new Set(ids);
  const moves: PlannedMove[] = [];
  for (const id of moving) {
    const entry = entries.get(id);
    if (!entry || hasAncestorIn(entries, entry, moving)) continue;
    moves.push({
      id,
      x: entry.rect.x + entry.rect.width / 2 + dx,
      y: entry.rect.y + entry.rect.height / 2 + dy,
    });
  }
  return moves;
}

/** Whether a frame `entry` sits in, at any depth, is one of `ids` (a parent loop ends the walk). */
export function hasAncestorIn(
  entries: ReadonlyMap<string, { parentId: string | null }>,
  entry: { parentId: string | null },
  ids: ReadonlySet<string>,
): boolean {
  const seen = new Set<string>();
  let parentId = entry.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    if (ids.has(parentId)) return true;
    seen.add(parentId);
    parentId = entries.get(parentId)?.parentId ?? null;
  }
  return false;
}
