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
  /**
   * Which of the voter's devices wrote this part (open and secret rounds): each device keeps its
   * own part, so two devices voting at once never overwrite each other; the tally merges a
   * voter's parts into one ballot (`mergeParts`). Absent in ballots of earlier versions.
   */
  part?: string;
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

/**
 * One voter's ballot from the parts their devices wrote: oldest part first, votes on the same item
 * added up, ranked picks in order without repeats. The caller checks the result against the
 * round's budget and cap (a part from each device may each be within budget, not together).
 */
export function mergeParts(parts: readonly Ballot[]): Ballot | null {
  if (parts.length === 0) return null;
  const ordered = [...parts].sort(
    (a, b) =>
      Date.parse(a.updatedAt) - Date.parse(b.updatedAt) ||
      (a.part ?? '').localeCompare(b.part ?? ''),
  );
  const last = ordered[ordered.length - 1]!;
  const { part: _part, seq: _seq, ...base } = last;
  if (ordered.some((p) => p.ranking)) {
    const ranking = [...new Set(ordered.flatMap((p) => p.ranking ?? []))];
    return { ...base, votes: undefined, ranking };
  }
  const counts = new Map<string, number>();
  for (const p of ordered)
    for (const v of p.votes ?? []) counts.set(v.itemId, (counts.get(v.itemId) ?? 0) + v.count);
  return {
    ...base,
    ranking: undefined,
    votes: [...counts].map(([itemId, count]) => ({ itemId, count })),
  };
}
