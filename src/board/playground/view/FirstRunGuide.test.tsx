// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalBoard } from '../sdk/local-board';
import type { LocalUser } from '../sdk/local-board-types';
import { BoardView } from './BoardView';
import { GUIDE_KEY, type GuideStorage } from './FirstRunGuide';
import { SHORTCUTS } from './keyboard-help';

const users: LocalUser[] = [{ id: 'u1', name: 'Ada Facilitator' }];

afterEach(cleanup);

function memoryStorage(): GuideStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

const view = (guideStorage?: GuideStorage) =>
  render(
    <BoardView board={createLocalBoard()} userId="u1" users={users} guideStorage={guideStorage} />,
  );
const guide = () => screen.queryByRole('dialog', { name: 'Welcome to the Touchpoint playground' });

describe('first-run guide', () => {
  it('greets a first visit with what the board is and what to try first', () => {
    view(memoryStorage());
    const dialog = guide();
    expect(dialog).toBeTruthy();
    expect(dialog!.textContent).toMatch(/behaves like a Miro board/);
    expect(dialog!.textContent).toMatch(/Nothing you do here leaves this browser/);
    expect(within(dialog!).getAllByRole('listitem').length).toBeGreaterThanOrEqual(3);
    expect(dialog!.textContent).toMatch(/Double-click in a map cell/);
  });

  it('is dismissed for good: remembered in storage, so a reload does not show it', () => {
    const storage = memoryStorage();
    view(storage);
    fireEvent.click(screen.getByRole('button', { name: 'Start exploring' }));
    expect(guide()).toBeNull();
    expect(storage.values.get(GUIDE_KEY)).toBe('1');
    cleanup();
    view(storage);
    expect(guide()).toBeNull();
  });

  it('closes with Escape, and comes back from the Guide button with focus in it', () => {
    view(memoryStorage());
    fireEvent.keyDown(guide()!, { key: 'Escape' });
    expect(guide()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the first-run guide' }));
    expect(guide()).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Welcome to the Touchpoint playground');
  });

  it('still works where storage refuses every call', () => {
    const broken: GuideStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    view(broken);
    fireEvent.click(screen.getByRole('button', { name: 'Start exploring' }));
    expect(guide()).toBeNull();
  });

  it('is not part of a board view that was given nowhere to remember it', () => {
    view();
    expect(guide()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show the first-run guide' })).toBeNull();
  });
});

describe('keyboard help', () => {
  it('is a visible Keyboard button whose popover lists every shortcut, focus inside', () => {
    view();
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    expect(button.textContent).toContain('Keyboard');
    fireEvent.click(button);
    const list = screen.getByTestId('keyboard-help-list');
    expect(list.querySelectorAll('dt')).toHaveLength(SHORTCUTS.length);
    expect(list.textContent).toContain('Ctrl + A');
    const popover = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(popover.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(popover, { key: 'Escape' });
    expect(screen.queryByTestId('keyboard-help-list')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('describes the canvas for screen readers from the same list', () => {
    view();
    const canvas = screen.getByTestId('board-canvas');
    const help = document.getElementById(canvas.getAttribute('aria-describedby')!);
    for (const s of SHORTCUTS) expect(help?.textContent).toContain(s.keys);
  });
});
