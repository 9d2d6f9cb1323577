/** A sparse row: sorted column indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Dot product of two sparse vectors with sorted indices. */
export function dotSparse(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.indices;
  const bi = b.indices;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) {
      sum += (a.values[i] as number) * (b.values[j] as number);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

/** Scales a vector in place to unit length (no-op for the zero vector). */
export function normalizeSparse(v: SparseVector): SparseVector {
  let sum = 0;
  for (const x of v.values) sum += x * x;
  if (sum > 0) {
    const inv = 1 / Math.sqrt(sum);
    for (let i = 0; i < v.values.length; i += 1) v.values[i] = (v.values[i] as number) * inv;
  }
  return v;
}
