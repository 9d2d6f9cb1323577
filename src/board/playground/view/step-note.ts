import type { Box } from './camera';

/**
 * The note after (or before) `currentId` in reading order — top to bottom, then left to right,
 * with notes whose tops are within half a note's height counted as one row — so a keyboard user
 * can walk the board's notes one by one. Without a current note, the first (or last) one.
 */
export function stepNote(
  notes: readonly { id: string; rect: Box }[],
  currentId: string | null,
  direction: 1 | -1,
): string | null {
  if (notes.length === 0) return null;
  const ordered = [...notes].sort((a, b) => {
    const rowGap = Math.min(a.rect.height, b.rect.height) / 2;
    if (Math.abs(a.rect.y - b.rect.y) > rowGap) return a.rect.y - b.rect.y;
    return a.rect.x - b.rect.x || a.rect.y - b.rect.y;
  });
  const index = currentId === null ? -1 : ordered.findIndex((n) => n.id === currentId);
  if (index === -1) return (direction === 1 ? ordered[0] : ordered[ordered.length - 1])?.id ?? null;
  const next = (index + direction + ordered.length) % ordered.length;
  return ordered[next]?.id ?? null;
}
