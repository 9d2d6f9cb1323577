/**
 * Votes from outside Touchpoint's rounds, merged into the same results and marked by source:
 * dot stickers on the board (small circles or stars, counted by the note they overlap), and the
 * platform's native voting results where the board says it can (`canUse('voting')`, best effort).
 */
import type { Board } from '../../board/port';
import { countDotStickers } from '../../domain/voting/count-dot-stickers';
import {
  fromDotStickers,
  fromTally,
  fromNativeVotingResults,
  mergeVoteSources,
  type MergedItemVotes,
  type SourceCount,
} from '../../domain/voting/merge-vote-sources';
import type { VisibleTally } from '../../domain/voting/visible-tally';

export interface OtherVoteSources {
  dots: SourceCount[];
  /** Dots on no note: shown so the facilitator can move them, never counted. */
  unplacedDots: number;
  native: SourceCount[];
  /** False where the platform has no native voting (the playground, Miro's free plan, MURAL). */
  nativeAvailable: boolean;
}

/** Miro answers per voting session (`{ results: [{ itemId, count }] }`); flatten before reading. */
function flattenNative(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) =>
    typeof entry === 'object' &&
    entry !== null &&
    Array.isArray((entry as { results?: unknown }).results)
      ? (entry as { results: unknown[] }).results
      : [entry],
  );
}

export async function readOtherVoteSources(
  board: Board,
  itemIds: readonly string[],
): Promise<OtherVoteSources> {
  const wanted = new Set(itemIds);
  const [items, canVote] = await Promise.all([
    board.listItems(['note', 'dot']),
    board.canUse('voting').catch(() => false),
  ]);
  const notes = items.filter((i) => i.kind === 'note');
  // Topmost first: when a dot overlaps two notes equally, the one on top wins.
  const counted = countDotStickers(
    items.filter((i) => i.kind === 'dot'),
    [...notes].reverse(),
  );
  let native: SourceCount[] = [];
  if (canVote) {
    try {
      native = fromNativeVotingResults(flattenNative(await board.nativeVotingResults()));
    } catch {
      native = []; // Experimental API: never required.
    }
  }
  return {
    dots: fromDotStickers(counted).filter((c) => wanted.has(c.itemId)),
    unplacedDots: counted.unplaced,
    native: native.filter((c) => wanted.has(c.itemId)),
    nativeAvailable: canVote,
  };
}

/**
 * One ranking over Touchpoint's visible tally and the other sources. Nothing from a secret round
 * before its reveal: `visible.hidden` means the tally contributes nothing.
 */
export function mergeResults(
  visible: VisibleTally,
  other: OtherVoteSources | null,
): MergedItemVotes[] {
  const touchpoint: SourceCount[] = visible.hidden ? [] : fromTally(visible);
  return mergeVoteSources({ touchpoint, dots: other?.dots ?? [], native: other?.native ?? [] });
}
