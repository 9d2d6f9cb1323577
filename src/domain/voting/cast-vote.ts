/**
 * The participant's side: cast or take back one vote, with a reason when it is refused. These
 * mirror the tally's rules so the panel refuses what the tally would trim; the tally still
 * enforces them, since another panel (or an older version) may not.
 */
import { votesUsed, type Ballot } from './ballot';
import { countOf } from './guards';
import { acceptsVotes, type VoteRound } from './vote-round';

export type VoteChange = { ok: true; ballot: Ballot } | { ok: false; reason: string };

type BallotChange = (ballot: Ballot, itemId: string, round: VoteRound, now: string) => VoteChange;

/** A change that is refused first when the ballot, the round or the item does not allow any. */
const checked =
  (change: BallotChange): BallotChange =>
  (ballot, itemId, round, now) => {
    const refused = refusal(ballot, itemId, round, now);
    return refused ? { ok: false, reason: refused } : change(ballot, itemId, round, now);
  };

/** Casts one vote on `itemId` (unweighted), or adds it as the next pick (weighted). */
export const castVote = checked((ballot, itemId, round, now) => {
  if (ballot.ranking) {
    if (!round.weights) return { ok: false, reason: 'This round counts votes, not ranked picks.' };
    if (ballot.ranking.includes(itemId))
      return { ok: false, reason: 'You already picked this item.' };
    if (ballot.ranking.length >= round.weights.length)
      return {
        ok: false,
        reason: `You have made all ${countOf(round.weights.length, 'pick')}; take one back to pick another.`,
      };
    return {
      ok: true,
      ballot: { ...ballot, ranking: [...ballot.ranking, itemId], updatedAt: now },
    };
  }

  if (round.weights) return { ok: false, reason: 'This round counts ranked picks.' };
  if (votesUsed(ballot) >= round.votesPerPerson)
    return {
      ok: false,
      reason: `You have used all ${countOf(round.votesPerPerson, 'vote')}; take one back to vote elsewhere.`,
    };
  const current = ballot.votes.find((v) => v.itemId === itemId);
  if (current && round.perItemCap !== null && current.count >= round.perItemCap)
    return { ok: false, reason: `At most ${countOf(round.perItemCap, 'vote')} on one item.` };
  const votes = current
    ? ballot.votes.map((v) => (v.itemId === itemId ? { itemId, count: v.count + 1 } : v))
    : [...ballot.votes, { itemId, count: 1 }];
  return { ok: true, ballot: { ...ballot, votes, updatedAt: now } };
});

/**
 * Takes back one vote on `itemId` (unweighted), or removes the pick (weighted: later picks move
 * up one place, as on a paper ranking when a line is struck out).
 */
export const retractVote = checked((ballot, itemId, _round, now) => {
  if (ballot.ranking) {
    if (!ballot.ranking.includes(itemId))
      return { ok: false, reason: 'You have not picked this item.' };
    return {
      ok: true,
      ballot: { ...ballot, ranking: ballot.ranking.filter((id) => id !== itemId), updatedAt: now },
    };
  }
  const current = ballot.votes.find((v) => v.itemId === itemId);
  if (!current) return { ok: false, reason: 'You have no vote on this item.' };
  const votes =
    current.count > 1
      ? ballot.votes.map((v) => (v.itemId === itemId ? { itemId, count: v.count - 1 } : v))
      : ballot.votes.filter((v) => v.itemId !== itemId);
  return { ok: true, ballot: { ...ballot, votes, updatedAt: now } };
});

/** Votes (or picks) still to cast; the full budget before the first vote. */
export function remainingVotes(ballot: Ballot | null, round: VoteRound): number {
  return Math.max(0, round.votesPerPerson - (ballot ? votesUsed(ballot) : 0));
}

function refusal(ballot: Ballot, itemId: string, round: VoteRound, now: string): string | null {
  if (ballot.roundId !== round.id) return 'This ballot belongs to another round.';
  if (!acceptsVotes(round, now)) return 'Voting has ended for this round.';
  if (!round.target.itemIds.includes(itemId)) return 'This item is not part of the round.';
  return null;
}
