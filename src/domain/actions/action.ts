/**
 * An action from the workshop's action plan (issue 5 §4): the winners of a vote turned into owned
 * work with a due date, scored for impact and feasibility, linked to the notes it came from.
 */

export const KNOWN_TEAMS = [
  'marketing',
  'sales',
  'support',
  'product',
  'hr',
  'training',
  'it',
  'leadership',
] as const;
export type KnownTeam = (typeof KNOWN_TEAMS)[number];
/** A known team, or a custom team name typed by the facilitator. */
// `string & {}` keeps editor completion for the known teams while allowing any name.
export type OwnerTeam = KnownTeam | (string & {});

export const TEAM_LABELS: Record<KnownTeam, string> = {
  marketing: 'Marketing',
  sales: 'Sales',
  support: 'Support',
  product: 'Product',
  hr: 'HR',
  training: 'Training',
  it: 'IT',
  leadership: 'Leadership',
};

export const ACTION_STATUSES = ['todo', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** 1 (lowest) to 5 (highest). */
export type Score = 1 | 2 | 3 | 4 | 5;

export const MAX_ACTION_TITLE = 200;
export const MAX_TEAM_NAME = 60;

export interface Action {
  id: string;
  title: string;
  ownerTeam: OwnerTeam;
  /** Calendar date, YYYY-MM-DD (no time zone: a due day means the same day everywhere). */
  dueDate: string;
  impact: Score;
  feasibility: Score;
  status: ActionStatus;
  /** The notes (or cluster members) the action came from. */
  sourceItemIds: string[];
  /** ISO timestamp. */
  createdAt: string;
}

/**
 * An action proposed from the results, before the facilitator fills in what only people know:
 * the owner, the due date, and the impact and feasibility scores.
 */
export interface ActionDraft {
  title: string;
  ownerTeam: OwnerTeam | null;
  dueDate: string | null;
  impact: Score | null;
  feasibility: Score | null;
  status: ActionStatus;
  sourceItemIds: string[];
  /** Where the draft came from in the ranking, for display ("#2, 7 votes"). */
  rank: number;
  score: number;
}
