import { describe, expect, it } from 'vitest';
import { revealRound } from './round-lifecycle';
import { tallyVotes } from './tally-votes';
import { T0, testRound } from './testing/test-round';
import { visibleTally } from './visible-tally';
import type { VoteRound } from './vote-round';

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ballots = [
  { roundId: 'r1', voterKey: 'u1', updatedAt: T0, votes: [{ itemId: 'e', count: 3 }] },
  { roundId: 'r1', voterKey: 'u2', updatedAt: T0, votes: [{ itemId: 'd', count: 1 }] },
];
const facilitator = { isFacilitator: true };
const participant = { isFacilitator: false };

const revealed = (round: VoteRound): VoteRound => {
  const r = revealRound(round, T0);
  if (!r.ok) throw new Error(r.reason);
  return r.round;
};

describe('visibleTally', () => {
  const secret = testRound({ privacy: 'secret-until-reveal' });
  const tally = tallyVotes(secret, ballots, items);

  it('hides totals of a secret round from everyone before the reveal, facilitator included', () => {
    for (const viewer of [facilitator, participant]) {
      const v = visibleTally(tally, secret, viewer);
      expect(v.hidden).toBe(true);
      expect(v.items.every((i) => i.votes === null && i.score === null && i.rank === null)).toBe(
        true,
      );
      expect([v.byStage, v.byLane, v.byCluster, v.orphanVotes, v.perVoter]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      // Items in the round's order, not sorted: a sorted list would leak the ranking.
      expect(v.items.map((i) => i.itemId)).toEqual(['a', 'b', 'c', 'd', 'e']);
      // Progress is still shown.
      expect(v.voters).toBe(2);
      expect(v.votesCast).toBe(4);
    }
  });

  it('shows who has voted in a secret round to the facilitator only', () => {
    expect(visibleTally(tally, secret, facilitator).voterKeys).toEqual(['u1', 'u2']);
    expect(visibleTally(tally, secret, participant).voterKeys).toBe(null);
  });

  it('shows the totals to everyone once revealed', () => {
    const v = visibleTally(tally, revealed(secret), participant);
    expect(v.hidden).toBe(false);
    expect(v.items[0]).toEqual({ itemId: 'e', votes: 3, score: 3, rank: 1, voters: 1 });
  });

  it('shows open rounds whole, per-voter detail included, while voting goes on', () => {
    const open = testRound({ privacy: 'open' });
    const v = visibleTally(tallyVotes(open, ballots, items), open, participant);
    expect(v.hidden).toBe(false);
    expect(v.voterKeys).toEqual(['u1', 'u2']);
    expect(v.perVoter).toHaveLength(2);
  });

  it('shows anonymous totals live but never who voted', () => {
    const anon = testRound({ privacy: 'anonymous' });
    const v = visibleTally(tallyVotes(anon, [], items), anon, facilitator);
    expect(v.hidden).toBe(false);
    expect(v.voterKeys).toBe(null);
    expect(v.perVoter).toBe(null);
  });
});
