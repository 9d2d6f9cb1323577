import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankWithTies } from './rank-with-ties';

describe('rankWithTies', () => {
  it('gives standard competition ranks: 1, 2, 2, 4', () => {
    const r = rankWithTies([5, 3, 7, 5], (x) => x);
    expect(r.map((e) => [e.entry, e.rank])).toEqual([
      [7, 1],
      [5, 2],
      [5, 2],
      [3, 4],
    ]);
  });

  it('keeps input order among ties', () => {
    const r = rankWithTies(
      [
        { id: 'x', s: 1 },
        { id: 'y', s: 1 },
      ],
      (e) => e.s,
    );
    expect(r.map((e) => e.entry.id)).toEqual(['x', 'y']);
  });

  it('ranks 1 + the number of strictly higher scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 })), (scores) => {
        for (const { entry, rank } of rankWithTies(scores, (x) => x)) {
          expect(rank).toBe(1 + scores.filter((s) => s > entry).length);
        }
      }),
    );
  });
});
