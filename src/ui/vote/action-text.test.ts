import { describe, expect, it } from 'vitest';
import { actionDetailsLine } from './action-text';

describe('the line an action is listed with', () => {
  it('names a known team by its label, a custom team as typed, and the status in words', () => {
    const action = {
      ownerTeam: 'hr',
      dueDate: '2026-12-01',
      impact: 4,
      feasibility: 2,
      status: 'doing',
    } as const;
    expect(actionDetailsLine(action)).toBe('HR · due 2026-12-01 · I4 F2 · Doing');
    expect(actionDetailsLine({ ...action, ownerTeam: 'Billing squad', status: 'todo' })).toBe(
      'Billing squad · due 2026-12-01 · I4 F2 · To do',
    );
  });
});
