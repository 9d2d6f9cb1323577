/**
 * The pure tally of a round (issue 5 §3): totals per item, cluster, stage and lane, a ranking with
 * ties shared, weights applied, votes on items that no longer exist set aside and counted.
 *
 * Ballots are `unknown`: they come from the shared collection. Each is validated and trimmed
 * (`validateBallot`), so the limits hold even if a panel did not enforce them. The result does not
 * depend on the order of the ballots. Anonymous rounds' tallies hold no voter keys at all.
 */
import { mergeParts, type Ballot, type BallotVote } from './ballot';
import { rankWithTies } from './rank-with-ties';
import { createBallotChecker } from './validate-ballot';
import type { Privacy, VoteRound } from './vote-round';

/** What the tally needs to know of an item that still exists (a note, or a cluster). */
export interface TallyItem {
  id: string;
  stageId?: string | null;
  laneId?: string | null;
  clusterId?: string | null;
}

export interface ItemTotal {
  itemId: string;
  /** Votes (unweighted) or picks (weighted) on the item. */
  votes: number;
  /** What the ranking uses: votes, or the sum of the weights of the picks. */
  score: number;
  /** Competition rank, 1 = most; tied scores share a rank. */
  rank: number;
  /** How many people voted for it (a count, so safe in every privacy mode). */
  voters: number;
}

/** Totals of a stage, lane or cluster; `id` null collects the items with none. */
export interface GroupTotal {
  id: string | null;
  votes: number;
  score: number;
}

/** Votes on round items that are gone from the board: counted, shown apart, never ranked. */
export interface OrphanVotes {
  votes: number;
  score: number;
  itemIds: string[];
}

/** One voter's counted ballot; only in open rounds. */
export type VoterDetail =
  { voterKey: string; votes: BallotVote[] } | { voterKey: string; ranking: string[] };

export interface Tally {
  roundId: string;
  privacy: Privacy;
  weighted: boolean;
  /** People with at least one counted vote. */
  voters: number;
  /** Counted votes (picks when weighted), orphans included. */
  votesCast: number;
  /** Every existing item of the round, best first; ties in the round's item order. */
  items: ItemTotal[];
  byStage: GroupTotal[];
  byLane: GroupTotal[];
  byCluster: GroupTotal[];
  orphanVotes: OrphanVotes;
  /** Ballots refused whole, and votes trimmed off accepted ballots. */
  uncounted: { ballots: number; votes: number };
  /** Who has voted (sorted); null in anonymous rounds. */
  voterKeys: string[] | null;
  /** Who voted for what (sorted by voter key); open rounds only, null otherwise. */
  perVoter: VoterDetail[] | null;
}

