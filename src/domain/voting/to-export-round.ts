/**
 * A round as it appears in the exported map: the v1 `ExportVoteRound` of domain/export
 * (ARCHITECTURE.md §7; the JSON Schema there forbids extra fields, so nothing else is added).
 *
 * Built field by field, never by spreading the round, so the anonymous salt, the creator's id or
 * a future field cannot slip into a file that leaves the board. Privacy:
 * - per-voter ballots only for rounds with privacy 'open' (v1 carries ballots only while a round
 *   is open, so an ended open round exports totals only); anonymous and secret rounds export an
 *   empty ballot list, so no voter key, id or name is ever written;
 * - a secret-until-reveal round exported before its reveal has no totals either.
 *
 * v1 has no field for weights, the secret mode, orphan votes or group totals; mapping choices:
 * totals are scores (a 3-2-1 first pick counts 3, so totals order as the ranking), votes on items
 * gone from the board are left out, stacking is written as a per-item maximum of the whole budget.
 */
import type { ExportVoteRound, VoteBallot, VoteScope, VoteSettings } from '../export/journey-map';
import type { Tally } from './tally-votes';
import { totalsHidden } from './visible-tally';
import type { RoundTargetKind, VoteRound } from './vote-round';

const SCOPES: Record<RoundTargetKind, VoteScope> = {
  map: 'map',
  stage: 'stage',
  lane: 'lane',
  clusters: 'cluster',
  selection: 'selection',
};

export function toExportRound(round: VoteRound, tally: Tally): ExportVoteRound {
  const { kind, refId, itemIds } = round.target;
  const settings: VoteSettings = {
    votesPerVoter: round.votesPerPerson,
    maxVotesPerItem: round.perItemCap ?? round.votesPerPerson,
    scope: SCOPES[kind],
    scopeIds:
      kind === 'map' ? [] : (kind === 'stage' || kind === 'lane') && refId ? [refId] : [...itemIds],
    anonymous: round.privacy === 'anonymous',
  };
  const base = {
    id: round.id,
    title: round.title,
    settings,
    startedAt: round.createdAt,
    endedAt: round.endedAt,
    totals: totalsHidden(round)
      ? []
      : tally.items.filter((t) => t.score > 0).map((t) => ({ itemId: t.itemId, votes: t.score })),
  };
  if (round.status !== 'open') return { ...base, status: round.status };
  return { ...base, status: 'open', ballots: exportBallots(round, tally) };
}

function exportBallots(round: VoteRound, tally: Tally): VoteBallot[] {
  if (round.privacy !== 'open' || !tally.perVoter) return [];
  const present = new Set(tally.items.map((t) => t.itemId));
  return tally.perVoter.map((detail) => ({
    voterId: detail.voterKey,
    votes:
      'ranking' in detail
        ? detail.ranking
            .map((itemId, i) => ({ itemId, votes: round.weights?.[i] ?? 1 }))
            .filter((v) => present.has(v.itemId))
        : detail.votes
            .filter((v) => present.has(v.itemId))
            .map((v) => ({ itemId: v.itemId, votes: v.count })),
  }));
}
