import { describe, expect, it } from 'vitest';
import { stepNote } from './step-note';

const at = (id: string, x: number, y: number) => ({ id, rect: { x, y, width: 100, height: 100 } });
// Two rows; "b" sits slightly lower than "a" but in the same row.
const notes = [at('c', 0, 200), at('b', 150, 20), at('a', 0, 0), at('d', 150, 210)];

describe('stepNote', () => {
  it('walks rows top to bottom, left to right', () => {
    const order: (string | null)[] = [];
    let id: string | null = null;
    for (let i = 0; i < 4; i++) {
      id = stepNote(notes, id, 1);
      order.push(id);
    }
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });
  it('wraps around in both directions', () => {
    expect(stepNote(notes, 'd', 1)).toBe('a');
    expect(stepNote(notes, 'a', -1)).toBe('d');
    expect(stepNote(notes, null, -1)).toBe('d');
  });
  it('starts again from the first note when the current one is gone', () => {
    expect(stepNote(notes, 'gone', 1)).toBe('a');
  });
  it('has nothing to step to on an empty board', () => {
    expect(stepNote([], null, 1)).toBeNull();
  });
});
