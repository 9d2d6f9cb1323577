/**
 * The export hook for the Export tab: every round in the v1 export shape (`toExportRound`, which
 * keeps voter ids out of anonymous and secret rounds) and per-note votes of ended or revealed
 * rounds (`deriveNoteVotes`, for `deriveJourneyMap`'s `votes` option).
 */
import type { ExportVoteRound } from '../../domain/export/journey-map';
import { deriveNoteVotes } from '../../domain/voting/derive-note-votes';
import type { Tally } from '../../domain/voting/tally-votes';
import { toExportRound } from '../../domain/voting/to-export-round';
import type { VoteRound } from '../../domain/voting/vote-round';
import type { Workshop } from '../workshop';
import { itemsOfContext, loadVoteContext, type BoardRead } from './vote-items';
import { loadRounds, loadTally } from './vote-store';

export interface ExportedVotes {
  voteRounds: ExportVoteRound[];
  /** Note id → votes across ended or revealed rounds. */
  noteVotes: Record<string, number>;
}

/**
 * `belongs`: which rounds to export (one map's: `roundOfMap`); every round when left out. Per-note
 * votes count only the rounds exported.
 */
export async function exportVoteRounds(
  workshop: Pick<Workshop, 'board'>,
  now: string = new Date().toISOString(),
  belongs: (round: VoteRound) => boolean = () => true,
  /** The board as the caller already read it, so it is not listed twice. */
  read?: BoardRead,
): Promise<ExportedVotes> {
  const { board } = workshop;
  const [all, context] = await Promise.all([loadRounds(board, now), loadVoteContext(board, read)]);
  const rounds = all.filter(belongs);
  const tallied: { round: VoteRound; tally: Tally }[] = await Promise.all(
    rounds.map(async (round) => ({
      round,
      tally: await loadTally(board, round, itemsOfContext(context, round.target.kind)),
    })),
  );
  return {
    voteRounds: tallied.map(({ round, tally }) => toExportRound(round, tally)),
    noteVotes: deriveNoteVotes(tallied.filter((t) => t.round.target.kind !== 'clusters')),
  };
}

/** What a round of one map names: its map, a stage or lane of it, or its notes and clusters. */
export interface MapIds {
  mapId: string;
  /** The map's stage and lane ids. */
  parts: ReadonlySet<string>;
  /** The map's note and cluster ids. */
  items: ReadonlySet<string>;
}

/**
 * Whether a round is the map's (issue 9 §2): a whole-map round of this map, a stage or lane round
 * of one of its stages or lanes, or any other round whose items include this map's notes or
 * clusters (selections, clusters, and whole-map rounds made before rounds named their map).
 */
export function roundOfMap(round: VoteRound, ids: MapIds): boolean {
  const { kind, refId, itemIds } = round.target;
  if (kind === 'map' && refId !== null) return refId === ids.mapId;
  if ((kind === 'stage' || kind === 'lane') && refId !== null) return ids.parts.has(refId);
  return itemIds.some((id) => ids.items.has(id));
}
