/**
 * Saves soon after every change without piling up writes: a burst of changes becomes one save,
 * a change during a save becomes exactly one more. So a reload a moment after an action finds it.
 */
export type SaveStatus = 'saved' | 'saving' | 'failed';

export interface CoalescingSaver {
  /** Something changed: save it (now, or right after the save under way). */
  request(): void;
  /** Resolves when nothing is waiting or being written. */
  idle(): Promise<void>;
}

export function createCoalescingSaver(
  save: () => Promise<void>,
  onStatus: (status: SaveStatus, error?: unknown) => void,
  defer: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
): CoalescingSaver {
  let running: Promise<void> | null = null;
  let again = false;
  let scheduled = false;

  const run = () => {
    scheduled = false;
    onStatus('saving');
    let failed = false;
    running = save().then(
      () => undefined,
      (error: unknown) => {
        failed = true;
        onStatus('failed', error);
      },
    );
    void running.then(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      } else if (!scheduled && !failed) {
        onStatus('saved');
      }
    });
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    defer(run);
  };

  return {
    request() {
      if (running) again = true;
      else schedule();
    },
    async idle() {
      while (running || scheduled || again) {
        await (running ?? new Promise((resolve) => defer(() => resolve(undefined))));
      }
    },
  };
}
