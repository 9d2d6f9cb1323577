import { describe, expect, it } from 'vitest';
import { chunkPairs } from './imported-keys';

describe('chunkPairs', () => {
  it('keeps every pair, in order, with each chunk under the limit', () => {
    const pairs = Array.from({ length: 2000 }, (_, i): [string, string] => [
      `3458764${i}`,
      `uXjVBoard=:3458764${i}`,
    ]);
    const chunks = chunkPairs(pairs, 10_000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.flat()).toEqual(pairs);
    for (const chunk of chunks) expect(JSON.stringify(chunk).length).toBeLessThanOrEqual(10_000);
  });
});
