/**
 * Votes per note across rounds, for the `votes` field of each exported note (domain/export's
 * `deriveJourneyMap` option). Only ended or revealed rounds count, as the export format says, and
 * never a secret round before its reveal. Counts are votes (picks in ranked rounds), not weighted
 * scores: weights mean something within one round only.
 */
import type { Tally } from './tally-votes';
import { totalsHidden } from './visible-tally';
import type { VoteRound } from './vote-round';

export function deriveNoteVotes(
  rounds: readonly { round: VoteRound; tally: Tally }[],
): Record<string, number> {
  const votes: Record<string, number> = {};
  for (const { round, tally } of rounds) {
    if (round.status === 'open' || totalsHidden(round)) continue;
    for (const t of tally.items) {
      if (t.votes > 0) votes[t.itemId] = (votes[t.itemId] ?? 0) + t.votes;
    }
  }
  return votes;
}
