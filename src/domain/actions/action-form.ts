/**
 * The action form's fields (as typed, scores as text) and how a form starts: from a draft or a
 * new action, or from a saved action; which saved problems stay once fields are edited. Pure.
 */
import { KNOWN_TEAMS, type Action, type ActionDraft, type ActionStatus } from './action';
import { DEFAULT_SCORES } from './quadrant-of';

export interface ActionForm {
  id: string | null;
  title: string;
  team: string;
  customTeam: string;
  dueDate: string;
  impact: string;
  feasibility: string;
  status: ActionStatus;
  sourceItemIds: string[];
  /** The draft this form fills in, dropped from the drafts once saved. */
  fromDraft: number | null;
}

export const CUSTOM_TEAM = '__custom__';

/** Today + 14 days, YYYY-MM-DD: a sensible first due date the facilitator changes. */
export function defaultDueDate(now: Date): string {
  return new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
}

/** A form for a draft (or a new action: a title only), due two weeks from `now`. */
export function actionFormFrom(
  draft: Partial<ActionDraft> & { title: string },
  fromDraft: number | null,
  now: Date,
): ActionForm {
  return {
    fromDraft,
    id: null,
    title: draft.title,
    team: 'product',
    customTeam: '',
    dueDate: defaultDueDate(now),
    impact: String(DEFAULT_SCORES.impact),
    feasibility: String(DEFAULT_SCORES.feasibility),
    status: draft.status ?? 'todo',
    sourceItemIds: draft.sourceItemIds ? [...draft.sourceItemIds] : [],
  };
}

/** A form for a saved action; a team not among the known ones is a custom team. */
export function actionFormOf(action: Action): ActionForm {
  const known = (KNOWN_TEAMS as readonly string[]).includes(action.ownerTeam);
  return {
    id: action.id,
    title: action.title,
    team: known ? action.ownerTeam : CUSTOM_TEAM,
    customTeam: known ? '' : action.ownerTeam,
    dueDate: action.dueDate,
    impact: String(action.impact),
    feasibility: String(action.feasibility),
    status: action.status,
    sourceItemIds: [...action.sourceItemIds],
    fromDraft: null,
  };
}

/** The saved action's field whose problems a form field shows: its own name, but for the team. */
const problemFieldOf = (key: string): string =>
  key === 'team' || key === 'customTeam' ? 'ownerTeam' : key;

/**
 * A field's problem speaks of what was saved; once the field is edited it goes, the others stay
 * until the next save says again. Null when no edited field had a problem (nothing changes).
 */
export function problemsAfterEdit(
  problems: Record<string, string>,
  editedKeys: readonly string[],
): Record<string, string> | null {
  const edited = new Set(editedKeys.map(problemFieldOf));
  const entries = Object.entries(problems);
  if (!entries.some(([field]) => edited.has(field))) return null;
  return Object.fromEntries(entries.filter(([field]) => !edited.has(field)));
}
