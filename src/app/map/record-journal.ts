/**
 * Journals a map's created ids into its record as they come back from the board (issue 10 §2),
 * so a panel that closes mid-batch leaves a record that knows what exists. The first id (the
 * frame) goes out at once; later ones are coalesced, at most one record write per `gapMs`, so the
 * journal costs a handful of storage calls, not one per item. A journal write that fails is not
 * fatal: the use case's final save reports, and "Update on board" adopts unrecorded items by
 * their place in the layout.
 */
import { errorMessage } from '../../domain/common';
import type { Board } from '../../board/port';
import type { MapRecord } from '../../domain/journey/map-record';
import { saveMap } from './map-store';

export const errorText = (error: unknown): string => errorMessage(error);

/**
 * The timing shared by every journal of created ids: `write` goes out at once for the first
 * change, then at most once per `gapMs` while changes keep coming; one write in flight at a time.
 * A failed write is left to the use case's final save.
 */
export function createTimedJournal(write: () => Promise<void>, gapMs = 1_000) {
  let dirty = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async (): Promise<void> => {
    dirty = false;
    try {
      await write();
    } catch {
      // Reported by the use case's final save; the next journal write carries these ids too.
    }
  };
  const schedule = (delay: number): void => {
    if (timer !== undefined || running || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = flush().then(() => {
        running = null;
        if (dirty) schedule(gapMs);
      });
    }, delay);
  };
  let first = true;
  return {
    /** Something new to journal. */
    changed(): void {
      dirty = true;
      schedule(first ? 0 : gapMs);
      first = false;
    },
    /** Stops journaling and waits for a write in flight (the final save is the last word). */
    async settled(): Promise<void> {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      while (running) await running;
    },
  };
}

export function createRecordJournal(board: Board, record: MapRecord, gapMs = 1_000) {
  const itemIds: Record<string, string> = { ...record.itemIds };
  const journal = createTimedJournal(
    () => saveMap(board, { ...record, itemIds: { ...itemIds } }, [record.spec.id]),
    gapMs,
  );
  return {
    created(ref: string, id: string): void {
      itemIds[ref] = id;
      journal.changed();
    },
    settled: journal.settled,
  };
}
