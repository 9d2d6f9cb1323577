/**
 * What a viewer may see of a tally, by the round's privacy mode:
 * - secret-until-reveal, before the reveal: no totals, ranks, groups or orphans for anyone,
 *   facilitator included, and items in the round's own order (a sorted list would leak the
 *   ranking). Progress stays visible: how many people voted and how many votes were cast.
 * - who has voted: the facilitator sees it in secret and open rounds (to nudge latecomers);
 *   participants only in open rounds. Never in anonymous rounds (the tally has no keys).
 * - open rounds: everything, per-voter detail included, for everyone.
 */
import type { GroupTotal, OrphanVotes, Tally, VoterDetail } from './tally-votes';
import type { Privacy, RoundStatus, VoteRound } from './vote-round';

export interface VisibleItemTotal {
  itemId: string;
  votes: number | null;
  score: number | null;
  rank: number | null;
  voters: number | null;
}

export interface VisibleTally {
  roundId: string;
  privacy: Privacy;
  status: RoundStatus;
  weighted: boolean;
  /** True while a secret round's totals are hidden. */
  hidden: boolean;
  voters: number;
  votesCast: number;
  items: VisibleItemTotal[];
  byStage: GroupTotal[] | null;
  byLane: GroupTotal[] | null;
  byCluster: GroupTotal[] | null;
  orphanVotes: OrphanVotes | null;
  voterKeys: string[] | null;
  perVoter: VoterDetail[] | null;
}

export interface Viewer {
  isFacilitator: boolean;
}

export const totalsHidden = (round: Pick<VoteRound, 'privacy' | 'status'>): boolean =>
  round.privacy === 'secret-until-reveal' && round.status !== 'revealed';

export function visibleTally(tally: Tally, round: VoteRound, viewer: Viewer): VisibleTally {
  const hidden = totalsHidden(round);
  const seesWhoVoted =
    round.privacy === 'open' || (round.privacy === 'secret-until-reveal' && viewer.isFacilitator);
  const common = {
    roundId: tally.roundId,
    privacy: round.privacy,
    status: round.status,
    weighted: tally.weighted,
    hidden,
    voters: tally.voters,
    votesCast: tally.votesCast,
    voterKeys: seesWhoVoted && tally.voterKeys ? [...tally.voterKeys] : null,
    perVoter: round.privacy === 'open' ? tally.perVoter : null,
  };
  if (hidden) {
    const present = new Set(tally.items.map((t) => t.itemId));
    return {
      ...common,
      items: round.target.itemIds
        .filter((id) => present.has(id))
        .map((itemId) => ({ itemId, votes: null, score: null, rank: null, voters: null })),
      byStage: null,
      byLane: null,
      byCluster: null,
      orphanVotes: null,
    };
  }
  return {
    ...common,
    items: tally.items.map((t) => ({ ...t })),
    byStage: tally.byStage,
    byLane: tally.byLane,
    byCluster: tally.byCluster,
    orphanVotes: tally.orphanVotes,
  };
}
