/**
 * One merge of a dendrogram, SciPy-style: leaves are 0..n-1, the cluster made by merge i is n + i.
 * `height` is the average pairwise distance between the two clusters; `size` the merged size.
 */
export interface Merge {
  a: number;
  b: number;
  height: number;
  size: number;
}

/**
 * Average-linkage (UPGMA) agglomerative clustering by the nearest-neighbour chain algorithm:
 * O(n²) time over an n×n distance matrix, no heap. Average linkage is reducible, so the chain
 * finds exactly the merges of the greedy algorithm; they are returned sorted by height.
 *
 * Takes ownership of `distances` (row-major n×n, symmetric): it is overwritten as clusters merge.
 */
export function averageLinkage(
  distances: Float32Array | Float64Array,
  n: number,
  onProgress?: (fraction: number) => void,
): Merge[] {
  if (distances.length < n * n) throw new Error('averageLinkage: matrix smaller than n×n');
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  // Active slots as a compact list so scans skip merged rows.
  const alive = new Int32Array(n);
  for (let i = 0; i < n; i += 1) alive[i] = i;
  let aliveCount = n;
  const raw: { a: number; b: number; height: number }[] = [];
  const chain = new Int32Array(n);
  let chainLength = 0;
  const progressEvery = Math.max(1, Math.floor(n / 50));

  while (aliveCount > 1) {
    if (chainLength === 0) {
      chain[0] = alive[0] as number;
      chainLength = 1;
    }
    for (;;) {
      const top = chain[chainLength - 1] as number;
      const prev = chainLength > 1 ? (chain[chainLength - 2] as number) : -1;
      const row = top * n;
      // Prefer the previous chain element on ties so the chain never cycles.
      let best = prev;
      let bestDistance = prev >= 0 ? (distances[row + prev] as number) : Infinity;
      for (let s = 0; s < aliveCount; s += 1) {
        const c = alive[s] as number;
        if (c === top) continue;
        const d = distances[row + c] as number;
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      if (best === prev) break;
      chain[chainLength] = best;
      chainLength += 1;
    }
    const a = chain[chainLength - 1] as number;
    const b = chain[chainLength - 2] as number;
    chainLength -= 2;
    raw.push({ a, b, height: distances[a * n + b] as number });
    // Keep the merged cluster in slot b; Lance–Williams update for average linkage.
    const sa = size[a] as number;
    const sb = size[b] as number;
    const wa = sa / (sa + sb);
    const wb = sb / (sa + sb);
    const rowA = a * n;
    const rowB = b * n;
    for (let s = 0; s < aliveCount; s += 1) {
      const k = alive[s] as number;
      if (k === a || k === b) continue;
      const d = wa * (distances[rowA + k] as number) + wb * (distances[rowB + k] as number);
      distances[rowB + k] = d;
      distances[k * n + b] = d;
    }
    size[b] = sa + sb;
    active[a] = 0;
    for (let s = 0; s < aliveCount; s += 1) {
      if (alive[s] === a) {
        alive.copyWithin(s, s + 1, aliveCount);
        break;
      }
    }
    aliveCount -= 1;
    if (onProgress && raw.length % progressEvery === 0) onProgress(raw.length / (n - 1));
  }
  return toSortedMerges(raw, n);
}

/** Sorts chain merges by height and renames them SciPy-style with a union-find over leaves. */
function toSortedMerges(raw: { a: number; b: number; height: number }[], n: number): Merge[] {
  const order = raw
    .map((_, i) => i)
    .sort((x, y) => (raw[x]?.height ?? 0) - (raw[y]?.height ?? 0) || x - y);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i += 1) parent[i] = i;
  const clusterOf = new Int32Array(n); // root leaf → current cluster id
  const sizeOf = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i += 1) clusterOf[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  return order.map((index, step) => {
    const m = raw[index] as { a: number; b: number; height: number };
    const ra = find(m.a);
    const rb = find(m.b);
    const ca = clusterOf[ra] as number;
    const cb = clusterOf[rb] as number;
    const merged = (sizeOf[ra] as number) + (sizeOf[rb] as number);
    parent[ra] = rb;
    sizeOf[rb] = merged;
    clusterOf[rb] = n + step;
    return { a: Math.min(ca, cb), b: Math.max(ca, cb), height: m.height, size: merged };
  });
}

/**
 * Flat clusters from a dendrogram: apply merges while their height is ≤ `threshold`, or the first
 * n − count merges. Labels are 0..k−1 in order of each cluster's first leaf.
 */
export function cutDendrogram(
  merges: readonly Merge[],
  n: number,
  cut: { threshold: number } | { count: number },
): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i += 1) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  // Track one leaf per cluster id so merges can be replayed on leaves.
  const leafOf = new Int32Array(n + merges.length);
  for (let i = 0; i < n; i += 1) leafOf[i] = i;
  const limit =
    'count' in cut
      ? Math.max(0, Math.min(merges.length, n - Math.max(1, cut.count)))
      : merges.length;
  for (let step = 0; step < merges.length; step += 1) {
    const m = merges[step] as Merge;
    leafOf[n + step] = leafOf[m.a] as number;
    if (step >= limit) continue;
    if ('threshold' in cut && m.height > cut.threshold) continue;
    const ra = find(leafOf[m.a] as number);
    const rb = find(leafOf[m.b] as number);
    if (ra !== rb) parent[ra] = rb;
  }
  const labels = new Int32Array(n);
  const rootLabel = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const r = find(i);
    let label = rootLabel.get(r);
    if (label === undefined) {
      label = rootLabel.size;
      rootLabel.set(r, label);
    }
    labels[i] = label;
  }
  return labels;
}
