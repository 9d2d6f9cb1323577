/**
 * Checks an action from the panel's form or from the board's shared collection (`unknown`), with
 * one clear message per field.
 */
import { isIsoTimestamp, isRecord, isWholeNumber } from '../voting/guards';
import {
  ACTION_STATUSES,
  KNOWN_TEAMS,
  MAX_ACTION_TITLE,
  MAX_TEAM_NAME,
  type Action,
  type ActionStatus,
  type Score,
} from './action';

export interface ActionProblem {
  field: keyof Action | '';
  message: string;
}

export type ActionValidation =
  { ok: true; action: Action } | { ok: false; problems: ActionProblem[] };

export function validateAction(input: unknown): ActionValidation {
  if (!isRecord(input))
    return { ok: false, problems: [{ field: '', message: 'An action must be an object.' }] };
  const problems: ActionProblem[] = [];
  const add = (field: ActionProblem['field'], message: string) => problems.push({ field, message });

  if (typeof input.id !== 'string' || input.id === '') add('id', 'The action has no id.');

  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title === '') add('title', 'The action needs a title.');
  else if (title.length > MAX_ACTION_TITLE)
    add('title', `The title is ${title.length} characters long; the limit is ${MAX_ACTION_TITLE}.`);

  const ownerTeam = typeof input.ownerTeam === 'string' ? input.ownerTeam.trim() : '';
  if (ownerTeam === '') add('ownerTeam', 'Choose the team that owns the action.');
  else if (ownerTeam.length > MAX_TEAM_NAME)
    add('ownerTeam', `The team name is longer than ${MAX_TEAM_NAME} characters.`);

  const dueDateProblem = checkDueDate(input.dueDate);
  if (dueDateProblem) add('dueDate', dueDateProblem);

  const impact = checkScore(input.impact, 'impact', 'Impact', add);
  const feasibility = checkScore(input.feasibility, 'feasibility', 'Feasibility', add);

  if (!ACTION_STATUSES.includes(input.status as ActionStatus))
    add('status', `Status must be one of: ${ACTION_STATUSES.join(', ')}.`);

  let sourceItemIds: string[] = [];
  if (input.sourceItemIds === undefined) sourceItemIds = [];
  else if (
    !Array.isArray(input.sourceItemIds) ||
    !input.sourceItemIds.every((id) => typeof id === 'string' && id !== '')
  )
    add('sourceItemIds', 'The source items must be a list of item ids.');
  else sourceItemIds = [...new Set(input.sourceItemIds as string[])];

  if (!isIsoTimestamp(input.createdAt)) add('createdAt', 'The creation time is not a valid date.');

  if (problems.length > 0 || impact === null || feasibility === null)
    return { ok: false, problems };
  return {
    ok: true,
    action: {
      id: input.id as string,
      title,
      ownerTeam: normalizeTeam(ownerTeam),
      dueDate: input.dueDate as string,
      impact,
      feasibility,
      status: input.status as ActionStatus,
      sourceItemIds,
      createdAt: input.createdAt as string,
    },
  };
}

/** Null when `value` is a real calendar date written YYYY-MM-DD; otherwise what is wrong. */
export function checkDueDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return 'Choose a due date.';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return `The due date "${value}" is not written YYYY-MM-DD.`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2026-02-30 over to March 2; a real date survives the round trip.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return `The due date ${value} does not exist in the calendar.`;
  return null;
}

/**
 * True when an unfinished action's due date (YYYY-MM-DD) lies before `today` (the viewer's local
 * date, YYYY-MM-DD). Both are calendar dates written the same way, so they compare as text.
 */
export const isOverdue = (action: Pick<Action, 'dueDate' | 'status'>, today: string): boolean =>
  action.status !== 'done' && checkDueDate(action.dueDate) === null && action.dueDate < today;

/** Known teams are stored by key whatever the case typed ("HR" → 'hr'); custom names as typed. */
function normalizeTeam(team: string): string {
  const key = team.toLowerCase();
  return (KNOWN_TEAMS as readonly string[]).includes(key) ? key : team;
}

function checkScore(
  value: unknown,
  field: 'impact' | 'feasibility',
  label: string,
  add: (field: ActionProblem['field'], message: string) => void,
): Score | null {
  if (isWholeNumber(value) && value >= 1 && value <= 5) return value as Score;
  add(field, `${label} must be a whole number from 1 to 5.`);
  return null;
}
