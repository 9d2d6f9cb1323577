import { describe, expect, it } from 'vitest';
import { lengthOrder, sparseBatch, unitRows } from './encoder-batches';

describe('encoder batches', () => {
  it('orders texts by token count, ties in text order', () => {
    expect(lengthOrder([[1, 2, 3], [4], [], [5], [6, 7]])).toEqual([2, 1, 3, 4, 0]);
    expect(lengthOrder([])).toEqual([]);
  });

  it('writes a batch as (row, column) pairs and ids, an empty text as token 0', () => {
    expect(sparseBatch([[7, 8], [], [9]])).toEqual({
      indices: [0, 0, 0, 1, 1, 0, 2, 0],
      values: [7, 8, 0, 9],
    });
  });

  it("normalises each row to length 1 and leaves an empty text's vector zero", () => {
    const data = new Float32Array([3, 4, 1, 1, 0, 0]);
    const [a, empty, zero] = unitRows(data, [[1], [], [2]], 2);
    expect([...a!]).toEqual([0.6000000238418579, 0.800000011920929]);
    expect([...empty!]).toEqual([0, 0]);
    expect([...zero!]).toEqual([0, 0]);
    const [short] = unitRows(new Float32Array([2]), [[1]], 2);
    expect([...short!]).toEqual([1, 0]);
  });
});
