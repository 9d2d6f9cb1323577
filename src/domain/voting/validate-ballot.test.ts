import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomVoterKey } from './anonymous-voter-key';
import { votesUsed } from './ballot';
import { T0, testRound } from './testing/test-round';
import { validateBallot, type BallotValidation } from './validate-ballot';

const ballot = (votes: unknown, extra: Record<string, unknown> = {}) => ({
  roundId: 'r1',
  voterKey: 'u1',
  updatedAt: T0,
  votes,
  ...extra,
});

const accepted = (r: BallotValidation) => {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
};

describe('validateBallot: unweighted', () => {
  it('keeps a ballot within budget and cap as it is, with no notices', () => {
    const r = accepted(
      validateBallot(
        ballot([
          { itemId: 'a', count: 2 },
          { itemId: 'b', count: 1 },
        ]),
        testRound({ perItemCap: 2 }),
      ),
    );
    expect(r.ballot).toEqual(
      ballot([
        { itemId: 'a', count: 2 },
        { itemId: 'b', count: 1 },
      ]),
    );
    expect(r.notices).toEqual([]);
  });

  it('trims a ballot over budget, keeping the earliest votes, and says so', () => {
    const round = testRound({ votesPerPerson: 3 });
    const r = accepted(
      validateBallot(
        ballot([
          { itemId: 'a', count: 2 },
          { itemId: 'b', count: 2 },
          { itemId: 'c', count: 1 },
        ]),
        round,
      ),
    );
    expect(r.ballot.votes).toEqual([
      { itemId: 'a', count: 2 },
      { itemId: 'b', count: 1 },
    ]);
    expect(r.notices).toEqual([
      {
        code: 'over-budget',
        message: 'You had 5 votes for a budget of 3; the 2 cast last were not counted.',
        uncounted: 2,
      },
    ]);
  });

  it('trims votes over the cap per item and says so', () => {
    const r = accepted(
      validateBallot(
        ballot([
          { itemId: 'a', count: 4 },
          { itemId: 'b', count: 1 },
        ]),
        testRound({ perItemCap: 2 }),
      ),
    );
    expect(r.ballot.votes).toEqual([
      { itemId: 'a', count: 2 },
      { itemId: 'b', count: 1 },
    ]);
    expect(r.notices).toEqual([
      {
        code: 'over-cap',
        message: 'At most 2 votes on one item: 2 extra votes were not counted.',
        uncounted: 2,
      },
    ]);
  });

  it('applies the cap before the budget, so capped votes free budget for later items', () => {
    const r = accepted(
      validateBallot(
        ballot([
          { itemId: 'a', count: 5 },
          { itemId: 'b', count: 3 },
        ]),
        testRound({ votesPerPerson: 3, perItemCap: 1 }),
      ),
    );
    expect(r.ballot.votes).toEqual([
      { itemId: 'a', count: 1 },
      { itemId: 'b', count: 1 },
    ]);
    expect(r.notices.map((n) => [n.code, n.uncounted])).toEqual([['over-cap', 6]]);
  });

  it('allows stacking the whole budget on one item when there is no cap', () => {
    const r = accepted(
      validateBallot(ballot([{ itemId: 'c', count: 5 }]), testRound({ perItemCap: null })),
    );
    expect(r.ballot.votes).toEqual([{ itemId: 'c', count: 5 }]);
    expect(r.notices).toEqual([]);
  });

  it('merges repeated entries of an item into its first place', () => {
    const r = accepted(
      validateBallot(
        ballot([
          { itemId: 'a', count: 1 },
          { itemId: 'b', count: 1 },
          { itemId: 'a', count: 1 },
        ]),
        testRound(),
      ),
    );
    expect(r.ballot.votes).toEqual([
      { itemId: 'a', count: 2 },
      { itemId: 'b', count: 1 },
    ]);
  });

  it('drops unreadable entries and items outside the round, with a notice for each', () => {
    const r = accepted(
      validateBallot(
        ballot([
          { itemId: 'a', count: 0 },
          'b',
          { itemId: 'zz', count: 2 },
          { itemId: 'c', count: 1.5 },
          { itemId: 'd', count: 1 },
        ]),
        testRound(),
      ),
    );
    expect(r.ballot.votes).toEqual([{ itemId: 'd', count: 1 }]);
    expect(r.notices).toEqual([
      {
        code: 'invalid-entry',
        message: '3 unreadable entries on your ballot were not counted.',
        uncounted: 3,
      },
      {
        code: 'not-in-round',
        message: '2 votes on items that are not part of this round were not counted.',
        uncounted: 2,
      },
    ]);
  });

  it('uses the singular for one vote', () => {
    const r = accepted(
      validateBallot(
        ballot([{ itemId: 'a', count: 3 }]),
        testRound({ votesPerPerson: 2, perItemCap: null }),
      ),
    );
    expect(r.notices[0]?.message).toBe(
      'You had 3 votes for a budget of 2; the one cast last was not counted.',
    );
  });

  it('refuses unreadable ballots, other rounds, missing keys and times, and the wrong kind', () => {
    const round = testRound();
    expect(validateBallot(null, round)).toEqual({
      ok: false,
      reason: 'The ballot is not readable.',
    });
    expect(validateBallot(ballot([], { roundId: 'r2' }), round).ok).toBe(false);
    expect(validateBallot(ballot([], { voterKey: '' }), round).ok).toBe(false);
    expect(validateBallot(ballot([], { updatedAt: 'soon' }), round).ok).toBe(false);
    expect(validateBallot({ ...ballot(undefined), ranking: ['a'] }, round)).toEqual({
      ok: false,
      reason: 'This round counts votes, not ranked picks; the ballot was not counted.',
    });
  });

  it('keeps only the known fields, so a name written by a panel goes no further', () => {
    const r = accepted(
      validateBallot(ballot([], { voterName: 'Ada Lovelace', userId: 'u-ada' }), testRound()),
    );
    expect(Object.keys(r.ballot).sort()).toEqual(['roundId', 'updatedAt', 'voterKey', 'votes']);
  });

  it('in anonymous rounds refuses a ballot keyed by anything but an anonymous key', () => {
    const round = testRound({ privacy: 'anonymous' });
    expect(validateBallot(ballot([], { voterKey: 'user-42' }), round)).toEqual({
      ok: false,
      reason: 'The ballot of an anonymous round is not anonymous.',
    });
    const key = randomVoterKey(new Uint8Array(14).fill(42));
    expect(validateBallot(ballot([], { voterKey: key }), round).ok).toBe(true);
  });

  it('never counts more than the budget or the cap, whatever the ballot says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.option(fc.integer({ min: 1, max: 99 })),
        fc.array(
          fc.record({
            itemId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x'),
            count: fc.integer({ min: -3, max: 200 }),
          }),
          { maxLength: 30 },
        ),
        (budget, rawCap, votes) => {
          const cap = rawCap === null ? null : Math.min(rawCap, budget);
          const r = validateBallot(
            ballot(votes),
            testRound({ votesPerPerson: budget, perItemCap: cap }),
          );
          if (!r.ok) return false;
          const ids = (r.ballot.votes ?? []).map((v) => v.itemId);
          const submitted = votes
            .filter((v) => v.count >= 1 && v.itemId !== 'x')
            .reduce((s, v) => s + v.count, 0);
          const uncountedValid = r.notices
            .filter((n) => n.code === 'over-cap' || n.code === 'over-budget')
            .reduce((s, n) => s + n.uncounted, 0);
          return (
            votesUsed(r.ballot) <= budget &&
            (r.ballot.votes ?? []).every((v) => v.count >= 1 && (cap === null || v.count <= cap)) &&
            new Set(ids).size === ids.length &&
            // Every submitted valid vote is either counted or explained by a notice.
            votesUsed(r.ballot) + uncountedValid === submitted
          );
        },
      ),
    );
  });
});

