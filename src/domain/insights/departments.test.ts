import { describe, expect, it } from 'vitest';
import { deriveCoverage, validateDepartment, type Contribution } from './departments';

describe('validateDepartment', () => {
  it('stores known departments by key and custom names as typed', () => {
    expect(validateDepartment('  HR ')).toEqual({ ok: true, department: 'hr' });
    expect(validateDepartment('Customer  Success')).toEqual({
      ok: true,
      department: 'Customer Success',
    });
  });

  it('refuses an empty name and a 500-character one with the limit', () => {
    expect(validateDepartment('  ').ok).toBe(false);
    const long = validateDepartment('x'.repeat(500));
    expect(long).toEqual({
      ok: false,
      message: 'The department name is 500 characters long; the limit is 60.',
    });
  });
});

describe('deriveCoverage', () => {
  const note = (department: string | null, stageId: string | null): Contribution => ({
    department,
    stageId,
    kind: 'note',
  });
  const vote = (department: string | null, stageId: string): Contribution => ({
    department,
    stageId,
    kind: 'vote',
  });

  it('counts notes and votes per department and stage and names the silent ones', () => {
    const coverage = deriveCoverage(
      [
        note('sales', 's1'),
        note('sales', 's1'),
        vote('sales', 's2'),
        note('Legal', 's2'),
        note(null, 's1'),
        vote(null, 's1'),
        note('it', null),
      ],
      ['s1', 's2', 's3'],
      ['support', 'sales', 'it'],
    );
    expect(coverage.departments).toEqual(['sales', 'support', 'it', 'Legal']);
    expect(coverage.cells[0]).toEqual([
      { notes: 2, votes: 0 },
      { notes: 0, votes: 1 },
      { notes: 0, votes: 0 },
    ]);
    expect(coverage.cells[3]?.[1]).toEqual({ notes: 1, votes: 0 });
    expect(coverage.silent).toEqual(['support', 'it']);
    expect(coverage.unheardStages).toEqual(['s3']);
    expect(coverage.unattributed).toEqual({ notes: 1, votes: 1 });
  });
});
