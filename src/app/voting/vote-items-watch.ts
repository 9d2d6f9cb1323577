/**
 * What can be voted on, kept current for the Vote tab: the board's notes (and maps, clusters;
 * `loadVoteContext`), read again on every item change, and the selected notes, followed through
 * board events. Each change calls `changed`.
 */
import type { Board, BoardItem, Unsubscribe } from '../../board/port';
import { errorMessage } from '../../domain/common';
import { loadVoteContext, type VoteContext } from './vote-items';

export interface VoteItemsWatch {
  /** The notes as last read; null until the first read succeeds. */
  context(): VoteContext | null;
  /** The selected notes' ids. */
  selectedIds(): string[];
  /** Reads the notes (and maps, clusters) again; a call during a read makes it read once more. */
  refresh(): Promise<void>;
  close(): void;
}

export interface VoteItemsWatchDeps {
  /** The notes or the selection changed (also after a read that failed). */
  changed: () => void;
  /** The first read failed: nothing to show but why. */
  failed: (message: string) => void;
}

export function watchVoteItems(
  board: Board,
  { changed, failed }: VoteItemsWatchDeps,
): VoteItemsWatch {
  let context: VoteContext | null = null;
  let selectedIds: string[] = [];
  let closed = false;

  let reading: Promise<void> | null = null;
  let again = false;
  async function refreshItems(): Promise<void> {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        try {
          context = await loadVoteContext(board);
        } catch (error) {
          if (!context) failed(errorMessage(error));
        }
      } while (again && !closed);
      reading = null;
      changed();
    })();
    return reading;
  }

  /** The notes among the selected items (the selection as first read, then each change). */
  const select = (items: readonly BoardItem[]): void => {
    selectedIds = items.filter((i) => i.kind === 'note').map((i) => i.id);
    changed();
  };

  const stops: Unsubscribe[] = [
    board.on('selection', ({ items }) => select(items)),
    board.on('items:create', () => void refreshItems()),
    board.on('items:update', () => void refreshItems()),
    board.on('items:delete', () => void refreshItems()),
  ];
  void board.selection().then(select, () => undefined);
  void refreshItems();

  return {
    context: () => context,
    selectedIds: () => selectedIds,
    refresh: refreshItems,
    close() {
      closed = true;
      for (const stop of stops) stop();
    },
  };
}
