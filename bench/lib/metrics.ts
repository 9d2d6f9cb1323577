/** Clustering quality metrics against true labels: ACC (Hungarian), NMI (arithmetic), ARI. */

function contingency(
  truth: readonly number[],
  predicted: readonly number[],
): {
  table: number[][];
  rows: number[];
  cols: number[];
} {
  const t = compact(truth);
  const p = compact(predicted);
  const r = Math.max(0, ...t) + 1;
  const c = Math.max(0, ...p) + 1;
  const table = Array.from({ length: r }, () => new Array<number>(c).fill(0));
  t.forEach((ti, i) => {
    const row = table[ti] as number[];
    const pi = p[i] as number;
    row[pi] = (row[pi] as number) + 1;
  });
  const rows = table.map((row) => row.reduce((s, x) => s + x, 0));
  const cols = Array.from({ length: c }, (_, j) =>
    table.reduce((s, row) => s + (row[j] as number), 0),
  );
  return { table, rows, cols };
}

function compact(labels: readonly number[]): number[] {
  const map = new Map<number, number>();
  return labels.map((l) => {
    let v = map.get(l);
    if (v === undefined) {
      v = map.size;
      map.set(l, v);
    }
    return v;
  });
}

/** Accuracy under the best one-to-one matching of predicted to true clusters (Hungarian). */
export function clusteringAccuracy(truth: readonly number[], predicted: readonly number[]): number {
  if (truth.length === 0) return 1;
  const { table } = contingency(truth, predicted);
  const size = Math.max(table.length, table[0]?.length ?? 0);
  // Cost = −overlap on a square matrix padded with zeros.
  const cost = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => -(table[i]?.[j] ?? 0)),
  );
  const assignment = hungarian(cost);
  let matched = 0;
  assignment.forEach((j, i) => {
    matched += table[i]?.[j] ?? 0;
  });
  return matched / truth.length;
}

/** Hungarian algorithm (Kuhn–Munkres, O(n³) potentials form); returns column for each row. */
export function hungarian(cost: number[][]): number[] {
  const n = cost.length;
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i += 1) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(INF);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] as number;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j += 1) {
        if (used[j]) continue;
        const cur = (cost[i0 - 1]?.[j - 1] ?? 0) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j += 1) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minv[j] = (minv[j] as number) - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j += 1) if ((p[j] as number) > 0) result[(p[j] as number) - 1] = j - 1;
  return result;
}

/** Normalised mutual information with arithmetic-mean normalisation (scikit-learn's default). */
export function normalizedMutualInformation(
  truth: readonly number[],
  predicted: readonly number[],
): number {
  const n = truth.length;
  if (n === 0) return 1;
  const { table, rows, cols } = contingency(truth, predicted);
  const entropy = (counts: number[]): number =>
    -counts.reduce((s, c) => (c > 0 ? s + (c / n) * Math.log(c / n) : s), 0);
  let mi = 0;
  table.forEach((row, i) =>
    row.forEach((nij, j) => {
      if (nij > 0)
        mi += (nij / n) * Math.log((n * nij) / ((rows[i] as number) * (cols[j] as number)));
    }),
  );
  const hu = entropy(rows);
  const hv = entropy(cols);
  if (hu === 0 && hv === 0) return 1;
  const denom = (hu + hv) / 2;
  return denom === 0 ? 0 : Math.max(0, mi / denom);
}

/** Adjusted Rand index (Hubert & Arabie). */
export function adjustedRandIndex(truth: readonly number[], predicted: readonly number[]): number {
  const n = truth.length;
  const { table, rows, cols } = contingency(truth, predicted);
  const c2 = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (const row of table) for (const x of row) index += c2(x);
  const a = rows.reduce((s, x) => s + c2(x), 0);
  const b = cols.reduce((s, x) => s + c2(x), 0);
  const expected = (a * b) / c2(n);
  const max = (a + b) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
