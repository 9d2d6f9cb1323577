/**
 * The ballot writer's queue per round (not the board's write queue, `board/write-queue.ts`): this panel's own writes run one after another per round, so two
 * quick clicks never read the same old ballot, and every piece of work (queued writes, voter-list
 * repairs, re-claims and re-placings after a lost race) is tracked until it settles.
 */

export interface RoundQueue {
  /**
   * Runs `work` once the round's earlier work has finished, whether it succeeded or failed.
   * Not tracked by itself: pass the result to `track`.
   */
  after<T>(roundId: string, work: () => Promise<T>): Promise<T>;
  /** Counts `work` as pending until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when nothing tracked is pending, work tracked while waiting included. */
  settled(): Promise<void>;
}

export function createRoundQueue(): RoundQueue {
  const queues = new Map<string, Promise<unknown>>();
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    const done = () => pending.delete(work);
    work.then(done, done);
    return work;
  };
  return {
    after(roundId, work) {
      const previous = queues.get(roundId) ?? Promise.resolve();
      const next = previous.then(
        () => work(),
        () => work(),
      );
      queues.set(roundId, next);
      return next;
    },
    track,
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