export function tallyVotes(
  round: VoteRound,
  ballots: readonly unknown[],
  items: readonly TallyItem[],
): Tally {
  const check = createBallotChecker(round);
  const latestPart = new Map<string, Ballot>();
  const latest = new Map<string, Ballot>();
  const trimmedOf = new Map<string, number>();
  let refused = 0;
  for (const input of ballots) {
    const result = check(input);
    if (!result.ok) {
      refused += 1;
      continue;
    }
    const { ballot } = result;
    const uncounted = result.notices.reduce((sum, n) => sum + n.uncounted, 0);
    // Copies of one part (a stale read beside a fresh one): the newer counts.
    const key = `${ballot.voterKey}\u0000${ballot.part ?? ''}`;
    const previous = latestPart.get(key);
    if (!previous || isNewer(ballot, uncounted, previous, trimmedOf.get(key) ?? 0)) {
      latestPart.set(key, ballot);
      trimmedOf.set(key, uncounted);
    }
  }
  let trimmed = 0;
  for (const n of trimmedOf.values()) trimmed += n;
  // A voter's parts (one per device) merge into one ballot, checked again as a whole.
  const partsOf = new Map<string, Ballot[]>();
  for (const ballot of latestPart.values())
    partsOf.set(ballot.voterKey, [...(partsOf.get(ballot.voterKey) ?? []), ballot]);
  for (const [voterKey, parts] of partsOf) {
    if (parts.length === 1) {
      latest.set(voterKey, parts[0]!);
      continue;
    }
    const merged = check(mergeParts(parts));
    if (!merged.ok) continue;
    latest.set(voterKey, merged.ballot);
    trimmed += merged.notices.reduce((sum, n) => sum + n.uncounted, 0);
  }

  const weights = round.weights;
  const votesByItem = new Map<string, number>();
  const scoreByItem = new Map<string, number>();
  const votersByItem = new Map<string, number>();
  const voterKeys: string[] = [];
  const add = (itemId: string, votes: number, score: number) => {
    votesByItem.set(itemId, (votesByItem.get(itemId) ?? 0) + votes);
    scoreByItem.set(itemId, (scoreByItem.get(itemId) ?? 0) + score);
    votersByItem.set(itemId, (votersByItem.get(itemId) ?? 0) + 1);
  };
  for (const ballot of latest.values()) {
    if (ballot.ranking) {
      ballot.ranking.forEach((itemId, i) => add(itemId, 1, weights?.[i] ?? 1));
      if (ballot.ranking.length > 0) voterKeys.push(ballot.voterKey);
    } else {
      for (const v of ballot.votes) add(v.itemId, v.count, v.count);
      if (ballot.votes.length > 0) voterKeys.push(ballot.voterKey);
    }
  }

  voterKeys.sort(compareStrings);
  const anonymous = round.privacy === 'anonymous';
  return {
    ...summarise(round, { votesByItem, scoreByItem, votersByItem }, items),
    voters: voterKeys.length,
    uncounted: { ballots: refused, votes: trimmed },
    voterKeys: anonymous ? null : voterKeys,
    perVoter: round.privacy === 'open' ? perVoterDetail(latest, voterKeys) : null,
  };
}

/** Totals per item as the platform's own voting session reports them (MURAL). */
export interface PlatformTotal {
  itemId: string;
  votes: number;
  /** Distinct voters on this item. */
  voters: number;
}

/**
 * The tally of an anonymous round counted by the platform's voting session: the platform keeps the
 * ballots and returns totals per item, so there is nothing to trim here and no voter keys.
 * `voters` is the most distinct voters on any one item: the platform does not say how many people
 * voted in all, and at least that many did.
 */
export function tallyPlatformTotals(
  round: VoteRound,
  totals: readonly PlatformTotal[],
  items: readonly TallyItem[],
): Tally {
  const votesByItem = new Map<string, number>();
  const votersByItem = new Map<string, number>();
  const inRound = new Set(round.target.itemIds);
  let voters = 0;
  let outside = 0;
  for (const t of totals) {
    const votes = Number.isSafeInteger(t.votes) && t.votes > 0 ? t.votes : 0;
    if (!inRound.has(t.itemId)) {
      outside += votes;
      continue;
    }
    votesByItem.set(t.itemId, (votesByItem.get(t.itemId) ?? 0) + votes);
    const n = Number.isSafeInteger(t.voters) && t.voters > 0 ? t.voters : 0;
    votersByItem.set(t.itemId, (votersByItem.get(t.itemId) ?? 0) + n);
    voters = Math.max(voters, n);
  }
  return {
    ...summarise(round, { votesByItem, scoreByItem: votesByItem, votersByItem }, items),
    voters,
    uncounted: { ballots: 0, votes: outside },
    voterKeys: null,
    perVoter: null,
  };
}

/**
 * The tally of any round, from where its votes are: totals recorded in an imported file, the
 * platform's totals (rounds in the platform's voting session), or the stored ballots.
 */
export function tallyRound(
  round: VoteRound,
  source: { ballots: readonly unknown[]; platformTotals: readonly PlatformTotal[] | null },
  items: readonly TallyItem[],
): Tally {
  if (round.recorded)
    return tallyPlatformTotals(
      round,
      round.recorded.map((t) => ({ ...t, voters: 0 })),
      items,
    );
  if (round.anonymous?.kind === 'platform')
    return tallyPlatformTotals(round, source.platformTotals ?? [], items);
  return tallyVotes(round, source.ballots, items);
}

