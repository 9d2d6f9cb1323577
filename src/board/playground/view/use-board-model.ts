import { useMemo } from 'preact/hooks';
import type { LocalBoard } from '../sdk/local-board-types';
import { deriveRenderEntries } from './render-entries';
import { summarizeSelection } from './selection-summary';
import { useBoardRevision } from './use-board-revision';

/**
 * What the view reads of the board, again after every board change: the tags, the items' render
 * entries (in order and by id), and `userId`'s selection with its summary.
 */
export function useBoardModel(board: LocalBoard, userId: string) {
  // Re-render after every board change; what is drawn is read from the board below.
  useBoardRevision(board);
  // The board hands out the same items array until an item changes, so viewport and selection
  // changes do not re-derive thousands of entries (a new array each time would only cost speed).
  const items = board.items();
  const tags = board.tags();
  const tagsKey = tags.map((t) => `${t.id}\u0000${t.title}\u0000${t.color}`).join('\u0001');
  const entries = useMemo(() => deriveRenderEntries(board), [board, items, tagsKey]);
  const entryMap = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const selection = board.selection(userId);
  const selectionKey = selection.join('\u0000');
  // Keyed by content: the board may hand out a new array for the same selection.
  const selected = useMemo(() => new Set(selection), [selectionKey]);
  const summary = summarizeSelection(selection, entryMap);
  return { tags, entries, entryMap, selection, selected, summary };
}

export type BoardModel = ReturnType<typeof useBoardModel>;
