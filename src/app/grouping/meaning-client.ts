/**
 * Meaning mode from the panel's side: one long-lived Web Worker (so the model loads once per
 * panel) that embeds and groups; progress by phase; cancel terminates the worker (the next run
 * starts a new one, which reads the model from Cache Storage). When the model cannot load — no
 * workers, the file missing, WebAssembly refused — the job rejects with MeaningUnavailableError
 * and the caller falls back to lexical mode.
 */
import { errorMessage } from '../../domain/common';
import type {
  GroupingResult,
  GroupNotesOptions,
  NoteInput,
} from '../../domain/clustering/group-notes';
import { ClusterCancelledError } from './cluster-client';
import type { MeaningPhase, MeaningRequest, MeaningResponse } from './meaning-run';
import { MODEL_PATH } from './model-id';

export type { MeaningPhase };

export interface MeaningWorkerLike {
  postMessage(message: MeaningRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<MeaningResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class MeaningUnavailableError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MeaningUnavailableError';
  }
}

export interface MeaningJob {
  result: Promise<GroupingResult & { modelFromCache: boolean }>;
  cancel(): void;
  inWorker: true;
}

export interface MeaningClientOptions {
  createWorker?: () => MeaningWorkerLike | null;
  /** Absolute URL of the model folder; default: `models/<id>/` beside the page. */
  modelUrl?: string;
}

function createDefaultWorker(): MeaningWorkerLike | null {
  if (typeof Worker === 'undefined' || typeof WebAssembly === 'undefined') return null;
  return new Worker(new URL('./meaning.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as MeaningWorkerLike;
}

function defaultModelUrl(): string {
  const base = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
  return new URL(MODEL_PATH, base).href;
}

export function createMeaningClient(clientOptions: MeaningClientOptions = {}) {
  const makeWorker = clientOptions.createWorker ?? createDefaultWorker;
  let worker: MeaningWorkerLike | null = null;
  let stopCurrent: (() => void) | null = null;

  function group(
    notes: readonly NoteInput[],
    options: Omit<GroupNotesOptions, 'vectors' | 'onProgress'> & {
      onProgress?: (fraction: number, phase: MeaningPhase) => void;
    } = {},
  ): MeaningJob {
    // One job at a time: a new run supersedes the one before.
    stopCurrent?.();
    const { onProgress, ...plain } = options;
    let settle: {
      resolve: (r: GroupingResult & { modelFromCache: boolean }) => void;
      reject: (e: Error) => void;
    } | null = null;
    const result = new Promise<GroupingResult & { modelFromCache: boolean }>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const finish = (
      outcome: { value: GroupingResult & { modelFromCache: boolean } } | { error: Error },
      kill: boolean,
    ): void => {
      const s = settle;
      if (!s) return;
      settle = null;
      stopCurrent = null;
      if (worker) {
        worker.onmessage = null;
        worker.onerror = null;
        if (kill) {
          worker.terminate();
          worker = null;
        }
      }
      if ('value' in outcome) s.resolve(outcome.value);
      else s.reject(outcome.error);
    };
    try {
      worker ??= makeWorker();
    } catch (error) {
      worker = null;
      finish(
        {
          error: new MeaningUnavailableError(errorMessage(error)),
        },
        false,
      );
    }
    const w = worker;
    if (!w) {
      finish(
        {
          error: new MeaningUnavailableError(
            'this browser cannot run the model in the background (no Web Worker or WebAssembly)',
          ),
        },
        false,
      );
      return { result, cancel: () => undefined, inWorker: true };
    }
    w.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.fraction, message.phase);
      else if (message.type === 'result')
        finish({ value: { ...message.result, modelFromCache: message.modelFromCache } }, false);
      else if (message.type === 'model-error')
        finish({ error: new MeaningUnavailableError(message.message) }, true);
      else finish({ error: new Error(message.message) }, true);
    };
    // A worker that cannot even start (script or WebAssembly refused) means no model here.
    w.onerror = (event) =>
      finish(
        { error: new MeaningUnavailableError(event.message || 'the model worker failed') },
        true,
      );
    w.postMessage({
      type: 'group',
      notes: notes.map((n) => ({ ...n })),
      options: plain,
      modelUrl: clientOptions.modelUrl ?? defaultModelUrl(),
    });
    const cancel = (): void => finish({ error: new ClusterCancelledError() }, true);
    stopCurrent = cancel;
    return { result, cancel, inWorker: true };
  }

  return {
    group,
    /** Ends the worker (the panel closes). */
    close(): void {
      stopCurrent?.();
      worker?.terminate();
      worker = null;
    },
  };
}

export type MeaningClient = ReturnType<typeof createMeaningClient>;
