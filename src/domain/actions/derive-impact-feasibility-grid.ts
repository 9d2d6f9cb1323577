/**
 * The actions sorted into the 2 × 2 for the panel (and the optional board frame). Within a
 * quadrant the strongest come first: impact, then feasibility, then the earliest due date, then
 * title, so the order is stable whatever order the actions were stored in.
 */
import type { Action } from './action';
import { QUADRANT_ORDER, quadrantOf, type Quadrant } from './quadrant-of';

export type ImpactFeasibilityGrid = Record<Quadrant, Action[]>;

export function deriveImpactFeasibilityGrid(actions: readonly Action[]): ImpactFeasibilityGrid {
  const grid = Object.fromEntries(
    QUADRANT_ORDER.map((q) => [q, [] as Action[]]),
  ) as ImpactFeasibilityGrid;
  for (const action of actions) grid[quadrantOf(action)].push(action);
  for (const q of QUADRANT_ORDER) grid[q].sort(compareActions);
  return grid;
}

function compareActions(a: Action, b: Action): number {
  return (
    b.impact - a.impact ||
    b.feasibility - a.feasibility ||
    compare(a.dueDate, b.dueDate) ||
    compare(a.title, b.title) ||
    compare(a.id, b.id)
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
