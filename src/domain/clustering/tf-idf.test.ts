import { describe, expect, it } from 'vitest';
import { dotSparse } from './sparse-vector';
import { createTfIdf } from './tf-idf';

describe('createTfIdf', () => {
  it('weights by sublinear tf and smoothed idf, then L2-normalises (hand-checked)', () => {
    const { vocabulary, idf, vectors } = createTfIdf([
      ['a', 'a', 'b'],
      ['b', 'c'],
    ]);
    expect(vocabulary).toEqual(['a', 'b', 'c']);
    // idf = ln((1 + n) / (1 + df)) + 1 with n = 2.
    const idfA = Math.log(3 / 2) + 1;
    const idfB = 1;
    expect(idf[0]).toBeCloseTo(idfA, 12);
    expect(idf[1]).toBeCloseTo(idfB, 12);
    // doc 0: a → (1 + ln 2)·idfA, b → 1·idfB, then normalised.
    const wa = (1 + Math.log(2)) * idfA;
    const norm = Math.hypot(wa, idfB);
    expect(Array.from(vectors[0]?.indices ?? [])).toEqual([0, 1]);
    expect(vectors[0]?.values[0]).toBeCloseTo(wa / norm, 12);
    expect(vectors[0]?.values[1]).toBeCloseTo(idfB / norm, 12);
    expect(dotSparse(vectors[1]!, vectors[1]!)).toBeCloseTo(1, 12);
  });

  it('raw counts when sublinear tf is off; minDf drops rare terms', () => {
    const { vocabulary, vectors } = createTfIdf([['x', 'x', 'y'], ['y']], {
      sublinearTf: false,
      minDf: 2,
    });
    expect(vocabulary).toEqual(['y']);
    expect(Array.from(vectors[0]?.values ?? [])).toEqual([1]);
  });

  it('leaves empty documents empty', () => {
    const { vectors } = createTfIdf([[], ['a']]);
    expect(vectors[0]?.indices.length).toBe(0);
  });
});
