/**
 * The workshop's facilitators on the board (issue 9 §6): one value, `facilitators`, in the
 * shared collection `touchpoint` (ARCHITECTURE.md §6). `guard` is called by the entries before a
 * facilitator's action: it refuses a participant with a clear message, and on a board with no
 * facilitator yet the one who acts becomes the first (normally whoever creates the first map).
 *
 * Writes are read-modify-write with a read-back: the list changes rarely and by facilitators only;
 * two facilitators naming people at the same moment may need a second try (the message says so).
 */
import type { Board, BoardUser, Unsubscribe } from '../../board/port';
import {
  mayAct,
  parseFacilitators,
  refusalFor,
  withFacilitator,
  withoutFacilitator,
  type FacilitatorAction,
  type FacilitatorList,
  type ListChange,
} from '../../domain/roles/facilitators';
import { MAP_COLLECTION } from '../map/map-store';

export const FACILITATORS_KEY = 'facilitators';

const shared = (board: Board) => board.shared(MAP_COLLECTION);

export async function loadFacilitators(board: Board): Promise<FacilitatorList> {
  return parseFacilitators(await shared(board).get(FACILITATORS_KEY));
}

export function watchFacilitators(board: Board, fn: (list: FacilitatorList) => void): Unsubscribe {
  return shared(board).watch(FACILITATORS_KEY, (value) => fn(parseFacilitators(value)));
}

export type Guard = { ok: true } | { ok: false; reason: string };

/** May `user` do `action`? On a board with no facilitator yet, `user` becomes the first. */
export async function guard(
  board: Board,
  user: BoardUser,
  action: FacilitatorAction,
): Promise<Guard> {
  const list = await loadFacilitators(board);
  if (!mayAct(list, user.id)) return { ok: false, reason: refusalFor(action, list) };
  if (list.ids.length === 0) await write(board, withFacilitator(list, user));
  return { ok: true };
}

async function write(board: Board, change: ListChange): Promise<Guard> {
  if (!change.ok) return change;
  await shared(board).set(FACILITATORS_KEY, change.list);
  const back = await loadFacilitators(board);
  if (JSON.stringify(back) !== JSON.stringify(change.list))
    return {
      ok: false,
      reason:
        'Someone changed the facilitators at the same moment; look at the list and try again.',
    };
  return { ok: true };
}

/** A facilitator names another (or the first one claims an unnamed board). */
export async function addFacilitator(
  board: Board,
  actor: BoardUser,
  user: BoardUser,
): Promise<Guard> {
  const list = await loadFacilitators(board);
  if (!mayAct(list, actor.id)) return { ok: false, reason: refusalFor('update-map', list) };
  const start = list.ids.length === 0 ? withFacilitator(list, actor) : { ok: true as const, list };
  if (!start.ok) return start;
  return write(board, withFacilitator(start.list, user));
}

export async function removeFacilitator(
  board: Board,
  actor: BoardUser,
  userId: string,
): Promise<Guard> {
  const list = await loadFacilitators(board);
  if (!mayAct(list, actor.id)) return { ok: false, reason: refusalFor('update-map', list) };
  return write(board, withoutFacilitator(list, userId));
}
