import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCosineDistanceMatrix } from './embedding';
import { selectKthLargest, toNeighbourGraph, toSmoothedRows } from './neighbour-smoothing';
import { createSeededRandom } from './seeded-random';
import { normalizeSparse, type SparseVector } from './sparse-vector';

function randomRows(n: number, dim: number, seed: number): SparseVector[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => {
    const cols = [
      ...new Set(
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * dim)),
      ),
    ].sort((a, b) => a - b);
    // Values from a small set, so ties at the pruning cut happen.
    return normalizeSparse({
      indices: Int32Array.from(cols),
      values: Float64Array.from(cols, () => 1 + Math.floor(random() * 3)),
    });
  });
}

/** Dense reference: weighted neighbour mean, keep the top terms (value desc, column asc), normalise. */
function referenceSmoothing(
  rows: SparseVector[],
  dim: number,
  graph: ReturnType<typeof toNeighbourGraph>,
  steps: number,
  self: number,
  keep: number,
): number[][] {
  let current = rows.map((r) => {
    const v = new Array<number>(dim).fill(0);
    r.indices.forEach((c, t) => (v[c] = r.values[t]!));
    return v;
  });
  for (let s = 0; s < steps; s += 1) {
    current = current.map((row, i) => {
      const ns = Array.from(
        { length: graph.m },
        (_, t) => [graph.indices[i * graph.m + t]!, graph.weights[i * graph.m + t]!] as const,
      ).filter(([j]) => j >= 0);
      const total = ns.reduce((a, [, w]) => a + w, 0);
      const out = row.map((x) => x * (total > 0 ? self : 1));
      if (total > 0)
        for (const [j, w] of ns)
          // Same operation order as the implementation, so ties at the cut round the same way.
          current[j]!.forEach((x, c) => (out[c]! += (((1 - self) * w) / total) * x));
      const order = out
        .map((x, c) => [x, c] as const)
        .filter(([x]) => x !== 0)
        .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const kept = new Set(order.slice(0, keep).map(([, c]) => c));
      const pruned = out.map((x, c) => (kept.has(c) ? x : 0));
      const sum = pruned.reduce((a, x) => a + x * x, 0);
      const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
      return pruned.map((x) => x * inv);
    });
  }
  return current;
}

describe('toSmoothedRows', () => {
  it('matches a dense reference, pruning included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 6 }),
        (n, seed, keep) => {
          const dim = 12;
          const rows = randomRows(n, dim, seed);
          const graph = toNeighbourGraph(
            toCosineDistanceMatrix({ kind: 'sparse', n, dim, rows }),
            n,
            3,
          );
          const smoothed = toSmoothedRows(rows, dim, graph, 2, 0.3, keep);
          const expected = referenceSmoothing(rows, dim, graph, 2, 0.3, keep);
          smoothed.forEach((row, i) => {
            expect(Array.from(row.indices)).toEqual(
              expected[i]!.flatMap((x, c) => (x !== 0 ? [c] : [])),
            );
            row.indices.forEach((c, t) => expect(row.values[t]).toBeCloseTo(expected[i]![c]!, 9));
          });
        },
      ),
      { numRuns: 200, examples: [[17, 447, 3]] },
    );
  });

  it('leaves a note without neighbours as it was', () => {
    const rows = [
      { indices: Int32Array.from([0]), values: Float64Array.from([1]) },
      { indices: Int32Array.from([1]), values: Float64Array.from([1]) },
    ];
    const graph = toNeighbourGraph(
      toCosineDistanceMatrix({ kind: 'sparse', n: 2, dim: 2, rows }),
      2,
      1,
    );
    expect(toSmoothedRows(rows, 2, graph, 3, 0.3).map((r) => Array.from(r.indices))).toEqual([
      [0],
      [1],
    ]);
  });
});

describe('toNeighbourGraph', () => {
  it('lists the nearest others first, skipping ones that share nothing', () => {
    const d = Float32Array.from([0, 0.1, 0.5, 1, 0.1, 0, 0.3, 1, 0.5, 0.3, 0, 1, 1, 1, 1, 0]);
    const g = toNeighbourGraph(d, 4, 2);
    expect(Array.from(g.indices)).toEqual([1, 2, 0, 2, 1, 0, -1, -1]);
    expect(g.weights[0]).toBeCloseTo(0.9, 6);
  });
});

describe('selectKthLargest', () => {
  it('agrees with sorting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        (xs, k0) => {
          const k = 1 + (k0 % xs.length);
          const sorted = [...xs].sort((a, b) => b - a);
          expect(selectKthLargest(Float64Array.from(xs), xs.length, k)).toBe(sorted[k - 1]);
        },
      ),
    );
  });
});
