/**
 * A tab's long board work — draw or update a map, tag notes by position, apply or undo groups,
 * import a map — one at a time, with progress and a way to stop it. The tab shows `job` with
 * `ProgressBar`, and words the outcome or the failure itself.
 */
import { signal } from '@preact/signals';

/** What the use case is given: told to stop, and where to say how far it is (and at what). */
export interface JobHooks {
  signal: AbortSignal;
  onProgress: (done: number, total: number, label?: string) => void;
}

/** The running job, as the tab shows it. */
export interface BoardJob {
  label: string;
  done: number;
  total: number;
}

export function createBoardJobs() {
  const job = signal<BoardJob | null>(null);
  let controller: AbortController | null = null;

  /**
   * Runs `work` as the tab's job and resolves with what it returns; while another job runs it
   * runs nothing and resolves undefined. What `work` throws is thrown, once the job has ended.
   */
  async function run<T>(
    label: string,
    work: (hooks: JobHooks) => Promise<T>,
  ): Promise<T | undefined> {
    if (job.value) return undefined;
    const own = new AbortController();
    controller = own;
    job.value = { label, done: 0, total: 0 };
    try {
      return await work({
        signal: own.signal,
        // A report from a job that has ended (a late callback) never shows on the next one.
        onProgress: (done, total, now) => {
          if (controller === own && job.value)
            job.value = { label: now ?? job.value.label, done, total };
        },
      });
    } finally {
      controller = null;
      job.value = null;
    }
  }

  return {
    job,
    run,
    /** Asks the running job to stop (it ends at its next step and says what it left). */
    cancel: () => controller?.abort(),
  };
}

export type BoardJobs = ReturnType<typeof createBoardJobs>;
