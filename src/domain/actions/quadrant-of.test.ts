import { describe, expect, it } from 'vitest';
import type { Action, Score } from './action';
import { deriveImpactFeasibilityGrid } from './derive-impact-feasibility-grid';
import { DEFAULT_SCORES, quadrantOf } from './quadrant-of';

const action = (id: string, impact: Score, feasibility: Score, dueDate = '2027-01-15'): Action => ({
  id,
  title: `Action ${id}`,
  ownerTeam: 'product',
  dueDate,
  impact,
  feasibility,
  status: 'todo',
  sourceItemIds: [],
  createdAt: '2026-11-22T10:00:00.000Z',
});

describe('quadrantOf', () => {
  it.each<[Score, Score, string]>([
    [5, 5, 'quick-wins'],
    [4, 4, 'quick-wins'],
    [5, 1, 'big-bets'],
    [4, 3, 'big-bets'],
    [3, 5, 'fill-ins'],
    [1, 4, 'fill-ins'],
    [3, 3, 'money-pits'],
    [1, 1, 'money-pits'],
  ])('impact %i, feasibility %i → %s', (impact, feasibility, quadrant) => {
    expect(quadrantOf({ impact, feasibility })).toBe(quadrant);
  });

  it('starts a new action in "Big bets" (high impact, effort not judged yet), never "Money pits"', () => {
    expect(quadrantOf(DEFAULT_SCORES)).toBe('big-bets');
  });
});

describe('deriveImpactFeasibilityGrid', () => {
  it('puts each action in one quadrant, strongest first', () => {
    const grid = deriveImpactFeasibilityGrid([
      action('a', 4, 4),
      action('b', 5, 4, '2027-03-01'),
      action('c', 5, 4, '2027-02-01'),
      action('d', 2, 2),
      action('e', 5, 2),
      action('f', 1, 5),
    ]);
    expect(
      Object.fromEntries(Object.entries(grid).map(([q, list]) => [q, list.map((a) => a.id)])),
    ).toEqual({
      'quick-wins': ['c', 'b', 'a'],
      'big-bets': ['e'],
      'fill-ins': ['f'],
      'money-pits': ['d'],
    });
  });

  it('gives the same grid whatever order the actions come in', () => {
    const list = [action('a', 4, 4), action('b', 4, 4), action('c', 2, 5)];
    expect(deriveImpactFeasibilityGrid([...list].reverse())).toEqual(
      deriveImpactFeasibilityGrid(list),
    );
  });
});
