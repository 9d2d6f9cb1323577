/**
 * Tagging the selected notes as one, as Miro's tag picker does. Board writes go through
 * `board.human`; a refusal (a note's tag limit) is thrown for the view to show.
 */
import type { LocalBoard } from '../sdk/local-board-types';

/** Miro's tag colours, given to new tags in turn. */
const NEW_TAG_COLORS = [
  'red',
  'blue',
  'green',
  'violet',
  'yellow',
  'cyan',
  'magenta',
  'dark_blue',
  'light_green',
  'dark_green',
  'gray',
  'black',
];

/**
 * Toggles `tagId` on the notes together: when every one has it (`onAll`) it comes off them all,
 * else it goes on those lacking it.
 */
export function toggleTagOnNotes(
  board: LocalBoard,
  noteIds: readonly string[],
  tagId: string,
  onAll: boolean,
): void {
  for (const id of noteIds) {
    const item = board.item(id);
    const has = item?.type === 'sticky_note' && item.tagIds.includes(tagId);
    if (onAll ? has : !has) board.human.toggleTag(id, tagId);
  }
}

/** Puts the tag titled `title` on the notes, making it first (in the next colour) if need be. */
export function tagNotesWith(board: LocalBoard, noteIds: readonly string[], title: string): void {
  const existing = board.tags().find((t) => t.title === title);
  const tag =
    existing ??
    board.human.createTag(title, NEW_TAG_COLORS[board.tags().length % NEW_TAG_COLORS.length]);
  for (const id of noteIds) {
    const item = board.item(id);
    if (item?.type === 'sticky_note' && !item.tagIds.includes(tag.id)) {
      board.human.toggleTag(id, tag.id);
    }
  }
}
