/**
 * The journey map as the facilitator designs it: stages × lanes, plus title and persona.
 * Stored on the board (shared collection) so every participant's panel sees the same map.
 */

/** Stable ids: renaming a stage or lane keeps its id, so "Update on board" can change in place. */
export interface Stage {
  id: string;
  name: string;
}

/**
 * What a lane holds. Known kinds let reports pick out pain points and opportunities and let the
 * RACI view find the owning team; custom lanes are 'other'.
 */
/** Every lane kind, in one list; `LaneKind` is derived from it. */
export const LANE_KINDS = [
  'actions',
  'touchpoints',
  'emotions',
  'pain_points',
  'opportunities',
  'owner',
  'thinking',
  'frontstage',
  'backstage',
  'support',
  'evidence',
  /** The row under the stage headers where the KPI cards sit (issue 14 §2). */
  'kpis',
  'other',
] as const;

export type LaneKind = (typeof LANE_KINDS)[number];

export interface Lane {
  id: string;
  name: string;
  kind: LaneKind;
}

export interface Persona {
  name: string;
  /** One line. */
  summary: string;
}

export interface MapSpec {
  /** Short id, unique per board (kept in item metadata, so keep it short). */
  id: string;
  title: string;
  /** The preset it started from ('classic', 'service-blueprint', …, 'blank'). */
  presetId: string;
  persona: Persona | null;
  stages: Stage[];
  lanes: Lane[];
}

/** Prefix of the board tag that marks a note's stage: `Stage · Awareness`. */
export const STAGE_TAG_PREFIX = 'Stage · ';
export const stageTagTitle = (stageName: string): string => `${STAGE_TAG_PREFIX}${stageName}`;

/** Longest map name a scope picker shows, so the stage or lane before it stays readable at 320 px. */
export const SHORT_MAP_NAME = 18;

/** A map's title cut to `max` characters (with "…"), for pickers that name the map. */
export function shortMapName(title: string, max = SHORT_MAP_NAME): string {
  const name = title.trim() || 'Untitled map';
  const chars = [...name];
  return chars.length <= max
    ? name
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
