/**
 * One result from several vote sources, each marked: Touchpoint's own rounds, dot stickers on the
 * board, and the platform's native voting (Miro `experimental.getVotingResults()`, best effort).
 */
import type { DotStickerCounts } from './count-dot-stickers';
import { isRecord, isWholeNumber } from './guards';
import { rankWithTies } from './rank-with-ties';

export interface SourceCount {
  itemId: string;
  count: number;
}

export type VoteSource = 'touchpoint' | 'dots' | 'native';

export interface MergedItemVotes {
  itemId: string;
  total: number;
  bySource: Record<VoteSource, number>;
  /** Competition rank by total. */
  rank: number;
}

/**
 * Native results arrive from the platform through the adapter; read them defensively (the API is
 * experimental): entries without an item id or a positive whole count are dropped, repeats summed.
 */
export function fromNativeVotingResults(results: unknown): SourceCount[] {
  if (!Array.isArray(results)) return [];
  const counts = new Map<string, number>();
  for (const r of results) {
    if (!isRecord(r) || typeof r.itemId !== 'string' || r.itemId === '') continue;
    if (!isWholeNumber(r.count) || r.count < 1) continue;
    counts.set(r.itemId, (counts.get(r.itemId) ?? 0) + r.count);
  }
  return [...counts].map(([itemId, count]) => ({ itemId, count }));
}

/**
 * A tally's contribution: the score, i.e. plain votes, or points in a weighted round (a 3-2-1
 * ranking's first pick counts 3). Pass only what the viewer may see: a secret round before its
 * reveal must not be merged.
 */
export function fromTally(tally: {
  items: readonly { itemId: string; score?: number | null }[];
}): SourceCount[] {
  return tally.items.flatMap((t) =>
    t.score && t.score > 0 ? [{ itemId: t.itemId, count: t.score }] : [],
  );
}

export const fromDotStickers = (dots: DotStickerCounts): SourceCount[] =>
  dots.perItem.map((d) => ({ itemId: d.itemId, count: d.count }));

/** Items in order of first appearance (touchpoint, then dots, then native); ranked by total. */
export function mergeVoteSources(sources: {
  touchpoint?: readonly SourceCount[];
  dots?: readonly SourceCount[];
  native?: readonly SourceCount[];
}): MergedItemVotes[] {
  const merged = new Map<string, Omit<MergedItemVotes, 'rank'>>();
  const addAll = (source: VoteSource, counts: readonly SourceCount[] | undefined) => {
    for (const { itemId, count } of counts ?? []) {
      let entry = merged.get(itemId);
      if (!entry) {
        entry = { itemId, total: 0, bySource: { touchpoint: 0, dots: 0, native: 0 } };
        merged.set(itemId, entry);
      }
      entry.bySource[source] += count;
      entry.total += count;
    }
  };
  addAll('touchpoint', sources.touchpoint);
  addAll('dots', sources.dots);
  addAll('native', sources.native);
  return rankWithTies([...merged.values()], (e) => e.total).map(({ entry, rank }) => ({
    ...entry,
    rank,
  }));
}
