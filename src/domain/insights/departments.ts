/**
 * Departments (issue 14 §3): each participant picks theirs once per board, from the teams of
 * the workshop practice (the same list as the action plan's owner teams) or a custom name. Notes,
 * votes and ratings carry it, and the coverage view shows who has spoken for which stage.
 */
import { KNOWN_TEAMS, MAX_TEAM_NAME, TEAM_LABELS, type KnownTeam } from '../actions/action';

export const DEPARTMENTS = KNOWN_TEAMS;
export type Department = KnownTeam | (string & {});

export type DepartmentValidation =
  { ok: true; department: Department } | { ok: false; message: string };

/** A known department by key whatever the case typed ("HR" → 'hr'); a custom name as typed. */
export function validateDepartment(input: unknown): DepartmentValidation {
  const name = typeof input === 'string' ? input.replace(/\s+/g, ' ').trim() : '';
  if (name === '') return { ok: false, message: 'Choose your department or type its name.' };
  if (name.length > MAX_TEAM_NAME)
    return {
      ok: false,
      message: `The department name is ${name.length} characters long; the limit is ${MAX_TEAM_NAME}.`,
    };
  const key = name.toLowerCase();
  const known = (KNOWN_TEAMS as readonly string[]).includes(key);
  return { ok: true, department: known ? key : name };
}

export const departmentLabel = (department: Department): string =>
  TEAM_LABELS[department as KnownTeam] ?? department;

/** Something a department contributed at a stage: a note or a vote. */
export interface Contribution {
  stageId: string | null;
  department: Department | null;
  kind: 'note' | 'vote';
}

export interface CoverageCell {
  notes: number;
  votes: number;
}

export interface Coverage {
  /** Rows in a stable order: the known departments first (in the list's order), then others by name. */
  departments: Department[];
  stageIds: string[];
  /** `cells[d][s]` for departments[d] and stageIds[s]. */
  cells: CoverageCell[][];
  /** Departments expected in the room that gave nothing at any stage. */
  silent: Department[];
  /** Stages no department has spoken for (no notes). */
  unheardStages: string[];
  /** Contributions with no department (participants who did not pick one). */
  unattributed: CoverageCell;
}

/**
 * The department × stage matrix. `expected` are the departments invited (e.g. those picked by
 * participants of the board); they get a row even when they said nothing, which is the point.
 */
export function deriveCoverage(
  contributions: readonly Contribution[],
  stageIds: readonly string[],
  expected: readonly Department[],
): Coverage {
  const rows = new Set<Department>(expected);
  for (const c of contributions) if (c.department !== null) rows.add(c.department);
  const known = KNOWN_TEAMS as readonly string[];
  const departments = [...rows].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib);
    return a.localeCompare(b);
  });
  const rowOf = new Map(departments.map((d, i) => [d, i]));
  const colOf = new Map(stageIds.map((s, i) => [s, i]));
  const cells = departments.map(() => stageIds.map(() => ({ notes: 0, votes: 0 })));
  const unattributed = { notes: 0, votes: 0 };
  for (const c of contributions) {
    const col = c.stageId === null ? undefined : colOf.get(c.stageId);
    if (col === undefined) continue;
    const row = c.department === null ? undefined : rowOf.get(c.department);
    const cell = row === undefined ? unattributed : cells[row]?.[col];
    if (!cell) continue;
    if (c.kind === 'note') cell.notes += 1;
    else cell.votes += 1;
  }
  const silent = departments.filter((_, i) =>
    (cells[i] ?? []).every((cell) => cell.notes === 0 && cell.votes === 0),
  );
  const unheardStages = stageIds.filter((_, s) => cells.every((row) => (row[s]?.notes ?? 0) === 0));
  return { departments, stageIds: [...stageIds], cells, silent, unheardStages, unattributed };
}
