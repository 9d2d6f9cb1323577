import { describe, expect, it } from 'vitest';
import { createBallot, type Ballot } from './ballot';
import { castVote, remainingVotes, retractVote, type VoteChange } from './cast-vote';
import { T0, testRound } from './testing/test-round';
import { validateBallot } from './validate-ballot';
import type { VoteRound } from './vote-round';

const T1 = '2026-11-22T10:01:00.000Z';

const ok = (change: VoteChange): Ballot => {
  if (!change.ok) throw new Error(change.reason);
  return change.ballot;
};

const castAll = (round: VoteRound, itemIds: string[]): Ballot =>
  itemIds.reduce((b, id) => ok(castVote(b, id, round, T1)), createBallot(round, 'u1', T0));

describe('castVote / retractVote / remainingVotes', () => {
  it('counts down the budget as votes are cast and up as they are taken back', () => {
    const round = testRound({ votesPerPerson: 3 });
    expect(remainingVotes(null, round)).toBe(3);
    let b = castAll(round, ['a', 'a']);
    expect(b.votes).toEqual([{ itemId: 'a', count: 2 }]);
    expect(b.updatedAt).toBe(T1);
    expect(remainingVotes(b, round)).toBe(1);
    b = ok(retractVote(b, 'a', round, T1));
    expect(b.votes).toEqual([{ itemId: 'a', count: 1 }]);
    b = ok(retractVote(b, 'a', round, T1));
    expect(b.votes).toEqual([]);
    expect(remainingVotes(b, round)).toBe(3);
  });

  it('refuses a vote over the budget, with the reason', () => {
    const round = testRound({ votesPerPerson: 2 });
    const b = castAll(round, ['a', 'b']);
    expect(castVote(b, 'c', round, T1)).toEqual({
      ok: false,
      reason: 'You have used all 2 votes; take one back to vote elsewhere.',
    });
  });

  it('refuses a vote over the cap per item, but allows stacking without a cap', () => {
    const capped = testRound({ votesPerPerson: 5, perItemCap: 2 });
    expect(castVote(castAll(capped, ['a', 'a']), 'a', capped, T1)).toEqual({
      ok: false,
      reason: 'At most 2 votes on one item.',
    });
    const stacking = testRound({ votesPerPerson: 5, perItemCap: null });
    expect(castAll(stacking, ['a', 'a', 'a', 'a', 'a']).votes).toEqual([{ itemId: 'a', count: 5 }]);
  });

  it('refuses items outside the round, ended rounds, expired time boxes and other rounds', () => {
    const round = testRound();
    const b = createBallot(round, 'u1', T0);
    expect(castVote(b, 'zz', round, T1)).toEqual({
      ok: false,
      reason: 'This item is not part of the round.',
    });
    expect(castVote(b, 'a', { ...round, status: 'ended' }, T1).ok).toBe(false);
    const timed = testRound({ durationMinutes: 1 });
    expect(castVote(b, 'a', timed, '2026-11-22T10:02:00.000Z')).toEqual({
      ok: false,
      reason: 'Voting has ended for this round.',
    });
    expect(castVote({ ...b, roundId: 'other' }, 'a', round, T1).ok).toBe(false);
    expect(retractVote(b, 'a', round, T1)).toEqual({
      ok: false,
      reason: 'You have no vote on this item.',
    });
  });

  it('builds ranked picks in order; taking one back moves later picks up', () => {
    const round = testRound({ votesPerPerson: 3, perItemCap: 1, weights: [3, 2, 1] });
    let b = castAll(round, ['c', 'a', 'e']);
    expect(b.ranking).toEqual(['c', 'a', 'e']);
    expect(remainingVotes(b, round)).toBe(0);
    expect(castVote(b, 'b', round, T1)).toEqual({
      ok: false,
      reason: 'You have made all 3 picks; take one back to pick another.',
    });
    b = ok(retractVote(b, 'c', round, T1));
    expect(b.ranking).toEqual(['a', 'e']);
    expect(castVote(b, 'a', round, T1)).toEqual({
      ok: false,
      reason: 'You already picked this item.',
    });
  });

  it('produces ballots the tally accepts without trimming', () => {
    const round = testRound({ votesPerPerson: 4, perItemCap: 2 });
    const b = castAll(round, ['a', 'b', 'a', 'c']);
    const r = validateBallot(JSON.parse(JSON.stringify(b)), round);
    expect(r.ok && r.notices).toEqual([]);
    expect(r.ok && r.ballot).toEqual(b);
  });
});
