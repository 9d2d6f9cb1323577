/**
 * What a person does on the local board (the renderer calls these): the same rules as the SDK,
 * but the changes come from a human, so every connected SDK hears of them (its own user's too).
 * Text arrives as typed (plain text) and is stored as Miro stores it (HTML).
 */
import { HUMAN, type BoardStore } from './board-store';
import { invalidParam, sdkError } from './errors';
import { textToHtml } from '../../html-text';
import { normalizeContent } from './html';
import { stickySize, textHeight } from './items';
import { MAX_TAGS_PER_ITEM } from './limits';
import type { HumanActions, LocalItem, LocalStickyNote, StickyColor } from './local-board-types';
import { newTag } from './tags';
import { content as checkContent, stickyColor } from './validate';

/** Plain text becomes HTML paragraphs; text that already is Miro HTML is kept. */
const toHtml = (text: string): string =>
  /^\s*<p[\s>]/i.test(text) ? normalizeContent(text) : textToHtml(text);

export function createHumanActions(store: BoardStore): HumanActions {
  const relativeTo = (
    parentId: string | null,
    absX: number,
    absY: number,
  ): { x: number; y: number } => {
    if (parentId === null) return { x: absX, y: absY };
    const frame = store.absoluteBox(parentId);
    return { x: absX - frame.x, y: absY - frame.y };
  };

  const sticky = (id: string): LocalStickyNote => {
    const item = store.requireItem(id);
    if (item.type !== 'sticky_note') throw sdkError(`Item '${id}' is not a sticky note`);
    return item;
  };

  return {
    addNote({ x, y, content = '', color = 'light_yellow', by }) {
      const frame = store.frameAt(x, y);
      const parentId = frame?.id ?? null;
      const note: LocalStickyNote = {
        id: store.newId(),
        type: 'sticky_note',
        ...relativeTo(parentId, x, y),
        ...stickySize('square', undefined, undefined),
        parentId,
        createdBy: by,
        metadata: {},
        content: toHtml(checkContent('content', content)),
        shape: 'square',
        fillColor: stickyColor('color', color),
        tagIds: [],
      };
      store.insert(note, HUMAN);
      return structuredClone(note);
    },

    move(id, absX, absY) {
      const item = store.requireItem(id);
      // Frames stay where they are in the hierarchy; other items join the frame they land in.
      const target =
        item.type === 'frame' ? item.parentId : (store.frameAt(absX, absY, id)?.id ?? null);
      const moved: LocalItem = { ...item, ...relativeTo(item.parentId, absX, absY) };
      if (target === item.parentId) {
        store.replace(moved, HUMAN);
        return;
      }
      // Move first without telling anyone, then re-parent: one update event, final position.
      store.replace(moved, HUMAN, true);
      store.setParent(id, target, HUMAN);
    },

    setText(id, text) {
      const item = store.requireItem(id);
      const html = toHtml(checkContent('content', text));
      if (item.type === 'sticky_note' || item.type === 'shape') {
        store.replace({ ...item, content: html }, HUMAN);
      } else if (item.type === 'text') {
        store.replace(
          { ...item, content: html, height: textHeight(html, item.width, item.style.fontSize) },
          HUMAN,
        );
      } else if (item.type === 'frame') {
        store.replace({ ...item, title: text }, HUMAN);
      } else {
        throw sdkError(`Item '${id}' has no text`);
      }
    },

    setColor(id, color: StickyColor) {
      store.replace({ ...sticky(id), fillColor: stickyColor('color', color) }, HUMAN);
    },

    toggleTag(id, tagId) {
      const note = sticky(id);
      if (!store.tag(tagId)) throw invalidParam('tagId', `tag '${tagId}' does not exist`);
      if (note.tagIds.includes(tagId)) {
        store.replace({ ...note, tagIds: note.tagIds.filter((t) => t !== tagId) }, HUMAN);
        return;
      }
      if (note.tagIds.length >= MAX_TAGS_PER_ITEM) {
        throw sdkError(`An item can have at most ${MAX_TAGS_PER_ITEM} tags`);
      }
      store.replace({ ...note, tagIds: [...note.tagIds, tagId] }, HUMAN);
    },

    createTag(title, color) {
      const tag = newTag({ title, color }, store.newId(), store.tags());
      store.putTag(tag);
      return { ...tag };
    },

    remove(ids) {
      const existing = ids.filter((id) => store.item(id) !== undefined);
      if (existing.length > 0) store.remove(existing, HUMAN);
    },

    select(ids, by) {
      store.setSelection(by, ids);
    },
  };
}
