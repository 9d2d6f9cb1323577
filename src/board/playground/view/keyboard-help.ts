/**
 * The board's gestures and shortcuts, written once: the visible "Keyboard" popover lists them, and
 * the canvas's screen-reader description reads them as one sentence. What the keys do is decided
 * in `keyboard-commands.ts` and what the pointer does in `gestures.ts`: change them together.
 */
export interface Shortcut {
  keys: string;
  action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: 'Double-click',
    action: 'add a note there (in a map cell: in that stage and lane), or edit a note',
  },
  { keys: 'Drag', action: 'select the notes inside the box; drag a note to move it' },
  { keys: 'Space + drag, right-drag', action: 'pan' },
  { keys: 'Ctrl + wheel, + and −', action: 'zoom' },
  { keys: 'Shift + 1', action: 'zoom to fit the board' },
  { keys: 'N', action: 'add a note in the middle of the view' },
  { keys: 'Enter', action: 'edit the selected note; Ctrl + Enter saves, Escape cancels' },
  { keys: 'Arrow keys', action: 'move the selection (Shift: further)' },
  { keys: '] and [', action: 'select the next and previous note' },
  { keys: 'Ctrl + A', action: 'select every note' },
  { keys: 'Delete', action: 'remove the selection' },
  { keys: 'Escape', action: 'clear the selection' },
];

/** The shortcuts as one sentence, for the canvas's `aria-describedby`. */
export const shortcutsSentence = (): string =>
  `${SHORTCUTS.map((s) => `${s.keys}: ${s.action}`).join('. ')}.`;
