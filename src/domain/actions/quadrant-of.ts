/**
 * The impact × feasibility 2 × 2 that prioritises an action plan. Scores run 1–5; 4 and 5 are
 * high, 1 to 3 low: a middling 3 is not yet a case for "do it now", and a strict split keeps the
 * quick-wins corner for actions the team is confident about on both axes.
 */
import type { Action, Score } from './action';

export type Quadrant = 'quick-wins' | 'big-bets' | 'fill-ins' | 'money-pits';

/** Scores at or above this are high. */
export const HIGH_SCORE: Score = 4;

export const QUADRANTS: Record<Quadrant, { label: string; advice: string }> = {
  'quick-wins': { label: 'Quick wins', advice: 'High impact, easy to do: do these first.' },
  'big-bets': { label: 'Big bets', advice: 'High impact, hard to do: plan and staff them.' },
  'fill-ins': { label: 'Fill-ins', advice: 'Low impact, easy to do: when there is slack.' },
  'money-pits': { label: 'Money pits', advice: 'Low impact, hard to do: drop or rethink.' },
};

/** Reading order of the grid: top row high impact, left column high feasibility. */
export const QUADRANT_ORDER: readonly Quadrant[] = [
  'quick-wins',
  'big-bets',
  'fill-ins',
  'money-pits',
];

/**
 * Scores a new action starts with, before the facilitator weighs it. The team has just voted it up
 * (or someone thought it worth adding), so impact starts high; nobody has judged the effort yet,
 * so feasibility starts middling: "Big bets", to plan, never "Money pits", to drop.
 */
export const DEFAULT_SCORES: { impact: Score; feasibility: Score } = { impact: 4, feasibility: 3 };

export function quadrantOf(action: Pick<Action, 'impact' | 'feasibility'>): Quadrant {
  const highImpact = action.impact >= HIGH_SCORE;
  const easy = action.feasibility >= HIGH_SCORE;
  if (highImpact) return easy ? 'quick-wins' : 'big-bets';
  return easy ? 'fill-ins' : 'money-pits';
}
