import { describe, expect, it } from 'vitest';
import {
  checkRaci,
  ownerFromRaci,
  setRaciRole,
  type RaciAssignment,
  type RaciSubject,
} from './raci';

const onboarding: RaciSubject = { kind: 'stage', id: 's1' };
const action: RaciSubject = { kind: 'action', id: 'a1' };
const name = (s: RaciSubject) => (s.kind === 'stage' ? 'Onboarding' : 'Fix card delivery');

describe('setRaciRole', () => {
  it('refuses a second Accountable, naming the first, and changes nothing', () => {
    const first = setRaciRole([], onboarding, 'product', 'A', 'Onboarding');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = setRaciRole(first.assignments, onboarding, 'sales', 'A', 'Onboarding');
    expect(second).toEqual({
      ok: false,
      message:
        'Product is already Accountable for Onboarding; exactly one department is. Change that one first.',
    });
  });

  it('gives a department one role per subject and clears it with null', () => {
    let assignments: RaciAssignment[] = [];
    for (const [dept, role] of [
      ['it', 'C'],
      ['it', 'R'],
      ['support', 'I'],
    ] as const) {
      const change = setRaciRole(assignments, onboarding, dept, role, 'Onboarding');
      if (change.ok) assignments = change.assignments;
    }
    expect(assignments.filter((a) => a.department === 'it')).toEqual([
      { subject: onboarding, department: 'it', role: 'R' },
    ]);
    const cleared = setRaciRole(assignments, onboarding, 'it', null, 'Onboarding');
    expect(cleared.ok && cleared.assignments.map((a) => a.department)).toEqual(['support']);
  });

  it('lets the same department be Accountable for another subject', () => {
    const first = setRaciRole([], onboarding, 'product', 'A', 'Onboarding');
    const second =
      first.ok && setRaciRole(first.assignments, action, 'product', 'A', 'Fix card delivery');
    expect(second && second.ok).toBe(true);
  });
});

describe('checkRaci', () => {
  it('reports two Accountables as an error and missing A or R as warnings, per subject', () => {
    const assignments: RaciAssignment[] = [
      { subject: onboarding, department: 'product', role: 'A' },
      { subject: onboarding, department: 'sales', role: 'A' },
      { subject: onboarding, department: 'it', role: 'R' },
    ];
    const findings = checkRaci(assignments, [onboarding, action], name);
    expect(findings).toEqual([
      {
        severity: 'error',
        subject: onboarding,
        message:
          'Onboarding has 2 Accountable departments (Product, Sales); exactly one is accountable.',
      },
      {
        severity: 'warning',
        subject: action,
        message: 'Fix card delivery has no Accountable department.',
      },
      {
        severity: 'warning',
        subject: action,
        message: 'Fix card delivery has no Responsible department.',
      },
    ]);
  });

  it('finds nothing for a complete row', () => {
    const assignments: RaciAssignment[] = [
      { subject: action, department: 'support', role: 'R' },
      { subject: action, department: 'leadership', role: 'A' },
    ];
    expect(checkRaci(assignments, [action], name)).toEqual([]);
  });
});

describe('ownerFromRaci', () => {
  it('takes the one Responsible, else the Accountable, else nothing', () => {
    const a = (department: string, role: 'R' | 'A' | 'C'): RaciAssignment => ({
      subject: action,
      department,
      role,
    });
    expect(ownerFromRaci([a('it', 'R'), a('leadership', 'A')], action)).toBe('it');
    expect(ownerFromRaci([a('it', 'R'), a('product', 'R'), a('leadership', 'A')], action)).toBe(
      'leadership',
    );
    expect(ownerFromRaci([a('hr', 'C')], action)).toBeNull();
  });
});
