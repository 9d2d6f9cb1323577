import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { BoardActions } from './board-actions';
import { panBy, type Camera, type Point } from './camera';
import { isTyping } from './gestures';
import { keyCommand, type KeyCommand } from './keyboard-commands';
import type { RenderEntry } from './render-entries';

/** What the keyboard's commands act on in the board view. */
export interface KeyboardHost {
  canvasRef: RefObject<HTMLElement>;
  entries: readonly RenderEntry[];
  selection: readonly string[];
  /** The selected note when it is all the selection (Enter edits it). */
  soleNoteId: string | null;
  actions: Pick<
    BoardActions,
    'select' | 'moveBy' | 'removeSelection' | 'addNoteAt' | 'stepSelection'
  >;
  edit(id: string): void;
  view: {
    camera: Camera;
    setCamera(camera: Camera): void;
    zoomBy(factor: number): void;
    fit(): void;
    centre(): Point;
  };
}

/** Carries out a key's command (`holdSpace`: the space bar went down, for panning). */
function runKeyCommand(command: KeyCommand, host: KeyboardHost, holdSpace: () => void): void {
  const { actions, view } = host;
  switch (command.kind) {
    case 'spaceDown':
      holdSpace();
      break;
    case 'nudge':
      actions.moveBy(host.selection, command.dx, command.dy);
      break;
    case 'pan':
      view.setCamera(panBy(view.camera, -command.dx, -command.dy));
      break;
    case 'selectAllNotes':
      actions.select(
        host.entries.filter((en) => en.item.type === 'sticky_note').map((en) => en.id),
      );
      break;
    case 'clear':
      actions.select([]);
      break;
    case 'delete':
      actions.removeSelection();
      break;
    case 'zoom':
      view.zoomBy(command.factor);
      break;
    case 'fit':
      view.fit();
      break;
    case 'edit':
      host.edit(command.id);
      break;
    case 'addNote':
      actions.addNoteAt(view.centre());
      break;
    case 'step':
      actions.stepSelection(command.direction);
      break;
  }
}

/**
 * The board view's key handlers, running what `keyboard-commands.ts` decides, and whether the
 * space bar is held (a drag then pans); it is let go on key up and when the canvas loses focus.
 */
export function useBoardKeyboard(host: KeyboardHost) {
  const [spaceHeld, setSpaceHeld] = useState(false);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (isTyping(e.target)) return;
    const { key, shiftKey, ctrlKey, metaKey, altKey } = e;
    const onCanvas = e.target === host.canvasRef.current;
    const outcome = keyCommand(
      { key, shiftKey, ctrlKey, metaKey, altKey, onCanvas },
      { selectionSize: host.selection.length, soleNoteId: host.soleNoteId },
    );
    if (!outcome) return;
    if (outcome.preventDefault) e.preventDefault();
    runKeyCommand(outcome.command, host, () => {
      if (!spaceHeld) setSpaceHeld(true);
    });
  };

  const onKeyUp = (e: KeyboardEvent): void => {
    if (e.key === ' ') setSpaceHeld(false);
  };

  return { spaceHeld, onKeyDown, onKeyUp, releaseSpace: () => setSpaceHeld(false) };
}
