import type {
  GroupingResult,
  GroupNotesOptions,
  NoteInput,
} from '../../domain/clustering/group-notes';
import type { ClusterRequest, ClusterResponse } from './cluster.worker';

/**
 * Above this many notes, grouping runs in a Web Worker. Zero: wherever workers exist, every
 * grouping runs in one, so the panel stays responsive and its own code never carries the
 * clustering engine (only the worker does). Tests pass a higher threshold to run in this thread.
 */
export const WORKER_THRESHOLD = 0;

/** The part of a Worker the client uses; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: ClusterRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ClusterResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ClusterJob {
  /** Resolves with the groups; rejects with ClusterCancelledError after cancel(). */
  result: Promise<GroupingResult>;
  /** Stops the work (terminates the worker); safe to call at any time. */
  cancel(): void;
  /** Whether this job runs in a worker. */
  inWorker: boolean;
}

export class ClusterCancelledError extends Error {
  constructor() {
    super('Grouping was cancelled');
    this.name = 'ClusterCancelledError';
  }
}

export interface ClusterClientOptions {
  workerThreshold?: number;
  /** Makes the worker; default: the Vite module worker, or none where `Worker` is undefined. */
  createWorker?: () => WorkerLike | null;
}

function createDefaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./cluster.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

/**
 * Groups notes in a Web Worker when there are more than `workerThreshold` of them (and workers
 * exist), otherwise in this thread on the next task, loading the engine then. Reports progress
 * 0..1; can be cancelled.
 */
export function createClusterClient(clientOptions: ClusterClientOptions = {}) {
  const threshold = clientOptions.workerThreshold ?? WORKER_THRESHOLD;
  const makeWorker = clientOptions.createWorker ?? createDefaultWorker;

  function group(notes: readonly NoteInput[], options: GroupNotesOptions = {}): ClusterJob {
    const { onProgress, ...plain } = options;
    const worker = notes.length > threshold ? makeWorker() : null;
    if (worker)
      return runInWorker(worker, { type: 'group', notes: [...notes], options: plain }, onProgress);
    return runInThread(notes, plain, onProgress);
  }

  return { group };
}

export type ClusterClient = ReturnType<typeof createClusterClient>;

function runInWorker(
  worker: WorkerLike,
  request: ClusterRequest,
  onProgress?: (fraction: number) => void,
): ClusterJob {
  let settle: { resolve: (r: GroupingResult) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<GroupingResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: { result: GroupingResult } | { error: Error }): void => {
    const s = settle;
    if (!s) return;
    settle = null;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    if ('result' in outcome) s.resolve(outcome.result);
    else s.reject(outcome.error);
  };
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'progress') onProgress?.(message.fraction);
    else if (message.type === 'result') finish({ result: message.result });
    else finish({ error: new Error(message.message) });
  };
  worker.onerror = (event) =>
    finish({ error: new Error(event.message || 'Grouping worker failed') });
  worker.postMessage(request);
  return { result, cancel: () => finish({ error: new ClusterCancelledError() }), inWorker: true };
}

function runInThread(
  notes: readonly NoteInput[],
  options: Omit<GroupNotesOptions, 'onProgress'>,
  onProgress?: (fraction: number) => void,
): ClusterJob {
  let cancelled = false;
  let rejectRun: ((e: Error) => void) | null = null;
  const result = new Promise<GroupingResult>((resolve, reject) => {
    rejectRun = reject;
    // The engine is fetched here (a separate chunk), which also defers the synchronous work to a
    // later task, so a caller can show progress or cancel before it starts.
    import('../../domain/clustering/group-notes').then(
      ({ groupNotes }) => {
        rejectRun = null;
        if (cancelled) return;
        try {
          resolve(groupNotes(notes, { ...options, onProgress }));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      (error: unknown) => {
        rejectRun = null;
        if (!cancelled) reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  const cancel = (): void => {
    if (cancelled) return;
    cancelled = true;
    rejectRun?.(new ClusterCancelledError());
  };
  return { result, cancel, inWorker: false };
}
