/**
 * Standard competition ranking ("1, 2, 2, 4"): tied scores share a rank and the next rank skips.
 * The sort is stable, so tied entries keep their input order (e.g. the round's item order),
 * which makes the result independent of the order ballots arrived in.
 */
export function rankWithTies<T>(
  entries: readonly T[],
  score: (entry: T) => number,
): { entry: T; rank: number }[] {
  const sorted = entries
    .map((entry, index) => ({ entry, index, score: score(entry) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  let rank = 0;
  return sorted.map((s, i) => {
    if (i === 0 || s.score !== (sorted[i - 1] as { score: number }).score) rank = i + 1;
    return { entry: s.entry, rank };
  });
}
