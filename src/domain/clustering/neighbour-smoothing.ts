import { normalizeSparse, type SparseVector } from './sparse-vector';

export interface NeighbourGraph {
  /** m neighbour indices per row (−1 when fewer exist). */
  indices: Int32Array;
  /** Cosine similarity to each neighbour (≥ 0). */
  weights: Float64Array;
  m: number;
}

/** The m most similar other rows of each row, read from an n×n cosine-distance matrix. */
export function toNeighbourGraph(distances: Float32Array, n: number, m: number): NeighbourGraph {
  const size = Math.max(0, Math.min(m, n - 1));
  const indices = new Int32Array(n * size).fill(-1);
  const weights = new Float64Array(n * size);
  const bestD = new Float64Array(size);
  const bestJ = new Int32Array(size);
  for (let i = 0; i < n; i += 1) {
    bestD.fill(Infinity);
    bestJ.fill(-1);
    const base = i * n;
    for (let j = 0; j < n; j += 1) {
      if (j === i) continue;
      const d = distances[base + j] as number;
      if (size === 0 || d >= (bestD[size - 1] as number)) continue;
      // Insertion into a short sorted list; m is small.
      let p = size - 1;
      while (p > 0 && (bestD[p - 1] as number) > d) {
        bestD[p] = bestD[p - 1] as number;
        bestJ[p] = bestJ[p - 1] as number;
        p -= 1;
      }
      bestD[p] = d;
      bestJ[p] = j;
    }
    for (let t = 0; t < size; t += 1) {
      const j = bestJ[t] as number;
      const sim = 1 - (bestD[t] as number);
      // Neighbours sharing nothing carry no evidence.
      if (j < 0 || sim <= 0) continue;
      indices[i * size + t] = j;
      weights[i * size + t] = sim;
    }
  }
  return { indices, weights, m: size };
}

/**
 * Graph smoothing of sparse rows: `steps` times, x ← α·x + (1 − α)·(similarity-weighted mean of
 * its neighbours), then L2-normalised. Short notes borrow the words of their nearest notes, so
 * two notes that say the same thing with different words come closer (a cheap cousin of
 * spectral clustering, as in SGC, Wu et al. 2019).
 */
export function toSmoothedRows(
  rows: readonly SparseVector[],
  dim: number,
  graph: NeighbourGraph,
  steps: number,
  selfWeight: number,
  /** Keep only this many strongest terms per row after each round (bounds cost; drops noise). */
  maxTerms = Infinity,
): SparseVector[] {
  let current = rows;
  const acc = new Float64Array(dim);
  const touched = new Uint8Array(dim);
  const cols: number[] = [];
  const add = (row: SparseVector, w: number): void => {
    for (let t = 0; t < row.indices.length; t += 1) {
      const c = row.indices[t] as number;
      if (!touched[c]) {
        touched[c] = 1;
        cols.push(c);
      }
      acc[c] = (acc[c] as number) + w * (row.values[t] as number);
    }
  };
  for (let s = 0; s < steps; s += 1) {
    const next: SparseVector[] = [];
    for (let i = 0; i < current.length; i += 1) {
      let total = 0;
      for (let t = 0; t < graph.m; t += 1) total += graph.weights[i * graph.m + t] as number;
      add(current[i] as SparseVector, total > 0 ? selfWeight : 1);
      if (total > 0) {
        for (let t = 0; t < graph.m; t += 1) {
          const j = graph.indices[i * graph.m + t] as number;
          if (j < 0) continue;
          add(
            current[j] as SparseVector,
            ((1 - selfWeight) * (graph.weights[i * graph.m + t] as number)) / total,
          );
        }
      }
      if (cols.length > maxTerms) pruneToStrongest(cols, acc, touched, maxTerms);
      // Typed-array sort is numeric and much faster than Array#sort with a comparator.
      const indices = Int32Array.from(cols).sort();
      const values = new Float64Array(indices.length);
      for (let t = 0; t < indices.length; t += 1) {
        const c = indices[t] as number;
        values[t] = acc[c] as number;
        acc[c] = 0;
        touched[c] = 0;
      }
      cols.length = 0;
      next.push(normalizeSparse({ indices, values }));
    }
    current = next;
  }
  return current as SparseVector[];
}

/** Keeps the `keep` largest entries of acc among cols (ties by lower column), clearing the rest. */
function pruneToStrongest(
  cols: number[],
  acc: Float64Array,
  touched: Uint8Array,
  keep: number,
): void {
  const values = Float64Array.from(cols, (c) => acc[c] as number).sort();
  const cut = values[values.length - keep] as number;
  let above = 0;
  for (let t = values.length - 1; t >= 0 && (values[t] as number) > cut; t -= 1) above += 1;
  let tiesLeft = keep - above;
  const sorted = Int32Array.from(cols).sort();
  let w = 0;
  for (const c of sorted) {
    const v = acc[c] as number;
    if (v > cut || (v === cut && tiesLeft > 0)) {
      if (v === cut) tiesLeft -= 1;
      cols[w] = c;
      w += 1;
    } else {
      acc[c] = 0;
      touched[c] = 0;
    }
  }
  cols.length = w;
}
