/**
 * The layout items' side of "Update on board" (plan-map-update.ts), by key, the frame aside
 * (plan-map-frame.ts): an item whose key is gone is removed, one whose size changed is replaced
 * (Miro shapes cannot be resized after creation), one whose place, text or fill changed is
 * updated, and a key with no item id (new, or a create that failed last time) is created.
 */
import { FRAME_KEY, type LayoutItem, type MapLayout } from './layout';
import { sameRect } from '../board/board-item';
import type { MapPlanOp } from './plan-map-update';

export interface ItemSteps {
  /** In the order of the recorded ids; replaced items included. */
  removes: MapPlanOp[];
  updates: MapPlanOp[];
  /** Replacements in the order of the recorded ids, then new items in layout order. */
  creates: MapPlanOp[];
}

export function planItemSteps(
  itemIds: Readonly<Record<string, string>>,
  layout: MapLayout,
  prevItems: ReadonlyMap<string, LayoutItem>,
  nextItems: ReadonlyMap<string, LayoutItem>,
  resync?: boolean,
): ItemSteps {
  const removes: MapPlanOp[] = [];
  const creates: MapPlanOp[] = [];
  const updates: MapPlanOp[] = [];
  for (const [key, id] of Object.entries(itemIds)) {
    if (key === FRAME_KEY) continue;
    const want = nextItems.get(key);
    if (!want) {
      removes.push({ op: 'remove', key, id });
      continue;
    }
    const had = prevItems.get(key);
    if (had && (had.rect.w !== want.rect.w || had.rect.h !== want.rect.h)) {
      // Miro shapes cannot be resized after creation: replace.
      removes.push({ op: 'remove', key, id });
      creates.push({ op: 'create', key, item: want });
      continue;
    }
    const moved = !had || !sameRect(had.rect, want.rect);
    const retexted = !had || had.text !== want.text;
    const refilled = !had || had.fill !== want.fill;
    if (resync || moved || retexted || refilled) {
      updates.push({
        op: 'update',
        key,
        id,
        ...(resync || moved ? { rect: want.rect } : {}),
        ...(resync || retexted ? { text: want.text } : {}),
        ...(resync || refilled ? { fill: want.fill } : {}),
      });
    }
  }
  for (const item of layout.items)
    if (item.key !== FRAME_KEY && itemIds[item.key] === undefined)
      creates.push({ op: 'create', key: item.key, item });
  return { removes, updates, creates };
}
