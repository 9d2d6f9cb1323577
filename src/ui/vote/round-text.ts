/**
 * Vote tab › the words the shown round is described in: its settings, its progress, what one
 * voter voted for, the dot stickers counted beside it and its totals per stage, lane and cluster.
 * Pure; `RoundDetail`'s parts show them as text.
 */
import type { VoteContext } from '../../app/voting/vote-items';
import type { OtherVoteSources } from '../../app/voting/vote-sources';
import { countOf } from '../../domain/common';
import type { VoterDetail } from '../../domain/voting/tally-votes';
import type { VisibleTally } from '../../domain/voting/visible-tally';
import type { Privacy, VoteRound } from '../../domain/voting/vote-round';

const PRIVACY_LABEL: Record<Privacy, string> = {
  anonymous: 'Anonymous',
  'secret-until-reveal': 'Secret until reveal',
  open: 'Open',
};

const localTime = (iso: string): string => new Date(iso).toLocaleTimeString();

/**
 * What the round counts and how: "Whole map (3 notes) · Open · 3 votes each, max 1 per note",
 * "… · ranked 3-2-1", and while it is open with a time box " · ends <time>" (`timeOf` writes it).
 */
export function roundSettingsLine(
  round: Pick<
    VoteRound,
    'target' | 'privacy' | 'weights' | 'votesPerPerson' | 'perItemCap' | 'endsAt' | 'status'
  >,
  timeOf: (iso: string) => string = localTime,
): string {
  const budget = round.weights
    ? `ranked ${round.weights.join('-')}`
    : `${countOf(round.votesPerPerson, 'vote')} each` +
      (round.perItemCap === null ? ', stacking' : `, max ${round.perItemCap} per note`);
  const ends = round.endsAt && round.status === 'open' ? ` · ends ${timeOf(round.endsAt)}` : '';
  return `${round.target.description} · ${PRIVACY_LABEL[round.privacy]} · ${budget}${ends}`;
}

/** How far the round has come: who voted and what was cast, as far as this viewer may know. */
export function roundProgressLine(
  round: Pick<VoteRound, 'weights' | 'recorded' | 'anonymous'>,
  tally: Pick<VisibleTally, 'voters' | 'votesCast'>,
): string {
  const cast = countOf(tally.votesCast, round.weights ? 'pick' : 'vote');
  if (round.recorded) return `${cast}, imported from a file`;
  // The platform counts voters per note only: say what is known.
  if (round.anonymous?.kind === 'platform') return `${cast} cast, counted by the board`;
  return `${countOf(tally.voters, 'person', 'people')} voted · ${cast} cast`;
}

/** What one voter voted for: "#1 Slow checkout; #2 Hidden fees", or "Slow checkout ×2; Fees". */
export function votedForLine(detail: VoterDetail, textOf: (itemId: string) => string): string {
  const picks =
    'ranking' in detail
      ? detail.ranking.map((id, i) => `#${i + 1} ${textOf(id)}`)
      : detail.votes.map((v) => `${textOf(v.itemId)}${v.count > 1 ? ` ×${v.count}` : ''}`);
  return picks.join('; ');
}

/** What counting the dot stickers found, what it left out, and whether native voting is there. */
export function dotStickersLine(other: OtherVoteSources): string {
  const counted =
    other.dots.length === 0
      ? 'No dot stickers on these notes.'
      : `Dot stickers counted on ${countOf(other.dots.length, 'note')}.`;
  const unplaced =
    other.unplacedDots > 0 ? ` ${countOf(other.unplacedDots, 'dot')} on no note, not counted.` : '';
  const native = other.nativeAvailable ? '' : ' Native Miro voting is not available on this board.';
  return counted + unplaced + native;
}

/**
 * The round's totals by stage, by lane and by cluster, each a line "Awareness 3 · Purchase 1" of
 * the named groups that scored; a grouping with none is left out.
 */
export function groupTotalLines(
  tally: Pick<VisibleTally, 'byStage' | 'byLane' | 'byCluster'>,
  context: Pick<VoteContext, 'stages' | 'lanes' | 'clusters'>,
): { label: string; line: string }[] {
  return [
    { label: 'By stage', totals: tally.byStage, names: context.stages },
    { label: 'By lane', totals: tally.byLane, names: context.lanes },
    {
      label: 'By cluster',
      totals: tally.byCluster,
      names: (context.clusters ?? []).map((c) => ({ id: c.id, name: c.text })),
    },
  ].flatMap(({ label, totals, names }) => {
    const groups = (totals ?? []).flatMap((g) => {
      const name = g.id === null ? null : names.find((n) => n.id === g.id)?.name;
      return name && g.score > 0 ? [`${name} ${g.score}`] : [];
    });
    return groups.length > 0 ? [{ label, line: groups.join(' · ') }] : [];
  });
}
