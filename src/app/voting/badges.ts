/**
 * Count badges on the board beside the top items of a round: a small blue rectangle with the
 * count at each note's top-right corner. Rectangles, not circles, so a badge is never counted as
 * a dot sticker. Their ids are kept in the shared collection (`badges`: which badge belongs to
 * which note, and who placed them), since reading metadata costs a call per item on Miro; each
 * also carries the marker `{ m: roundId, r: 'vote-badge' }`. The badges a run means to make are
 * recorded before its first write, so one cut off anywhere leaves nothing the next run misses.
 *
 * Badges follow their note (issue 9 §5): `followBadges`, run by the Vote tab of whoever placed
 * them, moves a badge when its note moves and removes it when its note is deleted; when that panel
 * opens it first puts right what changed while it was closed.
 */
import type { Board, BoardItem, BoardUser, Rect, Unsubscribe, WriteOp } from '../../board/port';
import { sameCentre } from '../../domain/board/board-item';
import { errorMessage } from '../../domain/common';
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
  /** [note id, badge id]: which note each badge belongs to (absent in records of older panels). */
  pairs: [string, string][];
  /** Who placed them: that panel makes them follow their notes. */
  placedBy: string | null;
  /**
   * The badges the last run meant to make (text and place), written before its first write: a
   * badge a cut-off run made but never recorded is found by these and removed with the others.
   */
  planned: { text: string; rect: Rect }[];
}

function readBadgeRecord(value: unknown): BadgeRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { roundId, ids, pairs, placedBy } = value as Record<string, unknown>;
  if (typeof roundId !== 'string' || !Array.isArray(ids)) return null;
  const isId = (id: unknown): id is string => typeof id === 'string' && id !== '';
  return {
    roundId,
    ids: ids.filter(isId),
    pairs: Array.isArray(pairs)
      ? pairs.filter(
          (p): p is [string, string] =>
            Array.isArray(p) && p.length === 2 && isId(p[0]) && isId(p[1]),
        )
      : [],
    placedBy: typeof placedBy === 'string' ? placedBy : null,
    planned: readPlanned((value as Record<string, unknown>).planned),
  };
}

function readPlanned(value: unknown): BadgeRecord['planned'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const { text, rect } = p as Record<string, unknown>;
    const r = rect as Record<string, unknown> | null;
    if (typeof text !== 'string' || typeof r !== 'object' || r === null) return [];
    if (![r.x, r.y, r.w, r.h].every((n) => typeof n === 'number')) return [];
    return [
      { text, rect: { x: r.x as number, y: r.y as number, w: r.w as number, h: r.h as number } },
    ];
  });
}

/** Where a note's badge sits: centred on the note's top-right corner. */
export function badgeRect(note: Rect): Rect {
  return { x: note.x + note.w - BADGE.w / 2, y: note.y - BADGE.h / 2, ...BADGE };
}

export type BadgeOutcome =
  { ok: true; placed: number; skipped: number } | { ok: false; reason: string };

/**
 * Replaces any badges on the board with one per entry whose note is still there. An outcome,
 * never a thrown error: a failed read or write says so, and placing again finishes the job.
 */
export async function placeBadges(
  board: Board,
  roundId: string,
  entries: readonly BadgeEntry[],
  placedBy: BoardUser | null = null,
): Promise<BadgeOutcome> {
  try {
    return await place(board, roundId, entries, placedBy);
  } catch (error) {
    return {
      ok: false,
      reason: `The badges could not all be placed (${errorMessage(error)}); place them again to finish.`,
    };
  }
}

