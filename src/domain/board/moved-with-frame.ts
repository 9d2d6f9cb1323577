/**
 * A frame dragged by hand carries what is inside it, but the board reports only the frame's move
 * (Miro sends one update for the frame, none for its children). Whoever keeps a copy of the
 * board's items moves the children too, with this.
 */
import type { BoardItem, Rect } from './board-item';

/**
 * The items `frame` carries from `from` to where it is now: every item inside it, frames within
 * frames too, each moved as much as the frame (none when it did not move). An item is moved once,
 * however its parents point.
 */
export function movedWithFrame(
  items: readonly BoardItem[],
  frame: BoardItem,
  from: Rect,
): BoardItem[] {
  const dx = frame.rect.x - from.x;
  const dy = frame.rect.y - from.y;
  if (dx === 0 && dy === 0) return [];
  const moved: BoardItem[] = [];
  const seen = new Set([frame.id]);
  const carry = (frameId: string): void => {
    for (const child of items) {
      if (child.parentId !== frameId || seen.has(child.id)) continue;
      seen.add(child.id);
      moved.push({ ...child, rect: { ...child.rect, x: child.rect.x + dx, y: child.rect.y + dy } });
      if (child.kind === 'frame') carry(child.id);
    }
  };
  carry(frame.id);
  return moved;
}
