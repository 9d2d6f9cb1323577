/**
 * The export hook for the Export tab: every round in the v1 export shape (`toExportRound`, which
 * keeps voter ids out of anonymous and secret rounds) and per-note votes of ended or revealed
 * rounds (`deriveNoteVotes`, for `deriveJourneyMap`'s `votes` option).
 */
import type { ExportVoteRound } from '../../domain/export/journey-map-v1';
import { deriveNoteVotes } from '../../domain/voting/derive-note-votes';
import { tallyVotes, type Tally } from '../../domain/voting/tally-votes';
import { toExportRound } from '../../domain/voting/to-export-round';
import type { VoteRound } from '../../domain/voting/vote-round';
import type { Workshop } from '../workshop';
import { itemsOfContext, loadVoteContext } from './vote-items';
import { loadBallots, loadRounds } from './vote-store';

export interface ExportedVotes {
  voteRounds: ExportVoteRound[];
  /** Note id → votes across ended or revealed rounds. */
  noteVotes: Record<string, number>;
}

export async function exportVoteRounds(
  workshop: Pick<Workshop, 'board'>,
  now: string = new Date().toISOString(),
): Promise<ExportedVotes> {
  const { board } = workshop;
  const [rounds, context] = await Promise.all([loadRounds(board, now), loadVoteContext(board)]);
  const tallied: { round: VoteRound; tally: Tally }[] = await Promise.all(
    rounds.map(async (round) => ({
      round,
      tally: tallyVotes(
        round,
        await loadBallots(board, round),
        itemsOfContext(context, round.target.kind),
      ),
    })),
  );
  return {
    voteRounds: tallied.map(({ round, tally }) => toExportRound(round, tally)),
    noteVotes: deriveNoteVotes(tallied.filter((t) => t.round.target.kind !== 'clusters')),
  };
}
