/**
 * A group card's words: its name and size, a note's text, and what each control is called, so
 * screen readers hear the group's name in every one.
 */
import { countOf } from '../../domain/common';

/** The card itself: "Group Billing". */
export const groupCardLabel = (label: string): string => `Group ${label}`;

/** The hidden label of the name field. */
export const groupNameLabel = (label: string): string => `Name of group ${label}`;

/** How many notes, and whether the group is pinned: "3 notes · pinned". */
export const groupSizeText = (count: number, pinned: boolean): string =>
  `${countOf(count, 'note')}${pinned ? ' · pinned' : ''}`;

/** A note as the card shows it; an empty note says so. */
export const noteShownText = (text: string): string => text || '(empty note)';

/** The move picker of a note, named by its first 40 characters. */
export const moveNoteLabel = (text: string): string => `Move “${text.slice(0, 40)}” to`;

export const mergeLabel = (label: string): string => `Merge a group into ${label}`;
export const splitLabel = (label: string): string => `Split ${label}`;
export const dissolveLabel = (label: string): string => `Dissolve ${label}`;

/** The pin button's words, which turn it into "Unpin" once pinned. */
export function pinWords(
  pinned: boolean,
  label: string,
): {
  text: string;
  label: string;
  title: string;
} {
  const text = pinned ? 'Unpin' : 'Pin';
  return {
    text,
    label: `${text} ${label}`,
    title: pinned
      ? 'Pinned: these notes stay where they are'
      : 'Keep these notes where they are, as the team grouped them',
  };
}
