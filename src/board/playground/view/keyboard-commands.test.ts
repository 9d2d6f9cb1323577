import { describe, expect, it } from 'vitest';
import { ZOOM_STEP } from './camera';
import { keyCommand, type KeyContext, type KeyPress } from './keyboard-commands';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  onCanvas: true,
  ...over,
});

const nothingSelected: KeyContext = { selectionSize: 0, soleNoteId: null };
const oneNote: KeyContext = { selectionSize: 1, soleNoteId: 'n1' };

describe('keyCommand', () => {
  it('holds space on the canvas only, claiming the key', () => {
    expect(keyCommand(press(' '), nothingSelected)).toEqual({
      command: { kind: 'spaceDown' },
      preventDefault: true,
    });
    expect(keyCommand(press(' ', { onCanvas: false }), nothingSelected)).toBeNull();
  });

  it('nudges a selection with the arrows, else pans four times as far; shift: five times', () => {
    const arrow = (key: string, ctx: KeyContext, shiftKey = false) =>
      keyCommand(press(key, { shiftKey }), ctx);
    expect(arrow('ArrowLeft', oneNote)).toEqual({
      command: { kind: 'nudge', dx: -10, dy: 0 },
      preventDefault: true,
    });
    expect(arrow('ArrowUp', nothingSelected)).toEqual({
      command: { kind: 'pan', dx: 0, dy: -40 },
      preventDefault: true,
    });
    expect(arrow('ArrowDown', oneNote, true)?.command).toEqual({ kind: 'nudge', dx: 0, dy: 50 });
    expect(arrow('ArrowRight', nothingSelected, true)?.command).toEqual({
      kind: 'pan',
      dx: 200,
      dy: 0,
    });
  });

  it('selects every note with Ctrl or Cmd + A, and leaves other modified keys alone', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(keyCommand(press('a', mod), nothingSelected)).toEqual({
        command: { kind: 'selectAllNotes' },
        preventDefault: true,
      });
      expect(keyCommand(press('A', mod), nothingSelected)?.command.kind).toBe('selectAllNotes');
      expect(keyCommand(press('Delete', mod), oneNote)).toBeNull();
    }
    expect(keyCommand(press('n', { altKey: true }), nothingSelected)).toBeNull();
  });

  it('clears with Escape and deletes with Delete or Backspace, claiming only the latter', () => {
    expect(keyCommand(press('Escape'), oneNote)).toEqual({
      command: { kind: 'clear' },
      preventDefault: false,
    });
    for (const key of ['Delete', 'Backspace']) {
      expect(keyCommand(press(key), nothingSelected)).toEqual({
        command: { kind: 'delete' },
        preventDefault: true,
      });
    }
  });

  it('zooms with + and − (with or without shift) and fits with Shift + 1', () => {
    const factor = (key: string) => {
      const out = keyCommand(press(key), nothingSelected);
      return out?.command.kind === 'zoom' && !out.preventDefault ? out.command.factor : null;
    };
    expect(['+', '=', '-', '_'].map(factor)).toEqual([
      ZOOM_STEP,
      ZOOM_STEP,
      1 / ZOOM_STEP,
      1 / ZOOM_STEP,
    ]);
    expect(keyCommand(press('!', { shiftKey: true }), nothingSelected)?.command).toEqual({
      kind: 'fit',
    });
    expect(keyCommand(press('!'), nothingSelected)).toBeNull();
  });

  it('edits the one selected note with Enter on the canvas, claiming the key', () => {
    expect(keyCommand(press('Enter'), oneNote)).toEqual({
      command: { kind: 'edit', id: 'n1' },
      preventDefault: true,
    });
    expect(keyCommand(press('Enter', { onCanvas: false }), oneNote)).toBeNull();
    expect(keyCommand(press('Enter'), { selectionSize: 1, soleNoteId: null })).toBeNull();
  });

  it('adds a note with N on the canvas only', () => {
    expect(keyCommand(press('n'), nothingSelected)).toEqual({
      command: { kind: 'addNote' },
      preventDefault: false,
    });
    expect(keyCommand(press('N'), nothingSelected)?.command.kind).toBe('addNote');
    expect(keyCommand(press('n', { onCanvas: false }), nothingSelected)).toBeNull();
  });

  it('steps to the next note with ] and the previous with [', () => {
    expect(keyCommand(press(']'), oneNote)?.command).toEqual({ kind: 'step', direction: 1 });
    expect(keyCommand(press('['), oneNote)?.command).toEqual({ kind: 'step', direction: -1 });
  });

  it('does nothing for other keys', () => {
    expect(keyCommand(press('x'), oneNote)).toBeNull();
  });
});
