/**
 * Actions in the shared collection `touchpoint-votes`: one key per action (`action:<id>`) and an
 * index `actions` listing the ids. Only the facilitator's panel edits actions, so the index is a
 * plain list (no concurrent writers to lose entries); participants' panels only read it.
 */
import type { Board, Unsubscribe } from '../../board/port';
import type { Action } from '../../domain/actions/action';
import { validateAction, type ActionProblem } from '../../domain/actions/validate-action';
import { VOTE_COLLECTION } from '../voting/vote-store';

export const ACTION_INDEX_KEY = 'actions';
export const actionKey = (id: string): string => `action:${encodeURIComponent(id)}`;

const readIndex = (value: unknown): string[] =>
  Array.isArray(value)
    ? [...new Set(value.filter((v): v is string => typeof v === 'string' && v !== ''))]
    : [];

export interface LoadedActions {
  actions: Action[];
  /** Stored actions that could not be read (the rest still load). */
  unreadable: number;
}

export async function loadActions(board: Board): Promise<LoadedActions> {
  const shared = board.shared(VOTE_COLLECTION);
  const ids = readIndex(await shared.get(ACTION_INDEX_KEY));
  const values = await Promise.all(ids.map((id) => shared.get(actionKey(id))));
  const actions: Action[] = [];
  let unreadable = 0;
  for (const value of values) {
    if (value === undefined) continue; // removed meanwhile
    const checked = validateAction(value);
    if (checked.ok) actions.push(checked.action);
    else unreadable += 1;
  }
  actions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { actions, unreadable };
}

export type SaveActionOutcome =
  { ok: true; action: Action } | { ok: false; problems: ActionProblem[] };

/** Validates and stores a new or edited action (`unknown`: from the form). */
export async function saveAction(board: Board, input: unknown): Promise<SaveActionOutcome> {
  const checked = validateAction(input);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const shared = board.shared(VOTE_COLLECTION);
  const { action } = checked;
  await shared.set(actionKey(action.id), action);
  const ids = readIndex(await shared.get(ACTION_INDEX_KEY));
  if (!ids.includes(action.id)) await shared.set(ACTION_INDEX_KEY, [...ids, action.id]);
  return { ok: true, action };
}

export async function deleteAction(board: Board, id: string): Promise<void> {
  const shared = board.shared(VOTE_COLLECTION);
  const ids = readIndex(await shared.get(ACTION_INDEX_KEY));
  if (ids.includes(id))
    await shared.set(
      ACTION_INDEX_KEY,
      ids.filter((i) => i !== id),
    );
  await shared.remove(actionKey(id));
}

/** Calls `fn` whenever the index or any listed action changes. */
export function watchActions(board: Board, fn: () => void): Unsubscribe {
  const shared = board.shared(VOTE_COLLECTION);
  const each = new Map<string, Unsubscribe>();
  const stopIndex = shared.watch(ACTION_INDEX_KEY, (value) => {
    const ids = readIndex(value);
    for (const [id, stop] of each) {
      if (!ids.includes(id)) {
        stop();
        each.delete(id);
      }
    }
    for (const id of ids)
      if (!each.has(id))
        each.set(
          id,
          shared.watch(actionKey(id), () => fn()),
        );
    fn();
  });
  return () => {
    stopIndex();
    for (const stop of each.values()) stop();
  };
}
