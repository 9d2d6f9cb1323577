/**
 * One participant's ballot in one round, stored under its own key in the shared collection
 * (`ballotKey(roundId, voterKey)`), so voters never overwrite each other.
 *
 * Unweighted rounds use `votes` (order = the order the votes were cast, which decides what is
 * kept when a ballot is trimmed). Weighted rounds use `ranking`: distinct items, first pick first.
 */
import type { VoteRound } from './vote-round';

export interface BallotVote {
  itemId: string;
  /** Whole number ≥ 1. */
  count: number;
}

interface BallotBase {
  roundId: string;
  /** The user id, or in anonymous rounds a random key only the voter's browser holds. */
  voterKey: string;
  /**
   * ISO timestamp of the last change; in anonymous rounds always the round's start, so no time
   * is stored that could be matched with who was voting when.
   */
  updatedAt: string;
  /**
   * How many times the voter has changed the ballot (anonymous rounds): when a lost race leaves
   * two copies of one ballot, readers count the higher. Absent in other modes.
   */
  seq?: number;
}

export interface CountBallot extends BallotBase {
  votes: BallotVote[];
  ranking?: undefined;
}

export interface RankingBallot extends BallotBase {
  ranking: string[];
  votes?: undefined;
}

export type Ballot = CountBallot | RankingBallot;

/** An empty ballot of the right kind for the round. */
export function createBallot(round: VoteRound, voterKey: string, now: string): Ballot {
  return round.weights
    ? { roundId: round.id, voterKey, updatedAt: now, ranking: [] }
    : { roundId: round.id, voterKey, updatedAt: now, votes: [] };
}

/** Votes cast (unweighted) or picks made (weighted). */
export function votesUsed(ballot: Ballot): number {
  if (ballot.ranking) return ballot.ranking.length;
  let used = 0;
  for (const v of ballot.votes) used += v.count;
  return used;
}

/**
 * An anonymous ballot as stored: the round's start as its time (no time of voting is kept) and
 * one more change than `previous`, so a reader facing two copies counts the newer.
 */
export function sealAnonymous(ballot: Ballot, round: VoteRound, previous: Ballot | null): Ballot {
  return { ...ballot, updatedAt: round.createdAt, seq: (previous?.seq ?? 0) + 1 };
}
