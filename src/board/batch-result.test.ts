import { describe, expect, it } from 'vitest';
import { batchStatus, succeeded, succeededOps } from './batch-result';
import type { BatchResult, WriteOp } from './port';

const op = (id: string): WriteOp => ({ op: 'remove', id });
const ops = [op('a'), op('b'), op('c')];
const result = (failed: number[], cancelled = false): BatchResult => ({
  ids: {},
  done: ops.length - failed.length,
  failed: failed.map((index) => ({ index, op: ops[index]!, message: 'refused' })),
  cancelled,
});

describe('batch results', () => {
  it('a batch is done, partial when an op failed or a later step did, cancelled when stopped', () => {
    expect(batchStatus(result([]))).toBe('done');
    expect(batchStatus(result([1]))).toBe('partial');
    expect(batchStatus(result([]), true)).toBe('partial');
    expect(batchStatus(result([1], true), true)).toBe('cancelled');
    expect(batchStatus(result([]), false)).toBe('done');
  });

  it('the ops that surely took effect: all but the failed, in order', () => {
    expect([...succeededOps(result([1]), ops.length)]).toEqual([0, 2]);
    expect(succeeded(ops, result([1]))).toEqual([op('a'), op('c')]);
    expect(succeeded(ops, result([]))).toEqual(ops);
  });

  it('none after a cancel: the board does not say which of the unfailed ops ran', () => {
    expect(succeededOps(result([], true), ops.length).size).toBe(0);
    expect(succeeded(ops, result([0], true))).toEqual([]);
  });
});
