import { describe, expect, it } from 'vitest';
import {
  fromDotStickers,
  fromNativeVotingResults,
  fromTally,
  mergeVoteSources,
} from './merge-vote-sources';
import { tallyVotes } from './tally-votes';
import { T0, testRound } from './testing/test-round';

describe('fromNativeVotingResults', () => {
  it('keeps valid entries, sums repeats and drops the rest', () => {
    expect(
      fromNativeVotingResults([
        { itemId: 'a', count: 2 },
        { itemId: 'a', count: 1 },
        { itemId: 'b', count: 0 },
        { itemId: '', count: 3 },
        { itemId: 'c', count: 1.5 },
        'junk',
        { itemId: 'd', count: 4, extra: true },
      ]),
    ).toEqual([
      { itemId: 'a', count: 3 },
      { itemId: 'd', count: 4 },
    ]);
    expect(fromNativeVotingResults(undefined)).toEqual([]);
  });
});

describe('mergeVoteSources', () => {
  it('adds the sources per item, marks each, and ranks with shared ties', () => {
    const merged = mergeVoteSources({
      touchpoint: [
        { itemId: 'a', count: 3 },
        { itemId: 'b', count: 1 },
      ],
      dots: [
        { itemId: 'b', count: 2 },
        { itemId: 'c', count: 1 },
      ],
      native: [{ itemId: 'c', count: 2 }],
    });
    expect(merged).toEqual([
      { itemId: 'a', total: 3, bySource: { touchpoint: 3, dots: 0, native: 0 }, rank: 1 },
      { itemId: 'b', total: 3, bySource: { touchpoint: 1, dots: 2, native: 0 }, rank: 1 },
      { itemId: 'c', total: 3, bySource: { touchpoint: 0, dots: 1, native: 2 }, rank: 1 },
    ]);
  });

  it('works with any source missing', () => {
    expect(mergeVoteSources({})).toEqual([]);
    expect(mergeVoteSources({ dots: [{ itemId: 'x', count: 1 }] })).toEqual([
      { itemId: 'x', total: 1, bySource: { touchpoint: 0, dots: 1, native: 0 }, rank: 1 },
    ]);
  });

  it('takes a tally by score and dot stickers by count', () => {
    const round = testRound({ votesPerPerson: 2, perItemCap: 1, weights: [2, 1] });
    const tally = tallyVotes(
      round,
      [{ roundId: 'r1', voterKey: 'u1', updatedAt: T0, ranking: ['b', 'a'] }],
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    );
    expect(fromTally(tally)).toEqual([
      { itemId: 'b', count: 2 },
      { itemId: 'a', count: 1 },
    ]);
    expect(
      fromDotStickers({ perItem: [{ itemId: 'a', count: 2, byColor: { red: 2 } }], unplaced: 1 }),
    ).toEqual([{ itemId: 'a', count: 2 }]);
  });
});
