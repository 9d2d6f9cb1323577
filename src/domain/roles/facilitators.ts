/**
 * Who may change the workshop (issue 9 §6). Participants add and tag notes and vote; creating,
 * updating and removing maps, importing, starting rounds and applying groups are the
 * facilitators'. Neither Miro's Web SDK nor MURAL's API tells an app who owns a board, so the
 * facilitators are a list the workshop keeps: the first person to do a facilitator's action on a
 * board (normally whoever creates the first map) becomes its first facilitator, and facilitators
 * name others. A board with no list yet lets anyone act, so nothing changes for boards that
 * existed before.
 *
 * Honest limit: the list lives in the board's shared app data, which every participant's panel
 * can write; it keeps people from changing the map by mistake, it is not access control.
 */
import { isRecord } from '../common';

export type FacilitatorAction =
  | 'create-map'
  | 'update-map'
  | 'remove-map'
  | 'import-map'
  | 'start-round'
  | 'apply-groups'
  | 'draw-insights'
  | 'draw-curve';

const WORDS: Record<FacilitatorAction, string> = {
  'create-map': 'create maps',
  'update-map': 'change a map',
  'remove-map': 'remove a map',
  'import-map': 'import a map',
  'start-round': 'start vote rounds',
  'apply-groups': 'apply groups to the board',
  'draw-insights': 'put KPI cards or the RACI matrix on the board',
  'draw-curve': 'draw the emotion curve on the board',
};

/** Most facilitators one workshop names (a bound on the shared value, not a workshop limit). */
export const MAX_FACILITATORS = 50;

export interface FacilitatorList {
  /** User ids, in the order they were named. */
  ids: string[];
  /** Display names by id, as known when named. */
  names: Record<string, string>;
}

export const EMPTY_FACILITATORS: FacilitatorList = { ids: [], names: {} };

/** A stored list (`unknown`: whichever panel wrote it); unreadable reads as no list. */
export function parseFacilitators(value: unknown): FacilitatorList {
  if (!isRecord(value) || !Array.isArray(value.ids)) return EMPTY_FACILITATORS;
  const ids = [
    ...new Set(value.ids.filter((id): id is string => typeof id === 'string' && id !== '')),
  ].slice(0, MAX_FACILITATORS);
  const rawNames = isRecord(value.names) ? value.names : {};
  const names: Record<string, string> = {};
  for (const id of ids) {
    const name = rawNames[id];
    if (typeof name === 'string' && name.trim() !== '') names[id] = name.slice(0, 120);
  }
  return { ids, names };
}

export const isFacilitator = (list: FacilitatorList, userId: string): boolean =>
  list.ids.includes(userId);

/** Whether the user may do a facilitator's action: every user may while nobody is named. */
export const mayAct = (list: FacilitatorList, userId: string): boolean =>
  list.ids.length === 0 || isFacilitator(list, userId);

export const namesOf = (list: FacilitatorList): string[] =>
  list.ids.map((id) => list.names[id] ?? 'a facilitator');

/** The message a participant sees when they try a facilitator's action. */
export function refusalFor(action: FacilitatorAction, list: FacilitatorList): string {
  const names = namesOf(list);
  const who = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and others`;
  return `Only this workshop’s facilitators (${who}) can ${WORDS[action]}. Ask one of them to add you under Map › Facilitators; you can still add and tag notes and vote.`;
}

export type ListChange = { ok: true; list: FacilitatorList } | { ok: false; reason: string };

export function withFacilitator(
  list: FacilitatorList,
  user: { id: string; name: string },
): ListChange {
  if (isFacilitator(list, user.id)) return { ok: true, list };
  if (list.ids.length >= MAX_FACILITATORS)
    return { ok: false, reason: `A workshop names at most ${MAX_FACILITATORS} facilitators.` };
  return {
    ok: true,
    list: { ids: [...list.ids, user.id], names: { ...list.names, [user.id]: user.name } },
  };
}

export function withoutFacilitator(list: FacilitatorList, userId: string): ListChange {
  if (!isFacilitator(list, userId)) return { ok: true, list };
  if (list.ids.length === 1)
    return {
      ok: false,
      reason: 'A workshop keeps at least one facilitator: name another one first.',
    };
  const { [userId]: _gone, ...names } = list.names;
  return { ok: true, list: { ids: list.ids.filter((id) => id !== userId), names } };
}
