/**
 * The board's keyboard shortcuts as a pure rule: a key press (and what is selected) becomes a
 * command, which `BoardView` carries out. The list shown to people is `keyboard-help.ts`.
 */
import { ZOOM_STEP } from './camera';

const NUDGE = 10;
const NUDGE_LARGE = 50;

export type KeyCommand =
  /** Space held on the canvas: a drag pans. */
  | { kind: 'spaceDown' }
  /** Move the selection by (dx, dy) board units. */
  | { kind: 'nudge'; dx: number; dy: number }
  /** Look (dx, dy) screen px further along: the content moves the other way. */
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'selectAllNotes' }
  | { kind: 'clear' }
  | { kind: 'delete' }
  | { kind: 'zoom'; factor: number }
  | { kind: 'fit' }
  | { kind: 'edit'; id: string }
  | { kind: 'addNote' }
  | { kind: 'step'; direction: 1 | -1 };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The canvas itself has focus (not a toolbar button inside the view). */
  onCanvas: boolean;
}

export interface KeyContext {
  selectionSize: number;
  /** The selected item when it is one sticky note, else null. */
  soleNoteId: string | null;
}

/** A command, and whether the browser's own handling of the key is to be stopped. */
export interface KeyOutcome {
  command: KeyCommand;
  preventDefault: boolean;
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

const run = (command: KeyCommand): KeyOutcome => ({ command, preventDefault: false });
const claim = (command: KeyCommand): KeyOutcome => ({ command, preventDefault: true });

/** What a key pressed in the board view (outside the note editor) does, or null: nothing. */
export function keyCommand(e: KeyPress, ctx: KeyContext): KeyOutcome | null {
  if (e.key === ' ' && e.onCanvas) return claim({ kind: 'spaceDown' });
  const arrow = ARROWS[e.key];
  if (arrow) {
    const step = e.shiftKey ? NUDGE_LARGE : NUDGE;
    const [dx, dy] = [arrow[0] * step, arrow[1] * step];
    return claim(
      ctx.selectionSize > 0 ? { kind: 'nudge', dx, dy } : { kind: 'pan', dx: dx * 4, dy: dy * 4 },
    );
  }
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && (e.key === 'a' || e.key === 'A')) return claim({ kind: 'selectAllNotes' });
  if (ctrl || e.altKey) return null;
  switch (e.key) {
    case 'Escape':
      return run({ kind: 'clear' });
    case 'Delete':
    case 'Backspace':
      return claim({ kind: 'delete' });
    case '+':
    case '=':
      return run({ kind: 'zoom', factor: ZOOM_STEP });
    case '-':
    case '_':
      return run({ kind: 'zoom', factor: 1 / ZOOM_STEP });
    case '!':
      return e.shiftKey ? run({ kind: 'fit' }) : null;
    case 'Enter':
      return e.onCanvas && ctx.soleNoteId !== null
        ? claim({ kind: 'edit', id: ctx.soleNoteId })
        : null;
    case 'n':
    case 'N':
      return e.onCanvas ? run({ kind: 'addNote' }) : null;
    case ']':
      return run({ kind: 'step', direction: 1 });
    case '[':
      return run({ kind: 'step', direction: -1 });
    default:
      return null;
  }
}