async function place(
  board: Board,
  roundId: string,
  entries: readonly BadgeEntry[],
  placedBy: BoardUser | null,
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
        rect: badgeRect(note.rect),
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
  const planned = ops.flatMap((op) =>
    op.op === 'create' && op.item.kind === 'shape'
      ? [{ text: op.item.text, rect: op.item.rect }]
      : [],
  );
  const base = { roundId, placedBy: placedBy?.id ?? null, planned };
  // Intent before effect: a run cut off after this leaves badges the next run can find.
  await votes(board).set(BADGES_KEY, { ...base, ids: [], pairs: [] });
  const result = await board.apply(ops);
  const ids = Object.values(result.ids);
  const pairs = Object.entries(result.ids);
  await votes(board).set(BADGES_KEY, { ...base, ids, pairs });
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

/** Badges a cut-off run made but never recorded: shapes with a planned badge's text and place. */
async function unrecordedBadges(board: Board, record: BadgeRecord): Promise<string[]> {
  if (record.planned.length === 0) return [];
  const known = new Set(record.ids);
  const shapes = await board.listItems(['shape']);
  return shapes
    .filter(
      (s) =>
        !known.has(s.id) &&
        record.planned.some((p) => p.text === s.text && sameCentre(p.rect, s.rect)),
    )
    .map((s) => s.id);
}

/** Removes the badges Touchpoint placed (ids already gone count as removed). */
export async function removeBadges(board: Board): Promise<BadgeOutcome> {
  try {
    return await unplace(board);
  } catch (error) {
    return {
      ok: false,
      reason: `The badges could not all be removed (${errorMessage(error)}); try again.`,
    };
  }
}

async function unplace(board: Board): Promise<BadgeOutcome> {
  const shared = votes(board);
  const stored = readBadgeRecord(await shared.get(BADGES_KEY));
  if (!stored) return { ok: true, placed: 0, skipped: 0 };
  const record = { ...stored, ids: [...stored.ids, ...(await unrecordedBadges(board, stored))] };
  if (record.ids.length === 0) {
    await shared.remove(BADGES_KEY);
    return { ok: true, placed: 0, skipped: 0 };
  }
  const result = await board.apply(record.ids.map((id) => ({ op: 'remove', id })));
  if (result.failed.length > 0) {
    const left = result.failed.map((f) => (f.op.op === 'remove' ? f.op.id : '')).filter(Boolean);
    await shared.set(BADGES_KEY, {
      ...record,
      ids: left,
      pairs: record.pairs.filter(([, badge]) => left.includes(badge)),
    });
    return { ok: false, reason: `${left.length} badges could not be removed; try again.` };
  }
  await shared.remove(BADGES_KEY);
  return { ok: true, placed: 0, skipped: 0 };
}

const same = (a: Rect, b: Rect) => Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;

/**
 * Keeps the badges `user` placed on their notes: moves a badge after its note moves, removes it
 * when the note is deleted, and on start puts right what changed while no panel followed.
 */
export function followBadges(board: Board, user: BoardUser): Unsubscribe {
  const shared = votes(board);
  let record: BadgeRecord | null = null;
  let closed = false;
  let work = Promise.resolve();
  const queue = (fn: () => Promise<void>) => {
    work = work.then(fn).catch(() => undefined);
  };
  const mine = () => (record && record.placedBy === user.id ? record : null);

  /** Moves badges to their notes' corners and drops badges whose note is gone. */
  const reconcile = (notes: readonly BoardItem[], gone: readonly string[]) =>
    queue(async () => {
      const r = mine();
      if (!r || closed) return;
      const byId = new Map(notes.map((n) => [n.id, n]));
      const ops: WriteOp[] = [];
      const removed = new Set<string>();
      for (const [noteId, badgeId] of r.pairs) {
        if (gone.includes(noteId)) {
          ops.push({ op: 'remove', id: badgeId });
          removed.add(badgeId);
          continue;
        }
        const note = byId.get(noteId);
        if (note) ops.push({ op: 'update', id: badgeId, patch: { rect: badgeRect(note.rect) } });
      }
      if (ops.length === 0) return;
      await board.apply(ops);
      if (removed.size > 0) {
        const next = {
          ...r,
          ids: r.ids.filter((id) => !removed.has(id)),
          pairs: r.pairs.filter(([, b]) => !removed.has(b)),
        };
        record = next;
        await shared.set(BADGES_KEY, next);
      }
    });

  let started = false;
  const stopRecord = shared.watch(BADGES_KEY, (value) => {
    record = readBadgeRecord(value);
    if (started || !mine()) return;
    started = true;
    // Catch up once: notes moved or deleted while no panel followed.
    queue(async () => {
      const notes = await board.listItems(['note']);
      const present = new Set(notes.map((n) => n.id));
      const badges = new Map((await board.listItems(['shape'])).map((b) => [b.id, b]));
      const stale = notes.filter((n) => {
        const badge = record?.pairs.find(([noteId]) => noteId === n.id)?.[1];
        const at = badge ? badges.get(badge) : undefined;
        return at !== undefined && !same(at.rect, badgeRect(n.rect));
      });
      const gone = (mine()?.pairs ?? []).map(([n]) => n).filter((n) => !present.has(n));
      if (stale.length > 0 || gone.length > 0) reconcile(stale, gone);
    });
  });
  const followed = (items: readonly BoardItem[]) =>
    items.filter((i) => mine()?.pairs.some(([noteId]) => noteId === i.id));
  const stops = [
    board.on('items:update', ({ items }) => {
      const moved = followed(items);
      if (moved.length > 0) reconcile(moved, []);
    }),
    board.on('items:delete', ({ ids }) => {
      const gone = ids.filter((id) => mine()?.pairs.some(([noteId]) => noteId === id));
      if (gone.length > 0) reconcile([], gone);
    }),
  ];
  return () => {
    closed = true;
    stopRecord();
    for (const stop of stops) stop();
  };
}
