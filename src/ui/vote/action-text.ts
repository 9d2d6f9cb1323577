/** Vote tab › the words an action is listed and edited in: its status, its team, its line. Pure. */
import {
  TEAM_LABELS,
  type Action,
  type ActionStatus,
  type KnownTeam,
} from '../../domain/actions/action';

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  todo: 'To do',
  doing: 'Doing',
  done: 'Done',
};

/** A known team's label ("HR"), else the name as typed. */
const teamName = (team: string): string => TEAM_LABELS[team as KnownTeam] ?? team;

/** What the plan lists under an action's title: "Product · due 2026-12-01 · I4 F3 · To do". */
export const actionDetailsLine = (
  action: Pick<Action, 'ownerTeam' | 'dueDate' | 'impact' | 'feasibility' | 'status'>,
): string =>
  `${teamName(action.ownerTeam)} · due ${action.dueDate} · I${action.impact} F${action.feasibility} · ${ACTION_STATUS_LABEL[action.status]}`;
