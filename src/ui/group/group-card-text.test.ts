import { describe, expect, it } from 'vitest';
import {
  dissolveLabel,
  groupCardLabel,
  groupNameLabel,
  groupSizeText,
  mergeLabel,
  moveNoteLabel,
  noteShownText,
  pinWords,
  splitLabel,
} from './group-card-text';

describe('group card text', () => {
  it("names the card and each control by the group's label", () => {
    expect(groupCardLabel('Billing')).toBe('Group Billing');
    expect(groupNameLabel('Billing')).toBe('Name of group Billing');
    expect(mergeLabel('Billing')).toBe('Merge a group into Billing');
    expect(splitLabel('Billing')).toBe('Split Billing');
    expect(dissolveLabel('Billing')).toBe('Dissolve Billing');
  });

  it('says how many notes, and pinned only when pinned', () => {
    expect(groupSizeText(1, false)).toBe('1 note');
    expect(groupSizeText(3, false)).toBe('3 notes');
    expect(groupSizeText(0, true)).toBe('0 notes · pinned');
  });

  it('shows an empty note as such, and names a move picker by the first 40 characters', () => {
    expect(noteShownText('')).toBe('(empty note)');
    expect(noteShownText('Card late')).toBe('Card late');
    expect(moveNoteLabel('Card late')).toBe('Move “Card late” to');
    expect(moveNoteLabel('x'.repeat(45))).toBe(`Move “${'x'.repeat(40)}” to`);
  });

  it('turns Pin into Unpin once the group is pinned', () => {
    expect(pinWords(false, 'Billing')).toEqual({
      text: 'Pin',
      label: 'Pin Billing',
      title: 'Keep these notes where they are, as the team grouped them',
    });
    expect(pinWords(true, 'Billing')).toEqual({
      text: 'Unpin',
      label: 'Unpin Billing',
      title: 'Pinned: these notes stay where they are',
    });
  });
});
