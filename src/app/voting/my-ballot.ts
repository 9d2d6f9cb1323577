/**
 * A participant's own ballot as every ballot design reads and changes it: the stored ballot as
 * the tally will count it, one vote more or less through the domain's `castVote` /
 * `retractVote`, and the answer a vote gets (ballot-writer.ts).
 */
import type { Ballot } from '../../domain/voting/ballot';
import { castVote, remainingVotes, retractVote } from '../../domain/voting/cast-vote';
import { validateBallot, type BallotNotice } from '../../domain/voting/validate-ballot';
import type { VoteRound } from '../../domain/voting/vote-round';

export type VoteResult =
  | { ok: true; ballot: Ballot; remaining: number; notices: BallotNotice[] }
  | { ok: false; reason: string; notices: BallotNotice[] };

export interface MyBallot {
  ballot: Ballot | null;
  /** Why votes on the stored ballot were not counted (trimmed by the domain rules). */
  notices: BallotNotice[];
}

/** The stored ballot as the tally will count it (trimmed), or none. */
export function readMyBallot(value: unknown, round: VoteRound): MyBallot {
  if (value === undefined || value === null) return { ballot: null, notices: [] };
  const checked = validateBallot(value, round);
  if (!checked.ok)
    return {
      ballot: null,
      notices: [{ code: 'invalid-entry', message: checked.reason, uncounted: 0 }],
    };
  return { ballot: checked.ballot, notices: checked.notices };
}

export interface Voter {
  id: string;
  name?: string;
}

/** One vote more (+1) or less (−1) on `itemId`, by the domain's rules. */
export function changeVote(
  ballot: Ballot,
  round: VoteRound,
  itemId: string,
  delta: 1 | -1,
  time: string,
): ReturnType<typeof castVote> {
  return delta > 0
    ? castVote(ballot, itemId, round, time)
    : retractVote(ballot, itemId, round, time);
}

export const refused = (reason: string): VoteResult => ({ ok: false, reason, notices: [] });

export const accepted = (ballot: Ballot, round: VoteRound): VoteResult => ({
  ok: true,
  ballot,
  remaining: remainingVotes(ballot, round),
  notices: [],
});
