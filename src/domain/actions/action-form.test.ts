import { describe, expect, it } from 'vitest';
import type { Action } from './action';
import {
  actionFormFrom,
  actionFormOf,
  CUSTOM_TEAM,
  defaultDueDate,
  problemsAfterEdit,
} from './action-form';

const action = (ownerTeam: string): Action => ({
  id: 'a1',
  title: 'Call back within a day',
  ownerTeam,
  dueDate: '2027-01-15',
  impact: 5,
  feasibility: 2,
  status: 'doing',
  sourceItemIds: ['n1'],
  createdAt: '2026-11-22T10:00:00.000Z',
});

describe('defaultDueDate', () => {
  it('is two weeks on, as YYYY-MM-DD (UTC)', () => {
    expect(defaultDueDate(new Date('2026-12-25T23:30:00.000Z'))).toBe('2027-01-08');
  });
});

describe('actionFormFrom', () => {
  it('fills a draft with the product team, the default scores and a due date two weeks on', () => {
    const sources = ['n1', 'n2'];
    const form = actionFormFrom(
      { title: 'Shorter forms', sourceItemIds: sources },
      2,
      new Date('2026-11-22T10:00:00.000Z'),
    );
    expect(form).toEqual({
      fromDraft: 2,
      id: null,
      title: 'Shorter forms',
      team: 'product',
      customTeam: '',
      dueDate: '2026-12-06',
      impact: '4',
      feasibility: '3',
      status: 'todo',
      sourceItemIds: ['n1', 'n2'],
    });
    expect(form.sourceItemIds).not.toBe(sources);
  });

  it('starts a new action with no sources', () => {
    expect(actionFormFrom({ title: '' }, null, new Date()).sourceItemIds).toEqual([]);
  });
});

describe('actionFormOf', () => {
  it('shows a known team as chosen', () => {
    const form = actionFormOf(action('support'));
    expect(form).toMatchObject({ id: 'a1', team: 'support', customTeam: '', impact: '5' });
    expect(form).toMatchObject({ feasibility: '2', status: 'doing', fromDraft: null });
  });

  it('shows any other team as a custom one, by name', () => {
    expect(actionFormOf(action('Billing'))).toMatchObject({
      team: CUSTOM_TEAM,
      customTeam: 'Billing',
    });
  });
});

describe('problemsAfterEdit', () => {
  const problems = { title: 'Give it a title', ownerTeam: 'Name the team', dueDate: 'Pick a date' };

  it('drops the problems of the edited fields, the team’s for either team field', () => {
    expect(problemsAfterEdit(problems, ['title', 'customTeam'])).toEqual({
      dueDate: 'Pick a date',
    });
    expect(problemsAfterEdit(problems, ['team'])).toEqual({
      title: 'Give it a title',
      dueDate: 'Pick a date',
    });
  });

  it('changes nothing when no edited field had a problem', () => {
    expect(problemsAfterEdit(problems, ['impact', 'status'])).toBeNull();
    expect(problemsAfterEdit({}, ['title'])).toBeNull();
  });
});
