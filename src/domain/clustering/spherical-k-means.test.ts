import { describe, expect, it } from 'vitest';
import type { Embedding } from './embedding';
import { createSeededRandom } from './seeded-random';
import { sphericalKMeans } from './spherical-k-means';

/** Unit vectors scattered around `centers` directions in `dim` dimensions. */
function blobs(
  centers: number,
  perCenter: number,
  dim: number,
  seed: number,
): { e: Embedding; truth: number[] } {
  const random = createSeededRandom(seed);
  const data = new Float64Array(centers * perCenter * dim);
  const truth: number[] = [];
  for (let c = 0; c < centers; c += 1) {
    for (let p = 0; p < perCenter; p += 1) {
      const row = (c * perCenter + p) * dim;
      let s = 0;
      for (let t = 0; t < dim; t += 1) {
        const v = (t === c ? 3 : 0) + random() * 0.8;
        data[row + t] = v;
        s += v * v;
      }
      for (let t = 0; t < dim; t += 1) data[row + t] = (data[row + t] as number) / Math.sqrt(s);
      truth.push(c);
    }
  }
  return { e: { kind: 'dense', n: centers * perCenter, dim, data }, truth };
}

describe('sphericalKMeans', () => {
  it('is deterministic: same seed, same groups', () => {
    const { e } = blobs(5, 12, 8, 3);
    const a = sphericalKMeans(e, { k: 5, seed: 11, restarts: 3 });
    const b = sphericalKMeans(e, { k: 5, seed: 11, restarts: 3 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.objective).toBe(b.objective);
  });

  it('recovers well-separated directions exactly', () => {
    const { e, truth } = blobs(4, 10, 6, 9);
    const { labels } = sphericalKMeans(e, { k: 4, seed: 2, restarts: 4 });
    // Same partition up to renaming: points share a label iff they share a truth.
    for (let i = 0; i < truth.length; i += 1) {
      for (let j = 0; j < truth.length; j += 1) {
        expect(labels[i] === labels[j]).toBe(truth[i] === truth[j]);
      }
    }
  });

  it('always returns exactly k non-empty clusters when k ≤ n', () => {
    const { e } = blobs(2, 6, 4, 1);
    const { labels } = sphericalKMeans(e, { k: 7, seed: 5 });
    expect(new Set(labels).size).toBe(7);
  });

  it('works on sparse rows and respects initial labels', () => {
    const rows = [
      { indices: Int32Array.from([0]), values: Float64Array.from([1]) },
      { indices: Int32Array.from([0, 1]), values: Float64Array.from([0.99, 0.141]) },
      { indices: Int32Array.from([2]), values: Float64Array.from([1]) },
      { indices: Int32Array.from([2, 1]).sort(), values: Float64Array.from([0.141, 0.99]) },
    ];
    const e: Embedding = { kind: 'sparse', n: 4, dim: 3, rows };
    const { labels } = sphericalKMeans(e, { k: 2, initialLabels: Int32Array.from([0, 0, 1, 1]) });
    expect(Array.from(labels)).toEqual([0, 0, 1, 1]);
  });
});
