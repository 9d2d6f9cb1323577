import { createSeededRandom } from '../../src/domain/clustering/seeded-random';

/** Fisher–Yates shuffle of a copy, driven by a seed. */
export function toShuffled<T>(items: readonly T[], seed: number): T[] {
  const random = createSeededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

export interface Labelled {
  text: string;
  label: string;
}

/**
 * A simulated board: `intents` labels drawn at random (among those with at least `perIntent`
 * texts), `perIntent` texts of each, shuffled; empty when fewer than `intents` labels qualify.
 */
export function sampleBoard(
  data: readonly Labelled[],
  intents: number,
  perIntent: number,
  seed: number,
): Labelled[] {
  const byLabel = new Map<string, Labelled[]>();
  for (const row of data) {
    const list = byLabel.get(row.label) ?? [];
    list.push(row);
    byLabel.set(row.label, list);
  }
  const eligible = [...byLabel.keys()]
    .filter((l) => (byLabel.get(l)?.length ?? 0) >= perIntent)
    .sort();
  // Too few labels with enough texts: no board (the caller reports it as skipped).
  if (eligible.length < intents) return [];
  const chosen = toShuffled(eligible, seed).slice(0, intents);
  const board = chosen.flatMap((label, i) =>
    toShuffled(byLabel.get(label) ?? [], seed * 1000 + i).slice(0, perIntent),
  );
  return toShuffled(board, seed + 7);
}

/** Mean and sample standard deviation. */
export function toMeanSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd };
}
