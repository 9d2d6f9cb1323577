import type { SparseVector } from './sparse-vector';

/**
 * Points to cluster, one row per note, either sparse (TF-IDF) or dense (e.g. LSA coordinates).
 * Rows are expected to be L2-normalised (or empty) so dot products are cosines.
 */
export type Embedding =
  | { kind: 'sparse'; n: number; dim: number; rows: readonly SparseVector[] }
  | { kind: 'dense'; n: number; dim: number; data: Float64Array };

/** Dot product of row i with a dense vector. */
export function dotRow(e: Embedding, i: number, v: Float64Array): number {
  let sum = 0;
  if (e.kind === 'sparse') {
    const row = e.rows[i] as SparseVector;
    for (let t = 0; t < row.indices.length; t += 1) {
      sum += (row.values[t] as number) * (v[row.indices[t] as number] as number);
    }
    return sum;
  }
  const base = i * e.dim;
  for (let t = 0; t < e.dim; t += 1) sum += (e.data[base + t] as number) * (v[t] as number);
  return sum;
}

/** target += scale · row i. */
export function addRow(e: Embedding, i: number, target: Float64Array, scale = 1): void {
  if (e.kind === 'sparse') {
    const row = e.rows[i] as SparseVector;
    for (let t = 0; t < row.indices.length; t += 1) {
      const col = row.indices[t] as number;
      target[col] = (target[col] as number) + scale * (row.values[t] as number);
    }
    return;
  }
  const base = i * e.dim;
  for (let t = 0; t < e.dim; t += 1)
    target[t] = (target[t] as number) + scale * (e.data[base + t] as number);
}

/** Whether row i has no features (a note with no usable words). */
export function isEmptyRow(e: Embedding, i: number): boolean {
  if (e.kind === 'sparse') return (e.rows[i] as SparseVector).indices.length === 0;
  const base = i * e.dim;
  for (let t = 0; t < e.dim; t += 1) if (e.data[base + t] !== 0) return false;
  return true;
}

/**
 * Full n×n cosine-distance matrix (1 − cosine, clamped to [0, 2]) in a Float32Array, as
 * average linkage wants it. Sparse rows use an inverted index so only co-occurring pairs cost.
 */
export function toCosineDistanceMatrix(e: Embedding, reuse?: Float32Array): Float32Array {
  const n = e.n;
  // Reusing a buffer keeps peak memory to one matrix on big boards (5,000 notes: 100 MB).
  const out = reuse && reuse.length >= n * n ? reuse.subarray(0, n * n) : new Float32Array(n * n);
  if (e.kind === 'sparse') {
    fillSparseCosineDistances(e.rows, e.dim, n, out);
    return out;
  }
  const { dim, data } = e;
  for (let i = 0; i < n; i += 1) {
    const bi = i * dim;
    out[i * n + i] = 0;
    for (let j = i + 1; j < n; j += 1) {
      const bj = j * dim;
      let dot = 0;
      for (let t = 0; t < dim; t += 1) dot += (data[bi + t] as number) * (data[bj + t] as number);
      const d = clampDistance(1 - dot);
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return out;
}

/**
 * Upper triangle through a column-major (CSC) copy of the rows: row i only meets rows j > i that
 * share a term, so the cost is Σ df² / 2 instead of n² · nnz.
 */
function fillSparseCosineDistances(
  rows: readonly SparseVector[],
  dim: number,
  n: number,
  out: Float32Array,
): void {
  const start = new Int32Array(dim + 1);
  for (const row of rows) for (const c of row.indices) start[c + 1] = (start[c + 1] as number) + 1;
  for (let c = 0; c < dim; c += 1) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const nnz = start[dim] as number;
  const docs = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  const fill = start.slice(0, dim);
  rows.forEach((row, doc) => {
    for (let t = 0; t < row.indices.length; t += 1) {
      const c = row.indices[t] as number;
      const at = fill[c] as number;
      docs[at] = doc;
      vals[at] = row.values[t] as number;
      fill[c] = at + 1;
    }
  });
  // next[c]: position in column c of the current row (rows are visited in increasing order).
  const next = start.slice(0, dim);
  const acc = new Float64Array(n);
  out.fill(1);
  for (let i = 0; i < n; i += 1) {
    const row = rows[i] as SparseVector;
    for (let t = 0; t < row.indices.length; t += 1) {
      const c = row.indices[t] as number;
      const w = row.values[t] as number;
      const from = (next[c] as number) + 1;
      next[c] = from;
      const end = start[c + 1] as number;
      for (let q = from; q < end; q += 1) {
        const j = docs[q] as number;
        acc[j] = (acc[j] as number) + w * (vals[q] as number);
      }
    }
    const base = i * n;
    out[base + i] = 0;
    for (let j = i + 1; j < n; j += 1) {
      const dot = acc[j] as number;
      if (dot === 0) continue;
      const d = clampDistance(1 - dot);
      out[base + j] = d;
      out[j * n + i] = d;
      acc[j] = 0;
    }
  }
}

function clampDistance(d: number): number {
  return d < 0 ? 0 : d > 2 ? 2 : d;
}
