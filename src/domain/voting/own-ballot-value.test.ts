import { describe, expect, it } from 'vitest';
import { ownBallotValue } from './own-ballot-value';
import { testRound } from './testing/test-round';

const places = testRound({ privacy: 'anonymous' }, { anonymous: { kind: 'places', places: 24 } });
const platform = testRound(
  { privacy: 'anonymous' },
  { anonymous: { kind: 'platform', sessionId: 's1' } },
);
const stored = { voterKey: 'k-mine', votes: [{ itemId: 'a' }] };
const kept = { voterKey: 'k-mine', votes: [] };

describe('ownBallotValue', () => {
  it('finds the stored ballot under the browser’s random key in a round with places', () => {
    const others = [{ voterKey: 'k-other', votes: [] }, 'not a ballot', null];
    expect(ownBallotValue(places, [...others, stored], { voterKey: 'k-mine', ballot: kept })).toBe(
      stored,
    );
  });

  it('falls back to the kept copy when no stored ballot carries the key', () => {
    const others = [{ voterKey: 'k-other', votes: [] }];
    expect(ownBallotValue(places, others, { voterKey: 'k-mine', ballot: kept })).toBe(kept);
  });

  it('uses the kept copy in platform rounds, whatever is stored', () => {
    expect(ownBallotValue(platform, [stored], { voterKey: 'k-mine', ballot: kept })).toBe(kept);
  });

  it('is undefined before the first vote', () => {
    expect(ownBallotValue(places, [], { voterKey: 'k-mine', ballot: null })).toBeUndefined();
  });
});
