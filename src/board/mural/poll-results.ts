/**
 * What the MURAL polls find, as data (`board-events.ts` acts on it): the item changes between two
 * looks at the mural, and the poll results another tab of this browser shares.
 */
import { isRecord } from '../../domain/common';
import type { BoardItem } from '../../domain/board/board-item';
import { parseWidgets, type MuralWidget } from './widgets';

/** Items by id, each as its JSON: what a later look is compared with. */
export type SeenItems = ReadonlyMap<string, string>;

export interface ItemChanges {
  created: BoardItem[];
  updated: BoardItem[];
  deleted: string[];
}

/** `items` as a look that later looks are compared with. */
export const seenItems = (items: readonly BoardItem[]): Map<string, string> =>
  new Map(items.map((item) => [item.id, JSON.stringify(item)]));

/** What changed from the look `before` to the look `after` (`items`, seen as `after`). */
export function itemChanges(
  before: SeenItems,
  items: readonly BoardItem[],
  after: SeenItems,
): ItemChanges {
  return {
    created: items.filter((item) => !before.has(item.id)),
    updated: items.filter(
      (item) => before.has(item.id) && before.get(item.id) !== after.get(item.id),
    ),
    deleted: [...before.keys()].filter((id) => !after.has(id)),
  };
}

/** A poll result one tab shares with the others on the same mural. */
export type TabMessage =
  { t: 'items'; widgets: MuralWidget[] } | { t: 'state'; values: Map<string, string> };

/** As sent: a `Map` does not survive the channel's structured clone as well as entries do. */
export type SentTabMessage =
  { t: 'items'; widgets: MuralWidget[] } | { t: 'state'; entries: [string, string][] };

/**
 * Another tab's message, or null when it is not one: a channel carries whatever any page of this
 * origin posts, so each entry and widget is checked (widgets as a MURAL answer would be).
 */
export function readTabMessage(message: unknown): TabMessage | null {
  if (!isRecord(message)) return null;
  if (message.t === 'state' && Array.isArray(message.entries)) {
    const values = new Map<string, string>();
    for (const entry of message.entries as unknown[]) {
      if (!Array.isArray(entry)) continue;
      const [id, json] = entry as unknown[];
      if (typeof id === 'string' && typeof json === 'string') values.set(id, json);
    }
    return { t: 'state', values };
  }
  if (message.t === 'items' && Array.isArray(message.widgets))
    return { t: 'items', widgets: parseWidgets(message.widgets) };
  return null;
}