interface ItemCounts {
  votesByItem: ReadonlyMap<string, number>;
  scoreByItem: ReadonlyMap<string, number>;
  votersByItem: ReadonlyMap<string, number>;
}

/** Ranking, groups and orphans from per-item counts: what every tally shares. */
function summarise(
  round: VoteRound,
  { votesByItem, scoreByItem, votersByItem }: ItemCounts,
  items: readonly TallyItem[],
): Omit<Tally, 'voters' | 'uncounted' | 'voterKeys' | 'perVoter'> {
  const existing = new Map<string, TallyItem>();
  for (const item of items) if (!existing.has(item.id)) existing.set(item.id, item);
  const present: TallyItem[] = [];
  const orphanVotes: OrphanVotes = { votes: 0, score: 0, itemIds: [] };
  for (const itemId of round.target.itemIds) {
    const item = existing.get(itemId);
    if (item) present.push(item);
    else if (votesByItem.has(itemId)) {
      orphanVotes.votes += votesByItem.get(itemId) ?? 0;
      orphanVotes.score += scoreByItem.get(itemId) ?? 0;
      orphanVotes.itemIds.push(itemId);
    }
  }

  const ranked = rankWithTies(present, (item) => scoreByItem.get(item.id) ?? 0);
  const totals: ItemTotal[] = ranked.map(({ entry, rank }) => ({
    itemId: entry.id,
    votes: votesByItem.get(entry.id) ?? 0,
    score: scoreByItem.get(entry.id) ?? 0,
    rank,
    voters: votersByItem.get(entry.id) ?? 0,
  }));

  let votesCast = orphanVotes.votes;
  for (const t of totals) votesCast += t.votes;

  return {
    roundId: round.id,
    privacy: round.privacy,
    weighted: round.weights !== null,
    votesCast,
    items: totals,
    byStage: groupTotals(present, (i) => i.stageId, votesByItem, scoreByItem),
    byLane: groupTotals(present, (i) => i.laneId, votesByItem, scoreByItem),
    byCluster: groupTotals(present, (i) => i.clusterId, votesByItem, scoreByItem),
    orphanVotes,
  };
}

/**
 * Two copies of one voter's ballot (a stale read next to a fresh one): the later `updatedAt`
 * wins; on equal times the content decides, so the winner never depends on arrival order.
 */
function isNewer(a: Ballot, uncountedA: number, b: Ballot, uncountedB: number): boolean {
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  if (ta !== tb) return ta > tb;
  if ((a.seq ?? 0) !== (b.seq ?? 0)) return (a.seq ?? 0) > (b.seq ?? 0);
  const byContent = compareStrings(
    JSON.stringify(a.ranking ?? a.votes),
    JSON.stringify(b.ranking ?? b.votes),
  );
  return byContent !== 0 ? byContent > 0 : uncountedA < uncountedB;
}

function groupTotals(
  items: readonly TallyItem[],
  groupOf: (item: TallyItem) => string | null | undefined,
  votes: ReadonlyMap<string, number>,
  scores: ReadonlyMap<string, number>,
): GroupTotal[] {
  const groups = new Map<string | null, GroupTotal>();
  for (const item of items) {
    const id = groupOf(item) ?? null;
    let group = groups.get(id);
    if (!group) {
      group = { id, votes: 0, score: 0 };
      groups.set(id, group);
    }
    group.votes += votes.get(item.id) ?? 0;
    group.score += scores.get(item.id) ?? 0;
  }
  // Highest first; ties keep the order the groups first appear in the round.
  return rankWithTies([...groups.values()], (g) => g.score).map((r) => r.entry);
}

function perVoterDetail(
  latest: ReadonlyMap<string, Ballot>,
  voterKeys: readonly string[],
): VoterDetail[] {
  return voterKeys.map((voterKey) => {
    const ballot = latest.get(voterKey) as Ballot;
    return ballot.ranking
      ? { voterKey, ranking: [...ballot.ranking] }
      : { voterKey, votes: ballot.votes.map((v) => ({ ...v })) };
  });
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
