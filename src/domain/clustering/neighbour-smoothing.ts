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
  // Scratch buffers reused for every row: accumulated weights, which columns are set, and a
  // copy of the values for finding the pruning cut.
  const acc = new Float64Array(dim);
  const touched = new Uint8Array(dim);
  const cols = new Int32Array(dim);
  const scratch = new Float64Array(dim);
  const m = graph.m;
  for (let s = 0; s < steps; s += 1) {
    const next: SparseVector[] = new Array<SparseVector>(current.length);
    for (let i = 0; i < current.length; i += 1) {
      let total = 0;
      for (let t = 0; t < m; t += 1) total += graph.weights[i * m + t] as number;
      let count = 0;
      for (let t = -1; t < m; t += 1) {
        const j = t < 0 ? i : (graph.indices[i * m + t] as number);
        if (j < 0) continue;
        const w =
          t < 0
            ? total > 0
              ? selfWeight
              : 1
            : total > 0
              ? ((1 - selfWeight) * (graph.weights[i * m + t] as number)) / total
              : 0;
        if (w === 0) continue;
        const row = current[j] as SparseVector;
        for (let q = 0; q < row.indices.length; q += 1) {
          const c = row.indices[q] as number;
          if (touched[c] === 0) {
            touched[c] = 1;
            cols[count] = c;
            count += 1;
          }
          acc[c] = (acc[c] as number) + w * (row.values[q] as number);
        }
      }
      let cut = -Infinity;
      let tiesLeft = count;
      if (count > maxTerms) {
        for (let t = 0; t < count; t += 1) scratch[t] = acc[cols[t] as number] as number;
        // Selection, not sorting: typed-array sort costs more than the smoothing itself.
        cut = selectKthLargest(scratch, count, maxTerms);
        let above = 0;
        for (let t = 0; t < count; t += 1) if ((acc[cols[t] as number] as number) > cut) above += 1;
        tiesLeft = maxTerms - above;
      }
      // Ties at the cut keep the lowest columns, so the result never depends on visiting order.
      const ties: number[] = [];
      let kept = 0;
      for (let t = 0; t < count; t += 1) {
        const c = cols[t] as number;
        const v = acc[c] as number;
        if (v > cut) {
          cols[kept] = c;
          kept += 1;
        } else if (v === cut) ties.push(c);
        else {
          acc[c] = 0;
          touched[c] = 0;
        }
      }
      if (ties.length > tiesLeft) ties.sort((a, b) => a - b);
      ties.forEach((c, t) => {
        if (t < tiesLeft) {
          cols[kept] = c;
          kept += 1;
        } else {
          acc[c] = 0;
          touched[c] = 0;
        }
      });
      const indices = sortAscending(cols.slice(0, kept));
      const values = new Float64Array(kept);
      for (let t = 0; t < kept; t += 1) {
        const c = indices[t] as number;
        values[t] = acc[c] as number;
        acc[c] = 0;
        touched[c] = 0;
      }
      next[i] = normalizeSparse({ indices, values });
    }
    current = next;
  }
  return current as SparseVector[];
}

/**
 * Graph smoothing of dense unit rows (n × dim, row-major): `steps` times, x ← α·x + (1 − α)·
 * (similarity-weighted mean of its neighbours), then L2-normalised. Rows of zeros stay zero.
 */
export function toSmoothedDense(
  data: Float64Array,
  n: number,
  dim: number,
  graph: NeighbourGraph,
  steps: number,
  selfWeight: number,
): Float64Array {
  let current = data;
  const m = graph.m;
  for (let s = 0; s < steps; s += 1) {
    const next = new Float64Array(n * dim);
    for (let i = 0; i < n; i += 1) {
      const base = i * dim;
      let empty = true;
      for (let d = 0; d < dim; d += 1) if (current[base + d] !== 0) empty = false;
      if (empty) continue;
      let total = 0;
      for (let t = 0; t < m; t += 1) {
        const j = graph.indices[i * m + t] as number;
        if (j < 0) continue;
        const w = graph.weights[i * m + t] as number;
        total += w;
        const bj = j * dim;
        for (let d = 0; d < dim; d += 1)
          next[base + d] = (next[base + d] as number) + w * (current[bj + d] as number);
      }
      const self = total > 0 ? selfWeight : 1;
      const scale = total > 0 ? (1 - selfWeight) / total : 0;
      let norm = 0;
      for (let d = 0; d < dim; d += 1) {
        const v = self * (current[base + d] as number) + scale * (next[base + d] as number);
        next[base + d] = v;
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (norm > 0)
        for (let d = 0; d < dim; d += 1) next[base + d] = (next[base + d] as number) / norm;
    }
    current = next;
  }
  return current;
}

/** Sorts in place: insertion sort for the short rows smoothing keeps, native sort otherwise. */
function sortAscending(a: Int32Array): Int32Array {
  if (a.length > 64) return a.sort();
  for (let i = 1; i < a.length; i += 1) {
    const x = a[i] as number;
    let p = i;
    while (p > 0 && (a[p - 1] as number) > x) {
      a[p] = a[p - 1] as number;
      p -= 1;
    }
    a[p] = x;
  }
  return a;
}

/** The k-th largest of buf[0..count) (1-based k), by quickselect; reorders buf. */
export function selectKthLargest(buf: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = buf[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((buf[i] as number) > pivot) i += 1;
      while ((buf[j] as number) < pivot) j -= 1;
      if (i <= j) {
        const tmp = buf[i] as number;
        buf[i] = buf[j] as number;
        buf[j] = tmp;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return buf[target] as number;
  }
  return buf[target] as number;
}
