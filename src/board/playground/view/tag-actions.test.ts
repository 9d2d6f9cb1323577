import { describe, expect, it } from 'vitest';
import { tagNotesWith, toggleTagOnNotes } from './tag-actions';
import { createFakeLocalBoard, note } from './testing/fake-local-board';

const boardWith = (extraTags = 0) =>
  createFakeLocalBoard({
    items: [note('has', { tagIds: ['t1'] }), note('lacks')],
    tags: [
      { id: 't1', title: 'Pain', color: 'red' },
      ...Array.from({ length: extraTags }, (_, i) => ({
        id: `x${i}`,
        title: `x${i}`,
        color: 'red',
      })),
    ],
  });

const toggles = (board: ReturnType<typeof boardWith>) =>
  board.calls.filter((c) => c.method === 'toggleTag').map((c) => c.args);

describe('toggleTagOnNotes', () => {
  it('puts the tag on the notes lacking it when not all have it', () => {
    const board = boardWith();
    toggleTagOnNotes(board, ['has', 'lacks'], 't1', false);
    expect(toggles(board)).toEqual([['lacks', 't1']]);
  });

  it('takes the tag off when all have it, touching no note that has lost it meanwhile', () => {
    const board = boardWith();
    toggleTagOnNotes(board, ['has', 'lacks'], 't1', true);
    expect(toggles(board)).toEqual([['has', 't1']]);
  });
});

describe('tagNotesWith', () => {
  it('puts an existing tag on the notes lacking it, making none', () => {
    const board = boardWith();
    tagNotesWith(board, ['has', 'lacks'], 'Pain');
    expect(board.calls.map((c) => [c.method, ...c.args])).toEqual([['toggleTag', 'lacks', 't1']]);
  });

  it('makes a new tag in the next of Miro’s colours, then puts it on every note', () => {
    const board = boardWith(2);
    tagNotesWith(board, ['has', 'lacks'], 'Delight');
    const made = board.tags().find((t) => t.title === 'Delight');
    expect(made?.color).toBe('violet');
    expect(toggles(board)).toEqual([
      ['has', made?.id],
      ['lacks', made?.id],
    ]);
  });

  it('starts the colours over after the twelfth', () => {
    const board = boardWith(12);
    tagNotesWith(board, [], 'Fourteenth');
    expect(board.tags().find((t) => t.title === 'Fourteenth')?.color).toBe('blue');
  });
});
