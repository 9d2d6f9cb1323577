/**
 * Drafts actions from the top of a ranking: one per item, titled from the item's text. "Top n"
 * follows the competition ranking, so an item tied with the n-th is drafted too (ranks 1, 2, 3, 3
 * give four drafts for n = 3); leaving one out would be an arbitrary choice made for the team.
 * Items without a vote are never drafted.
 */
import { MAX_ACTION_TITLE, type ActionDraft } from './action';

export interface RankedEntry {
  itemId: string;
  rank: number;
  score: number;
}

export interface DraftSourceItem {
  id: string;
  /** Plain text of the note, or a cluster's label. */
  text: string;
  /** For a cluster: its member notes, which become the action's source items. */
  memberIds?: readonly string[];
}

export const UNTITLED_ACTION = 'Untitled action';

export function actionsFromTopResults(
  ranking: readonly RankedEntry[],
  items: readonly DraftSourceItem[],
  n: number,
): ActionDraft[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return ranking
    .filter((r) => r.rank <= n && r.score > 0)
    .map((r) => {
      const item = byId.get(r.itemId);
      return {
        title: titleFrom(item?.text ?? ''),
        ownerTeam: null,
        dueDate: null,
        impact: null,
        feasibility: null,
        status: 'todo',
        sourceItemIds:
          item?.memberIds && item.memberIds.length > 0 ? [...item.memberIds] : [r.itemId],
        rank: r.rank,
        score: r.score,
      };
    });
}

/** The first non-empty line, whitespace collapsed, cut at a word to fit the title limit. */
export function titleFrom(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find((l) => l !== '');
  if (!line) return UNTITLED_ACTION;
  if (line.length <= MAX_ACTION_TITLE) return line;
  const cut = line.slice(0, MAX_ACTION_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_ACTION_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
