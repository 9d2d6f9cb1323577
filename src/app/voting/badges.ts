/**
 * Count badges on the board beside the top items of a round: a small blue rectangle with the
 * count at each note's top-right corner. Rectangles, not circles, so a badge is never counted as
 * a dot sticker. Their ids are kept in the shared collection (`badges`), since reading metadata
 * costs a call per item on Miro; each also carries the marker `{ m: roundId, r: 'vote-badge' }`.
 */
import type { Board, WriteOp } from '../../board/port';
import { votes } from './vote-store';

export const BADGES_KEY = 'badges';
export const BADGE_ROLE = 'vote-badge';
// Big enough to read when the board is zoomed out to show a whole map.
const BADGE = { w: 84, h: 56 };

export interface BadgeEntry {
  itemId: string;
  /** What the badge shows, e.g. 7. */
  count: number;
}

interface BadgeRecord {
  roundId: string;
  ids: string[];
}

function readBadgeRecord(value: unknown): BadgeRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { roundId, ids } = value as Record<string, unknown>;
  if (typeof roundId !== 'string' || !Array.isArray(ids)) return null;
  return { roundId, ids: ids.filter((id): id is string => typeof id === 'string' && id !== '') };
}

export type BadgeOutcome =
  { ok: true; placed: number; skipped: number } | { ok: false; reason: string };

/** Replaces any badges on the board with one per entry whose note is still there. */
export async function placeBadges(
  board: Board,
  roundId: string,
  entries: readonly BadgeEntry[],
): Promise<BadgeOutcome> {
  const removed = await removeBadges(board);
  if (!removed.ok) return removed;
  const notes = new Map((await board.listItems(['note'])).map((n) => [n.id, n]));
  const ops: WriteOp[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const note = notes.get(entry.itemId);
    if (!note || entry.count <= 0) {
      skipped += 1;
      continue;
    }
    ops.push({
      op: 'create',
      ref: entry.itemId,
      item: {
        kind: 'shape',
        text: String(entry.count),
        rect: {
          x: note.rect.x + note.rect.w - BADGE.w / 2,
          y: note.rect.y - BADGE.h / 2,
          ...BADGE,
        },
        fill: '#4262ff',
        border: '#ffffff',
        textColor: '#ffffff',
        fontSize: 32,
        align: 'center',
      },
      meta: { m: roundId, r: BADGE_ROLE },
    });
  }
  if (ops.length === 0) return { ok: true, placed: 0, skipped };
  const result = await board.apply(ops);
  const ids = Object.values(result.ids);
  await votes(board).set(BADGES_KEY, { roundId, ids });
  if (result.failed.length > 0)
    return {
      ok: false,
      reason: `${result.failed.length} of ${ops.length} badges could not be placed.`,
    };
  // Show the facilitator where they went (the top items may be anywhere on the board).
  const noted = entries.filter((e) => notes.has(e.itemId) && e.count > 0).map((e) => e.itemId);
  await board.zoomTo([...ids, ...noted]).catch(() => undefined);
  return { ok: true, placed: ids.length, skipped };
}

/** Removes the badges Touchpoint placed (ids already gone count as removed). */
export async function removeBadges(board: Board): Promise<BadgeOutcome> {
  const shared = votes(board);
  const record = readBadgeRecord(await shared.get(BADGES_KEY));
  if (!record || record.ids.length === 0) return { ok: true, placed: 0, skipped: 0 };
  const result = await board.apply(record.ids.map((id) => ({ op: 'remove', id })));
  if (result.failed.length > 0) {
    const left = result.failed.map((f) => (f.op.op === 'remove' ? f.op.id : '')).filter(Boolean);
    await shared.set(BADGES_KEY, { roundId: record.roundId, ids: left });
    return { ok: false, reason: `${left.length} badges could not be removed; try again.` };
  }
  await shared.remove(BADGES_KEY);
  return { ok: true, placed: 0, skipped: 0 };
}
