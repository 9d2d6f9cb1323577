import { describe, expect, it } from 'vitest';
import { planMoves, type MovableEntry } from './plan-moves';

const entry = (
  id: string,
  x: number,
  y: number,
  parentId: string | null = null,
): [string, MovableEntry] => [id, { id, rect: { x, y, width: 100, height: 100 }, parentId }];

const entries = new Map([
  entry('frame', 0, 0),
  entry('child', 10, 10, 'frame'),
  entry('loose', 500, 500),
]);

describe('planMoves', () => {
  it('moves each item centre by the offset', () => {
    expect(planMoves(entries, ['loose'], 10, -5)).toEqual([{ id: 'loose', x: 560, y: 545 }]);
  });
  it('leaves out items whose frame moves too', () => {
    expect(planMoves(entries, ['frame', 'child'], 10, 10).map((m) => m.id)).toEqual(['frame']);
  });
  it('moves a child alone when its frame stays', () => {
    expect(planMoves(entries, ['child'], 1, 1)).toEqual([{ id: 'child', x: 61, y: 61 }]);
  });
  it('plans nothing for a zero offset or unknown ids', () => {
    expect(planMoves(entries, ['loose'], 0, 0)).toEqual([]);
    expect(planMoves(entries, ['gone'], 5, 5)).toEqual([]);
  });
});
