import { describe, expect, it } from 'vitest';
import {
  bytesOfReadFile,
  downloadFraction,
  joinBytes,
  modelFileNames,
  SHARD_BYTES,
} from './model-files';

describe('model files', () => {
  it('reads the vocabulary first, then the shards in manifest order', () => {
    const manifest = {
      weightsManifest: [{ paths: ['s1', 's2'] }, { paths: [] }, { paths: ['s3'] }],
    };
    expect(modelFileNames(manifest)).toEqual(['vocab.json', 's1', 's2', 's3']);
    expect(modelFileNames({ weightsManifest: [] })).toEqual(['vocab.json']);
  });

  it('measures progress against SHARD_BYTES a file, never reaching 1', () => {
    expect(downloadFraction([0, 0, 0, 0])).toBe(0);
    expect(downloadFraction([SHARD_BYTES, 0, SHARD_BYTES / 2, 0])).toBeCloseTo(0.375, 10);
    expect(downloadFraction([SHARD_BYTES, SHARD_BYTES])).toBe(0.99);
    expect(downloadFraction([3 * SHARD_BYTES, 0])).toBe(0.99);
  });

  it('counts a file read in full as at least SHARD_BYTES', () => {
    expect(bytesOfReadFile(10)).toBe(SHARD_BYTES);
    expect(bytesOfReadFile(SHARD_BYTES + 1)).toBe(SHARD_BYTES + 1);
  });

  it('joins bytes in order into a buffer of their total length', () => {
    const joined = joinBytes([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]);
    expect([...joined]).toEqual([1, 2, 3]);
    expect(joined.buffer.byteLength).toBe(3);
    expect(joinBytes([]).byteLength).toBe(0);
  });
});
