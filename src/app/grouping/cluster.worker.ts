/**
 * Web Worker entry for grouping big boards off the main thread. Messages in: a ClusterRequest;
 * out: progress messages, then one result or error.
 */
import { errorMessage } from '../../domain/common';
import {
  groupNotes,
  type GroupingResult,
  type GroupNotesOptions,
  type NoteInput,
} from '../../domain/clustering/group-notes';

export interface ClusterRequest {
  type: 'group';
  notes: NoteInput[];
  options: Omit<GroupNotesOptions, 'onProgress'>;
}

export type ClusterResponse =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: GroupingResult }
  | { type: 'error'; message: string };

/** Runs one request, posting progress (at most every 2%) and the outcome. */
export function runClusterRequest(
  request: ClusterRequest,
  post: (message: ClusterResponse) => void,
): void {
  let last = -1;
  try {
    const result = groupNotes(request.notes, {
      ...request.options,
      onProgress: (fraction) => {
        if (fraction - last >= 0.02 || fraction === 1) {
          last = fraction;
          post({ type: 'progress', fraction });
        }
      },
    });
    post({ type: 'result', result });
  } catch (error) {
    post({ type: 'error', message: errorMessage(error) });
  }
}

// Only register when loaded as a worker (not when a test imports this module in Node). Typed by
// hand: the project compiles against the DOM lib, not the WebWorker lib.
interface WorkerScope {
  WorkerGlobalScope?: unknown;
  postMessage: (message: ClusterResponse) => void;
  onmessage: ((event: MessageEvent<ClusterRequest>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;
if (typeof scope.WorkerGlobalScope !== 'undefined' && typeof scope.postMessage === 'function') {
  scope.onmessage = (event) => {
    runClusterRequest(event.data, (message) => scope.postMessage(message));
  };
}
