/**
 * One meaning-mode request, independent of the worker shell so it can be tested in Node: load the
 * encoder (once per worker), embed the notes, group them with their vectors.
 */
import { errorMessage } from '../../domain/common';
import {
  groupNotes,
  type GroupingResult,
  type GroupNotesOptions,
  type NoteInput,
} from '../../domain/clustering/group-notes';
import type { SentenceEncoder } from './sentence-encoder';

export type MeaningPhase = 'model' | 'embed' | 'group';

export interface MeaningRequest {
  type: 'group';
  notes: NoteInput[];
  options: Omit<GroupNotesOptions, 'onProgress' | 'vectors'>;
  /** Absolute URL of the model folder on the app's own origin. */
  modelUrl: string;
}

export type MeaningResponse =
  | { type: 'progress'; phase: MeaningPhase; fraction: number }
  | { type: 'result'; result: GroupingResult; modelFromCache: boolean }
  | { type: 'model-error'; message: string }
  | { type: 'error'; message: string };

export type EncoderLoader = (
  modelUrl: string,
  onProgress: (fraction: number) => void,
) => Promise<{ encoder: SentenceEncoder; fromCache: boolean }>;

export interface MeaningWorkerState {
  loaded: Promise<{ encoder: SentenceEncoder; fromCache: boolean }> | null;
  /** Vectors of texts embedded before (re-runs after a slider move embed nothing new). */
  memo?: Map<string, Float32Array>;
}

/** Texts remembered per worker; beyond this the memo starts afresh. */
const MEMO_LIMIT = 20_000;

const message = (error: unknown): string => errorMessage(error);

export async function runMeaningRequest(
  request: MeaningRequest,
  post: (message: MeaningResponse) => void,
  load: EncoderLoader,
  state: MeaningWorkerState,
): Promise<void> {
  let last = -1;
  let lastPhase: MeaningPhase | null = null;
  const progress = (phase: MeaningPhase, fraction: number): void => {
    if (phase !== lastPhase || fraction - last >= 0.02 || fraction === 1) {
      last = fraction;
      lastPhase = phase;
      post({ type: 'progress', phase, fraction });
    }
  };
  let loaded: { encoder: SentenceEncoder; fromCache: boolean };
  try {
    progress('model', 0);
    state.loaded ??= load(request.modelUrl, (f) => progress('model', f));
    loaded = await state.loaded;
  } catch (error) {
    state.loaded = null;
    post({ type: 'model-error', message: message(error) });
    return;
  }
  try {
    progress('embed', 0);
    const memo = (state.memo ??= new Map<string, Float32Array>());
    const texts = request.notes.map((note) => note.text);
    if (memo.size + texts.length > MEMO_LIMIT) memo.clear();
    const missing = [...new Set(texts.filter((text) => !memo.has(text)))];
    const embedded = await loaded.encoder.embed(missing, {
      onProgress: (f) => progress('embed', f),
    });
    missing.forEach((text, i) => {
      const v = embedded[i];
      if (v) memo.set(text, v);
    });
    progress('embed', 1);
    const vectors = texts.map((text) => memo.get(text) ?? null);
    progress('group', 0);
    const result = groupNotes(request.notes, {
      ...request.options,
      vectors,
      onProgress: (f) => progress('group', f),
    });
    post({ type: 'result', result, modelFromCache: loaded.fromCache });
  } catch (error) {
    post({ type: 'error', message: message(error) });
  }
}