describe('validateBallot: weighted (ranked picks)', () => {
  const round = testRound({ votesPerPerson: 3, perItemCap: 1, weights: [3, 2, 1] });
  const ranked = (ranking: unknown) => ({ roundId: 'r1', voterKey: 'u1', updatedAt: T0, ranking });

  it('keeps distinct picks in order', () => {
    const r = accepted(validateBallot(ranked(['c', 'a']), round));
    expect(r.ballot.ranking).toEqual(['c', 'a']);
    expect(r.notices).toEqual([]);
  });

  it('drops repeated picks and picks past the last place, and says so', () => {
    const r = accepted(validateBallot(ranked(['c', 'c', 'a', 'b', 'd']), round));
    expect(r.ballot.ranking).toEqual(['c', 'a', 'b']);
    expect(r.notices).toEqual([
      {
        code: 'repeated-pick',
        message: 'Each item can be picked once: 1 repeated pick was not counted.',
        uncounted: 1,
      },
      {
        code: 'over-budget',
        message: 'You had 4 picks for 3 places; the last one was not counted.',
        uncounted: 1,
      },
    ]);
  });

  it('refuses plain votes in a ranked round', () => {
    expect(validateBallot(ballot([{ itemId: 'a', count: 1 }]), round)).toEqual({
      ok: false,
      reason: 'This round counts ranked picks; the ballot had none and was not counted.',
    });
  });
});
