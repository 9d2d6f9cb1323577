import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageLinkage, cutDendrogram } from './average-linkage';
import { toCosineDistanceMatrix } from './embedding';
import { createSeededRandom } from './seeded-random';

/** Brute-force O(n³) UPGMA straight from the definition: mean of all pairwise distances. */
function referenceLinkage(d: Float64Array, n: number): { members: string; height: number }[] {
  let clusters = Array.from({ length: n }, (_, i) => [i]);
  const merges: { members: string; height: number }[] = [];
  while (clusters.length > 1) {
    let best = [0, 1];
    let bestH = Infinity;
    for (let x = 0; x < clusters.length; x += 1) {
      for (let y = x + 1; y < clusters.length; y += 1) {
        let sum = 0;
        for (const i of clusters[x]!) for (const j of clusters[y]!) sum += d[i * n + j]!;
        const h = sum / (clusters[x]!.length * clusters[y]!.length);
        if (h < bestH) {
          bestH = h;
          best = [x, y];
        }
      }
    }
    const merged = [...clusters[best[0]!]!, ...clusters[best[1]!]!].sort((a, b) => a - b);
    merges.push({ members: merged.join(','), height: bestH });
    clusters = clusters.filter((_, i) => i !== best[0] && i !== best[1]);
    clusters.push(merged);
  }
  return merges;
}

function randomDistances(n: number, seed: number): Float64Array {
  const random = createSeededRandom(seed);
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const v = random();
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}

/** Member lists of each merge, from SciPy-style ids. */
function toMemberLists(merges: ReturnType<typeof averageLinkage>, n: number): string[] {
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  return merges.map((m) => {
    const merged = [...members[m.a]!, ...members[m.b]!].sort((a, b) => a - b);
    members.push(merged);
    return merged.join(',');
  });
}

describe('averageLinkage', () => {
  it('makes the same merges at the same heights as the brute-force definition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 24 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (n, seed) => {
          const d = randomDistances(n, seed);
          const expected = referenceLinkage(d, n);
          const merges = averageLinkage(Float64Array.from(d), n);
          expect(toMemberLists(merges, n)).toEqual(expected.map((m) => m.members));
          merges.forEach((m, i) => expect(m.height).toBeCloseTo(expected[i]!.height, 9));
          expect(merges.at(-1)?.size).toBe(n);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('handles a single point', () => {
    expect(averageLinkage(new Float32Array(1), 1)).toEqual([]);
  });
});

describe('cutDendrogram', () => {
  // Two tight pairs far apart: {0,1} at 0.1, {2,3} at 0.2, between them 0.9.
  const n = 4;
  const d = Float64Array.from([
    0, 0.1, 0.9, 0.9, 0.1, 0, 0.9, 0.9, 0.9, 0.9, 0, 0.2, 0.9, 0.9, 0.2, 0,
  ]);
  const merges = averageLinkage(Float64Array.from(d), n);

  it('cuts by threshold', () => {
    expect(Array.from(cutDendrogram(merges, n, { threshold: 0.15 }))).toEqual([0, 0, 1, 2]);
    expect(Array.from(cutDendrogram(merges, n, { threshold: 0.5 }))).toEqual([0, 0, 1, 1]);
    expect(Array.from(cutDendrogram(merges, n, { threshold: 1 }))).toEqual([0, 0, 0, 0]);
  });

  it('cuts by count', () => {
    expect(Array.from(cutDendrogram(merges, n, { count: 2 }))).toEqual([0, 0, 1, 1]);
    expect(Array.from(cutDendrogram(merges, n, { count: 4 }))).toEqual([0, 1, 2, 3]);
  });
});

describe('toCosineDistanceMatrix', () => {
  it('gives the same distances from sparse and dense rows', () => {
    const rows = [
      { indices: Int32Array.from([0, 1]), values: Float64Array.from([0.6, 0.8]) },
      { indices: Int32Array.from([1]), values: Float64Array.from([1]) },
      { indices: Int32Array.from([2]), values: Float64Array.from([1]) },
    ];
    const sparse = toCosineDistanceMatrix({ kind: 'sparse', n: 3, dim: 3, rows });
    const dense = toCosineDistanceMatrix({
      kind: 'dense',
      n: 3,
      dim: 3,
      data: Float64Array.from([0.6, 0.8, 0, 0, 1, 0, 0, 0, 1]),
    });
    expect(Array.from(sparse)).toEqual(Array.from(dense));
    expect(sparse[1]).toBeCloseTo(0.2, 6);
    expect(sparse[2]).toBe(1);
    expect(sparse[5]).toBe(1);
  });
});
