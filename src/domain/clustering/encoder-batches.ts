/**
 * The sentence encoder's batches as numbers: the order texts are embedded in, a batch as the
 * model's sparse input, and its output as unit vectors. Pure; `app/grouping/sentence-encoder.ts`
 * runs the model.
 */

type TokenIds = readonly (readonly number[])[];

/** Text indices by token count, shortest first, ties in text order: similar lengths batch together. */
export function lengthOrder(encoded: TokenIds): number[] {
  return encoded
    .map((_, i) => i)
    .sort((a, b) => {
      const la = encoded[a]?.length ?? 0;
      const lb = encoded[b]?.length ?? 0;
      return la - lb || a - b;
    });
}

/** A batch as (row, column) index pairs and token ids; an empty text is read as token 0. */
export function sparseBatch(ids: TokenIds): { indices: number[]; values: number[] } {
  const rows = ids.map((list) => (list.length > 0 ? list : [0]));
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((list, r) => {
    list.forEach((id, c) => {
      indices.push(r, c);
      values.push(id);
    });
  });
  return { indices, values };
}

/** The model's output (`dimension` numbers a row) as L2-normalised vectors; an empty text's is zero. */
export function unitRows(
  data: ArrayLike<number>,
  ids: TokenIds,
  dimension: number,
): Float32Array[] {
  return ids.map((list, r) => {
    const vector = new Float32Array(dimension);
    if (list.length === 0) return vector;
    let norm = 0;
    for (let d = 0; d < dimension; d += 1) {
      const v = data[r * dimension + d] ?? 0;
      vector[d] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < dimension; d += 1) vector[d] = (vector[d] ?? 0) / norm;
    return vector;
  });
}
