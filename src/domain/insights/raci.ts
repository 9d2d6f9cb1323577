/**
 * RACI (issue 14 §4): for each stage and each action, which department is Responsible,
 * Accountable, Consulted or Informed. The rules of the practice: exactly one Accountable (two is
 * an error the form refuses; none is a warning), at least one Responsible (a warning).
 */
import { departmentLabel, type Department } from './departments';

export const RACI_ROLES = ['R', 'A', 'C', 'I'] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

export const RACI_ROLE_NAMES: Record<RaciRole, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

/** What a row of the matrix is about: a stage of the map or an action of the plan. */
export interface RaciSubject {
  kind: 'stage' | 'action';
  id: string;
}

/** One department's role for one subject; a department has at most one role per subject. */
export interface RaciAssignment {
  subject: RaciSubject;
  department: Department;
  role: RaciRole;
}

export interface RaciFinding {
  severity: 'error' | 'warning';
  subject: RaciSubject;
  message: string;
}

const sameSubject = (a: RaciSubject, b: RaciSubject) => a.kind === b.kind && a.id === b.id;

export const subjectKey = (subject: RaciSubject): string => `${subject.kind}:${subject.id}`;

/**
 * The findings for every subject in `subjects` (named by `nameOf` in messages), in that order.
 * Subjects without any assignment are reported too: an empty row is the warning that matters.
 */
export function checkRaci(
  assignments: readonly RaciAssignment[],
  subjects: readonly RaciSubject[],
  nameOf: (subject: RaciSubject) => string,
): RaciFinding[] {
  const findings: RaciFinding[] = [];
  for (const subject of subjects) {
    const own = assignments.filter((a) => sameSubject(a.subject, subject));
    const accountable = own.filter((a) => a.role === 'A');
    const name = nameOf(subject);
    if (accountable.length > 1)
      findings.push({
        severity: 'error',
        subject,
        message: `${name} has ${accountable.length} Accountable departments (${accountable
          .map((a) => departmentLabel(a.department))
          .join(', ')}); exactly one is accountable.`,
      });
    else if (accountable.length === 0)
      findings.push({
        severity: 'warning',
        subject,
        message: `${name} has no Accountable department.`,
      });
    if (!own.some((a) => a.role === 'R'))
      findings.push({
        severity: 'warning',
        subject,
        message: `${name} has no Responsible department.`,
      });
  }
  return findings;
}

export type RaciChange =
  { ok: true; assignments: RaciAssignment[] } | { ok: false; message: string };

/**
 * Sets (or clears, with `role` null) one department's role for one subject. Refuses a second
 * Accountable with a message naming the one there is, so the matrix never holds the error.
 */
export function setRaciRole(
  assignments: readonly RaciAssignment[],
  subject: RaciSubject,
  department: Department,
  role: RaciRole | null,
  subjectName: string,
): RaciChange {
  const others = assignments.filter(
    (a) => !(sameSubject(a.subject, subject) && a.department === department),
  );
  if (role === null) return { ok: true, assignments: others };
  if (role === 'A') {
    const current = others.find((a) => sameSubject(a.subject, subject) && a.role === 'A');
    if (current)
      return {
        ok: false,
        message: `${departmentLabel(current.department)} is already Accountable for ${subjectName}; exactly one department is. Change that one first.`,
      };
  }
  return { ok: true, assignments: [...others, { subject, department, role }] };
}

/**
 * The team that owns an action, from its RACI row: the Responsible department when there is
 * exactly one, else the Accountable one; null when the row does not say.
 */
export function ownerFromRaci(
  assignments: readonly RaciAssignment[],
  subject: RaciSubject,
): Department | null {
  const own = assignments.filter((a) => sameSubject(a.subject, subject));
  const responsible = own.filter((a) => a.role === 'R');
  if (responsible.length === 1 && responsible[0]) return responsible[0].department;
  return own.find((a) => a.role === 'A')?.department ?? null;
}
