import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { textToHtml } from '../../html-text';
import type { LocalBoard } from '../sdk/local-board-types';
import { htmlToPlainText } from './html-to-lines';
import type { RenderEntry } from './render-entries';

/**
 * The note being edited: which one (`edit(id)`, null for none), and ending the edit by
 * committing or cancelling it, after which focus returns to the canvas.
 */
export function useNoteEditing(
  board: LocalBoard,
  entryMap: ReadonlyMap<string, RenderEntry>,
  canvasRef: RefObject<HTMLElement>,
  attempt: (fn: () => void) => void,
) {
  const [editingId, setEditingId] = useState<string | null>(null);

  // An item deleted while edited (by anyone) ends the edit.
  useEffect(() => {
    if (editingId !== null && !entryMap.has(editingId)) setEditingId(null);
  }, [editingId, entryMap]);

  /** Ends the note edit: the text, if changed, goes to the board; focus returns to the canvas. */
  const commit = (id: string, text: string): void => {
    setEditingId(null);
    const current = board.item(id);
    if (current?.type !== 'sticky_note' || htmlToPlainText(current.content) === text) return;
    attempt(() => board.human.setText(id, textToHtml(text)));
    canvasRef.current?.focus({ preventScroll: true });
  };

  const cancel = (): void => {
    setEditingId(null);
    canvasRef.current?.focus({ preventScroll: true });
  };

  return {
    editing: editingId === null ? undefined : entryMap.get(editingId),
    edit: setEditingId,
    commit,
    cancel,
  };
}
