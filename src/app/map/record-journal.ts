/**
 * Journals a map's created ids into its record as they come back from the board (issue 10 §2),
 * so a panel that closes mid-batch leaves a record that knows most of what exists. One record
 * write is in flight at a time; ids that arrive meanwhile go out together in the next one. A
 * journal write that fails is not fatal: the use case's final save reports, and "Update on
 * board" adopts unrecorded items by their place in the layout.
 */
import type { Board } from '../../board/port';
import type { MapRecord } from '../../domain/journey/map-record';
import { saveMap } from './map-store';

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createRecordJournal(board: Board, record: MapRecord) {
  const itemIds: Record<string, string> = { ...record.itemIds };
  let dirty = false;
  let running: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    while (dirty) {
      dirty = false;
      try {
        await saveMap(board, { ...record, itemIds: { ...itemIds } }, [record.spec.id]);
      } catch {
        // Reported by the use case's final save; the next journal write carries these ids too.
      }
    }
    running = null;
  };
  return {
    created(ref: string, id: string): void {
      itemIds[ref] = id;
      dirty = true;
      running ??= flush();
    },
    /** Resolves once no journal write is in flight (so the final save is the last word). */
    async settled(): Promise<void> {
      while (running) await running;
    },
  };
}
