import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../public/schema/journey-map.v1.json';
import { toExportAction } from './to-export-action';
import { checkDueDate, isOverdue, validateAction } from './validate-action';

const valid = {
  id: 'act-1',
  title: '  Send a welcome call script to support ',
  ownerTeam: 'Support',
  dueDate: '2027-02-28',
  impact: 4,
  feasibility: 5,
  status: 'todo',
  sourceItemIds: ['n1', 'n2', 'n1'],
  createdAt: '2026-11-22T10:00:00.000Z',
};

const problems = (input: unknown) => {
  const r = validateAction(input);
  return r.ok ? [] : r.problems;
};

describe('validateAction', () => {
  it('accepts a valid action: title trimmed, known team by key, repeated sources dropped', () => {
    expect(validateAction(valid)).toEqual({
      ok: true,
      action: {
        ...valid,
        title: 'Send a welcome call script to support',
        ownerTeam: 'support',
        sourceItemIds: ['n1', 'n2'],
      },
    });
  });

  it('keeps a custom team as typed', () => {
    const r = validateAction({ ...valid, ownerTeam: 'Branch network' });
    expect(r.ok && r.action.ownerTeam).toBe('Branch network');
  });

  it('says what is wrong with each field', () => {
    expect(
      problems({
        ...valid,
        id: '',
        title: ' ',
        ownerTeam: '',
        dueDate: '2027-02-29',
        impact: 0,
        feasibility: 6,
        status: 'blocked',
        sourceItemIds: 'n1',
        createdAt: 'now',
      }),
    ).toEqual([
      { field: 'id', message: 'The action has no id.' },
      { field: 'title', message: 'The action needs a title.' },
      { field: 'ownerTeam', message: 'Choose the team that owns the action.' },
      { field: 'dueDate', message: 'The due date 2027-02-29 does not exist in the calendar.' },
      { field: 'impact', message: 'Impact must be a whole number from 1 to 5.' },
      { field: 'feasibility', message: 'Feasibility must be a whole number from 1 to 5.' },
      { field: 'status', message: 'Status must be one of: todo, doing, done.' },
      { field: 'sourceItemIds', message: 'The source items must be a list of item ids.' },
      { field: 'createdAt', message: 'The creation time is not a valid date.' },
    ]);
  });

  it('limits the title and team name lengths', () => {
    expect(problems({ ...valid, title: 'x'.repeat(201) })).toEqual([
      { field: 'title', message: 'The title is 201 characters long; the limit is 200.' },
    ]);
    expect(validateAction({ ...valid, title: 'x'.repeat(200) }).ok).toBe(true);
    expect(problems({ ...valid, ownerTeam: 't'.repeat(61) })[0]?.field).toBe('ownerTeam');
  });

  it('refuses scores that are not whole numbers', () => {
    expect(problems({ ...valid, impact: 2.5 })[0]?.field).toBe('impact');
    expect(problems({ ...valid, feasibility: '3' })[0]?.field).toBe('feasibility');
  });

  it('refuses non-objects', () => {
    expect(validateAction(null)).toEqual({
      ok: false,
      problems: [{ field: '', message: 'An action must be an object.' }],
    });
  });

  it('exports a valid action in the v1 schema shape', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addSchema(schema);
    const check = ajv.compile({ $ref: `${schema.$id}#/$defs/action` });
    const r = validateAction(valid);
    expect(r.ok && check(toExportAction(r.action))).toBe(true);
  });
});

describe('checkDueDate', () => {
  it.each([
    ['2028-02-29', null],
    ['2027-12-31', null],
    ['2027-13-01', 'The due date 2027-13-01 does not exist in the calendar.'],
    ['2027-04-31', 'The due date 2027-04-31 does not exist in the calendar.'],
    ['2027-00-10', 'The due date 2027-00-10 does not exist in the calendar.'],
    ['27-1-5', 'The due date "27-1-5" is not written YYYY-MM-DD.'],
    ['2027-01-05T00:00:00Z', 'The due date "2027-01-05T00:00:00Z" is not written YYYY-MM-DD.'],
    ['', 'Choose a due date.'],
    [null, 'Choose a due date.'],
  ])('%s → %s', (value, expected) => {
    expect(checkDueDate(value)).toBe(expected);
  });

  it('agrees with the calendar for every day of 2000–2100', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          expect(checkDueDate(d.toISOString().slice(0, 10))).toBe(null);
        },
      ),
    );
  });
});

describe('isOverdue', () => {
  it('is true for an unfinished action due before today, and only then', () => {
    expect(isOverdue({ dueDate: '2026-03-01', status: 'todo' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'doing' }, '2026-12-31')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-02', status: 'todo' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-03', status: 'todo' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'done' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: 'soon', status: 'todo' }, '2026-03-02')).toBe(false);
  });
});
