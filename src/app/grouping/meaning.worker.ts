/**
 * Web Worker for meaning mode: loads the sentence model once (from the app's own origin, Cache
 * Storage after the first time), embeds the notes, groups them. The model and TF.js live only in
 * this worker's chunk, never in the panel's JS. Messages in: MeaningRequest; out: progress by
 * phase, then one result, model-error (the caller falls back to lexical mode) or error.
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  runMeaningRequest,
  type MeaningRequest,
  type MeaningResponse,
  type MeaningWorkerState,
} from './meaning-run';
import { createCachedModelSource } from './model-source';
import { loadSentenceEncoder } from './sentence-encoder';

interface WorkerScope {
  WorkerGlobalScope?: unknown;
  caches?: CacheStorage;
  postMessage: (message: MeaningResponse) => void;
  onmessage: ((event: MessageEvent<MeaningRequest>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

const loader = (modelUrl: string, onProgress: (f: number) => void) => {
  const source = createCachedModelSource({ baseUrl: modelUrl, caches: scope.caches ?? null });
  return loadSentenceEncoder(source, {
    onProgress,
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    },
  }).then((encoder) => ({ encoder, fromCache: source.stats.fetched === 0 }));
};

if (typeof scope.WorkerGlobalScope !== 'undefined' && typeof scope.postMessage === 'function') {
  const state: MeaningWorkerState = { loaded: null };
  scope.onmessage = (event) => {
    void runMeaningRequest(event.data, (message) => scope.postMessage(message), loader, state);
  };
}
