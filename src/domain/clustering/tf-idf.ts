import { normalizeSparse, type SparseVector } from './sparse-vector';

export interface TfIdfOptions {
  /** 1 + ln(tf) instead of raw counts (default true). */
  sublinearTf?: boolean;
  /** Drop terms found in fewer documents than this (default 1: keep all). */
  minDf?: number;
}

export interface TfIdf {
  vocabulary: string[];
  idf: Float64Array;
  /** One L2-normalised row per document (empty rows stay empty). */
  vectors: SparseVector[];
}

/**
 * TF-IDF over the given documents (each a list of terms) with smoothed idf
 * ln((1 + n) / (1 + df)) + 1, as in scikit-learn, and L2-normalised rows.
 */
export function createTfIdf(
  docs: readonly (readonly string[])[],
  options: TfIdfOptions = {},
): TfIdf {
  const sublinear = options.sublinearTf ?? true;
  const minDf = options.minDf ?? 1;
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  // Sorted vocabulary keeps column order independent of input order.
  const vocabulary = [...df.entries()]
    .filter(([, count]) => count >= minDf)
    .map(([term]) => term)
    .sort();
  const column = new Map<string, number>();
  vocabulary.forEach((term, i) => column.set(term, i));
  const n = docs.length;
  const idf = new Float64Array(vocabulary.length);
  vocabulary.forEach((term, i) => {
    idf[i] = Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
  });
  const vectors = docs.map((doc) => {
    const counts = new Map<number, number>();
    for (const term of doc) {
      const col = column.get(term);
      if (col !== undefined) counts.set(col, (counts.get(col) ?? 0) + 1);
    }
    const cols = [...counts.keys()].sort((a, b) => a - b);
    const values = new Float64Array(cols.length);
    cols.forEach((col, i) => {
      const tf = counts.get(col) ?? 0;
      values[i] = (sublinear ? 1 + Math.log(tf) : tf) * (idf[col] as number);
    });
    return normalizeSparse({ indices: Int32Array.from(cols), values });
  });
  return { vocabulary, idf, vectors };
}
