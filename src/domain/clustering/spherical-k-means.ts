import { addRow, dotRow, isEmptyRow, type Embedding } from './embedding';
import { createSeededRandom, type Random } from './seeded-random';

export interface KMeansOptions {
  k: number;
  seed?: number;
  /** Independent k-means++ starts; the one with the highest total cosine wins (default 5). */
  restarts?: number;
  maxIterations?: number;
  /** Start from these labels instead of k-means++ (e.g. an agglomerative cut). */
  initialLabels?: Int32Array;
  /** Called after each restart with the fraction of restarts done. */
  onProgress?: (fraction: number) => void;
}

export interface KMeansResult {
  labels: Int32Array;
  /** Sum over points of the cosine to their centroid (higher is tighter). */
  objective: number;
}

/**
 * Spherical k-means (cosine) with k-means++ seeding and restarts; deterministic for a seed.
 * Empty rows are assigned to cluster 0 and do not pull centroids.
 */
export function sphericalKMeans(e: Embedding, options: KMeansOptions): KMeansResult {
  const k = Math.max(1, Math.min(options.k, e.n));
  const random = createSeededRandom(options.seed ?? 1);
  const restarts = options.initialLabels ? 1 : Math.max(1, options.restarts ?? 5);
  let best: KMeansResult | null = null;
  for (let r = 0; r < restarts; r += 1) {
    const centroids = options.initialLabels
      ? centroidsFromLabels(e, options.initialLabels, k)
      : seedPlusPlus(e, k, random);
    const result = lloyd(e, centroids, k, options.maxIterations ?? 50);
    if (!best || result.objective > best.objective) best = result;
    options.onProgress?.((r + 1) / restarts);
  }
  return best as KMeansResult;
}

function seedPlusPlus(e: Embedding, k: number, random: Random): Float64Array[] {
  const n = e.n;
  const centroids: Float64Array[] = [];
  const candidates: number[] = [];
  for (let i = 0; i < n; i += 1) if (!isEmptyRow(e, i)) candidates.push(i);
  if (candidates.length === 0) candidates.push(0);
  const first = candidates[Math.floor(random() * candidates.length)] as number;
  centroids.push(rowVector(e, first));
  // Squared chordal distance to the nearest centroid: 2 − 2·cos for unit rows.
  const nearest = new Float64Array(n).fill(Infinity);
  while (centroids.length < k) {
    const latest = centroids[centroids.length - 1] as Float64Array;
    let total = 0;
    for (const i of candidates) {
      const d = Math.max(0, 2 - 2 * dotRow(e, i, latest));
      if (d < (nearest[i] as number)) nearest[i] = d;
      total += nearest[i] as number;
    }
    let pick = candidates[Math.floor(random() * candidates.length)] as number;
    if (total > 0) {
      let target = random() * total;
      for (const i of candidates) {
        target -= nearest[i] as number;
        if (target <= 0) {
          pick = i;
          break;
        }
      }
    }
    centroids.push(rowVector(e, pick));
  }
  return centroids;
}

function rowVector(e: Embedding, i: number): Float64Array {
  const v = new Float64Array(e.dim);
  addRow(e, i, v);
  return v;
}

function centroidsFromLabels(e: Embedding, labels: Int32Array, k: number): Float64Array[] {
  const centroids = Array.from({ length: k }, () => new Float64Array(e.dim));
  for (let i = 0; i < e.n; i += 1) {
    const c = centroids[labels[i] as number];
    if (c) addRow(e, i, c);
  }
  centroids.forEach(normalizeDense);
  return centroids;
}

function normalizeDense(v: Float64Array): void {
  let s = 0;
  for (const x of v) s += x * x;
  if (s === 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let t = 0; t < v.length; t += 1) v[t] = (v[t] as number) * inv;
}

/** Scores of row i against all centroids, from centroids stored transposed (dim × k). */
function scoreRow(
  e: Embedding,
  i: number,
  transposed: Float64Array,
  k: number,
  scores: Float64Array,
): void {
  scores.fill(0);
  if (e.kind === 'sparse') {
    const row = e.rows[i];
    if (!row) return;
    for (let t = 0; t < row.indices.length; t += 1) {
      const v = row.values[t] as number;
      const base = (row.indices[t] as number) * k;
      for (let c = 0; c < k; c += 1)
        scores[c] = (scores[c] as number) + v * (transposed[base + c] as number);
    }
    return;
  }
  const rowBase = i * e.dim;
  for (let t = 0; t < e.dim; t += 1) {
    const v = e.data[rowBase + t] as number;
    if (v === 0) continue;
    const base = t * k;
    for (let c = 0; c < k; c += 1)
      scores[c] = (scores[c] as number) + v * (transposed[base + c] as number);
  }
}

function transpose(centroids: Float64Array[], dim: number, k: number): Float64Array {
  const out = new Float64Array(dim * k);
  centroids.forEach((v, c) => {
    for (let t = 0; t < dim; t += 1) out[t * k + c] = v[t] as number;
  });
  return out;
}

function lloyd(
  e: Embedding,
  centroids: Float64Array[],
  k: number,
  maxIterations: number,
): KMeansResult {
  const n = e.n;
  const labels = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  const scores = new Float64Array(k);
  let objective = 0;
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    let changed = 0;
    objective = 0;
    const transposed = transpose(centroids, e.dim, k);
    for (let i = 0; i < n; i += 1) {
      scoreRow(e, i, transposed, k, scores);
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c += 1) {
        const s = scores[c] as number;
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      similarity[i] = bestSim;
      objective += bestSim;
      if (labels[i] !== best) {
        labels[i] = best;
        changed += 1;
      }
    }
    if (changed === 0) break;
    const sums = Array.from({ length: k }, () => new Float64Array(e.dim));
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i += 1) {
      const c = labels[i] as number;
      addRow(e, i, sums[c] as Float64Array);
      counts[c] = (counts[c] as number) + 1;
    }
    // An emptied cluster takes over the point that fits its centroid worst, so k stays k.
    for (let c = 0; c < k; c += 1) {
      if (counts[c] !== 0) continue;
      let worst = -1;
      let worstSim = Infinity;
      for (let i = 0; i < n; i += 1) {
        if ((counts[labels[i] as number] as number) > 1 && (similarity[i] as number) < worstSim) {
          worstSim = similarity[i] as number;
          worst = i;
        }
      }
      if (worst < 0) continue;
      const from = labels[worst] as number;
      counts[from] = (counts[from] as number) - 1;
      addRow(e, worst, sums[from] as Float64Array, -1);
      labels[worst] = c;
      similarity[worst] = Infinity;
      counts[c] = 1;
      addRow(e, worst, sums[c] as Float64Array);
    }
    sums.forEach(normalizeDense);
    for (let c = 0; c < k; c += 1) centroids[c] = sums[c] as Float64Array;
  }
  return { labels, objective };
}
