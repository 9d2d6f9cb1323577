/**
 * Board tags: 13 colours, titles unique per board (case-sensitive) and at most 120 characters,
 * at most 100 tags per board.
 */
import { sdkError } from './errors';
import { MAX_TAGS_PER_BOARD } from './limits';
import type { LocalItem, LocalStickyNote, LocalTag } from './local-board-types';
import { tagColor, tagTitle } from './validate';

function checkUniqueTitle(title: string, tags: readonly LocalTag[], exceptId?: string): void {
  if (tags.some((t) => t.title === title && t.id !== exceptId)) {
    throw sdkError(`A tag with the title '${title}' already exists on this board`);
  }
}

/** `props` is Miro's `TagProps`, checked at run time. */
export function newTag(
  props: { title?: unknown; color?: unknown } | undefined,
  id: string,
  tags: readonly LocalTag[],
): LocalTag {
  if (tags.length >= MAX_TAGS_PER_BOARD) {
    throw sdkError(`A board can have at most ${MAX_TAGS_PER_BOARD} tags`);
  }
  const title = tagTitle(props?.title);
  checkUniqueTitle(title, tags);
  return { id, title, color: props?.color === undefined ? 'red' : tagColor('color', props.color) };
}

export function syncedTag(
  old: LocalTag,
  next: { title: unknown; color: unknown },
  tags: readonly LocalTag[],
): LocalTag {
  const title = tagTitle(next.title);
  checkUniqueTitle(title, tags, old.id);
  return { ...old, title, color: tagColor('color', next.color) };
}

/** The sticky notes that carry the tag, each without it (a removed tag leaves every item). */
export function withoutTag(items: Iterable<LocalItem>, tagId: string): LocalStickyNote[] {
  const untagged: LocalStickyNote[] = [];
  for (const item of items) {
    if (item.type === 'sticky_note' && item.tagIds.includes(tagId)) {
      untagged.push({ ...item, tagIds: item.tagIds.filter((t) => t !== tagId) });
    }
  }
  return untagged;
}
