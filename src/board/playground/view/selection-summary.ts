/**
 * What the view says about selections, as pure rules: the acting participant's selected notes
 * and their tags (for the selection bar), the screen-reader announcement, and the other
 * participants' selections drawn by `PresenceLayer`.
 */
import type { Box } from './camera';
import { htmlToPlainText } from './html-to-lines';
import type { PresenceSelection } from './PresenceLayer';
import type { RenderEntry } from './render-entries';

/** Colours of the other participants, in the order of the users list. */
const PRESENCE_COLORS = ['#e0548e', '#f08c00', '#0ca678', '#7048e8', '#1098ad', '#d6336c'];

export interface SelectionSummary {
  /** The selected sticky notes, in selection order. */
  noteIds: string[];
  /** How many of the selected notes carry each tag. */
  tagCounts: Map<string, number>;
  /** The selected item when it is one sticky note, else null. */
  soleNoteId: string | null;
  /** What the live region says: the one note's text and tags, or how many are selected. */
  announcement: string;
}

type SummaryEntry = Pick<RenderEntry, 'id' | 'item' | 'tags'>;

export function summarizeSelection(
  selection: readonly string[],
  entries: ReadonlyMap<string, SummaryEntry>,
): SelectionSummary {
  const noteIds: string[] = [];
  const tagCounts = new Map<string, number>();
  for (const id of selection) {
    const item = entries.get(id)?.item;
    if (item?.type !== 'sticky_note') continue;
    noteIds.push(id);
    for (const t of item.tagIds) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  }
  const only = selection.length === 1 ? entries.get(selection[0] ?? '') : undefined;
  const soleNoteId = only?.item.type === 'sticky_note' ? only.id : null;
  let announcement = selection.length === 0 ? '' : `${selection.length} selected`;
  if (only?.item.type === 'sticky_note') {
    const text = htmlToPlainText(only.item.content).slice(0, 200) || 'empty';
    const tags = only.tags.length > 0 ? `. Tags: ${only.tags.map((t) => t.title).join(', ')}` : '';
    announcement = `Selected note: ${text}${tags}`;
  }
  return { noteIds, tagCounts, soleNoteId, announcement };
}

/**
 * The other participants' selections that the view draws (items it does not draw are left
 * out, and so are participants with nothing drawn selected), each in its participant's colour.
 */
export function presenceSelections(
  users: readonly { id: string; name: string }[],
  userId: string,
  selectionOf: (userId: string) => readonly string[],
  entries: ReadonlyMap<string, { rect: Box }>,
): PresenceSelection[] {
  const others: PresenceSelection[] = [];
  users.forEach((u, index) => {
    if (u.id === userId) return;
    const rects = selectionOf(u.id)
      .map((id) => entries.get(id)?.rect)
      .filter((r): r is Box => r !== undefined);
    if (rects.length > 0) {
      const color = PRESENCE_COLORS[index % PRESENCE_COLORS.length] ?? '#7048e8';
      others.push({ userId: u.id, name: u.name, color, rects });
    }
  });
  return others;
}

/** Whether `ids` is `selection` as it is, in the same order (selecting it again changes nothing). */
export const sameIds = (ids: readonly string[], selection: readonly string[]): boolean =>
  ids.length === selection.length && ids.every((id, i) => id === selection[i]);
