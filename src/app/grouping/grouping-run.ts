/**
 * One run of the engine for the Group tab: shared words through the cluster client, or meaning
 * through the meaning client, which groups by shared words instead (and says why) when the model
 * cannot load.
 */
import type { GroupNotesOptions, NoteInput } from '../../domain/clustering/group-notes';
import { toPreview, type GroupingPreview } from '../../domain/clustering/grouping-preview';
import type { ClusterClient, ClusterJob } from './cluster-client';
import { MeaningUnavailableError, type MeaningClient, type MeaningPhase } from './meaning-client';

export interface GroupRun {
  result: Promise<GroupingPreview>;
  cancel(): void;
  inWorker: boolean;
  /** After the result: why meaning mode fell back to lexical mode, or null. */
  notice?: () => string | null;
}

/** What the Group tab says when the model cannot load and words are used instead. */
export function fallbackNotice(detail: string): string {
  return `The meaning model could not load here (${detail}). These groups come from shared words instead.`;
}

/** Shared words: the cluster client's groups as the preview. */
export function lexicalRun(
  client: ClusterClient,
  inputs: NoteInput[],
  engine: GroupNotesOptions,
  pinned: Readonly<Record<string, string>>,
): GroupRun {
  const job = client.group(inputs, engine);
  return {
    result: job.result.then((r) => toPreview(r.groups, pinned)),
    cancel: job.cancel,
    inWorker: job.inWorker,
  };
}

/** Meaning: the meaning client's groups, or shared words after `MeaningUnavailableError`. */
export function meaningRun(
  client: ClusterClient,
  meaning: MeaningClient,
  inputs: NoteInput[],
  engine: GroupNotesOptions,
  pinned: Readonly<Record<string, string>>,
  progress: ((fraction: number, phase?: MeaningPhase) => void) | undefined,
): GroupRun {
  const { onProgress: _lexicalProgress, ...plain } = engine;
  const job = meaning.group(inputs, { ...plain, onProgress: progress });
  let notice: string | null = null;
  let fallback: ClusterJob | null = null;
  let cancelled = false;
  const result = job.result
    .catch((error: unknown) => {
      if (!(error instanceof MeaningUnavailableError) || cancelled) throw error;
      notice = fallbackNotice(error.message);
      fallback = client.group(inputs, engine);
      return fallback.result;
    })
    .then((r) => toPreview(r.groups, pinned));
  return {
    result,
    cancel: () => {
      cancelled = true;
      job.cancel();
      (fallback as ClusterJob | null)?.cancel();
    },
    inWorker: true,
    notice: () => notice,
  };
}
