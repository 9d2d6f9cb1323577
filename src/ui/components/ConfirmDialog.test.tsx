import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

afterEach(cleanup);

function open(details?: string) {
  const onConfirm = vi.fn();
  const onKeep = vi.fn();
  render(
    <ConfirmDialog
      question="Delete this round?"
      confirm="Delete round"
      keep="Keep it"
      onConfirm={onConfirm}
      onKeep={onKeep}
    >
      {details}
    </ConfirmDialog>,
  );
  return { onConfirm, onKeep, dialog: screen.getByRole('alertdialog') };
}

describe('ConfirmDialog', () => {
  it('is named by its question, described by what it affects, and takes focus on the safe choice', () => {
    const { dialog } = open('Every ballot in it goes too.');
    expect(screen.getByRole('alertdialog', { name: 'Delete this round?' })).toBe(dialog);
    const described = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Every ballot in it goes too.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));
  });

  it('has no description when there is nothing more to say', () => {
    expect(open().dialog.hasAttribute('aria-describedby')).toBe(false);
  });

  it('confirms only from the danger button; the safe button and Escape keep', () => {
    const { onConfirm, onKeep, dialog } = open();
    fireEvent.keyDown(dialog, { key: 'Enter' });
    expect(onKeep).not.toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onKeep).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(onKeep).toHaveBeenCalledTimes(2);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete round' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
