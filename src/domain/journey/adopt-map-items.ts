/**
 * Repair adopts what exists (issue 10 §2–3). A map's children carry no marker of their own (Miro
 * keeps metadata tiny and a marker costs a call per item), but the layout is deterministic: an
 * item's kind, text and place within the map's frame are its operation key. Items a run made but
 * never recorded (the panel closed, an answer was lost, the record write failed) are found by
 * that key and adopted; extra copies of a key are filed as strays for the plan to remove.
 */
import { nearlyEqual, sameCentre, type BoardItem } from '../board/board-item';
import { FRAME_KEY, layoutMap, type LayoutItem } from './layout';
import type { MapRecord } from './map-record';
import type { MapSpec } from './map-spec';

/** Key prefix of a recorded item that is no longer part of what was drawn: the next run removes it. */
export const STRAY_PREFIX = 'stray:';

const KIND: Record<LayoutItem['role'], BoardItem['kind']> = {
  frame: 'frame',
  title: 'text',
  persona: 'shape',
  'stage-header': 'shape',
  'lane-label': 'shape',
  cell: 'shape',
};

/** Whether `item` is what creating `want` makes: same kind and text, same centre and width. */
export function isMadeFrom(item: BoardItem, want: LayoutItem): boolean {
  return (
    item.kind === KIND[want.role] &&
    item.text === want.text &&
    sameCentre(item.rect, want.rect) &&
    nearlyEqual(item.rect.w, want.rect.w)
  );
}

/**
 * `itemIds` completed with the unrecorded items of `layouts` (most wanted first) found in the
 * frame, plus `stray:<id>` entries for unrecorded copies in the frame or loose on the board.
 * Returns whether anything was adopted or filed.
 */
export function adoptMapItems(
  items: readonly BoardItem[],
  frameId: string | undefined,
  layouts: readonly (readonly LayoutItem[])[],
  itemIds: Record<string, string>,
): boolean {
  const claimed = new Set(Object.values(itemIds));
  const candidates = items.filter(
    (i) =>
      !claimed.has(i.id) &&
      (i.kind === 'shape' || i.kind === 'text') &&
      (i.parentId === null || i.parentId === frameId),
  );
  let changed = false;
  if (frameId !== undefined) {
    for (const layout of layouts) {
      for (const want of layout) {
        if (want.key === FRAME_KEY || itemIds[want.key] !== undefined) continue;
        const found = candidates.find(
          (i) => i.parentId === frameId && !claimed.has(i.id) && isMadeFrom(i, want),
        );
        if (!found) continue;
        itemIds[want.key] = found.id;
        claimed.add(found.id);
        changed = true;
      }
    }
  }
  for (const item of candidates) {
    if (claimed.has(item.id)) continue;
    if (!layouts.some((layout) => layout.some((want) => isMadeFrom(item, want)))) continue;
    itemIds[`${STRAY_PREFIX}${item.id}`] = item.id;
    claimed.add(item.id);
    changed = true;
  }
  return changed;
}

/**
 * What of a map's record is still on the board: the recorded ids of items that exist, and the
 * map's frame — by its recorded id, by Touchpoint's marker, or, made but never marked (the marker
 * is a call of its own after the create), by its title and place. An item recorded but not in
 * the frame (a batch stopped between its create and frame.add) is filed as a stray, for the plan
 * to remove, so its key is made again inside the frame: the port cannot re-parent.
 */
export function recoverMapItems(
  record: MapRecord,
  mapId: string,
  items: readonly BoardItem[],
): { frame: BoardItem | undefined; itemIds: Record<string, string> } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const itemIds = Object.fromEntries(
    Object.entries(record.itemIds).filter(([, id]) => byId.has(id)),
  );
  const recordedFrame = layoutMap(record.spec, record.origin).items.find(
    (i) => i.key === FRAME_KEY,
  );
  const frame =
    items.find((i) => i.id === itemIds[FRAME_KEY]) ??
    items.find((i) => i.kind === 'frame' && i.meta?.m === mapId && i.meta.r === 'frame') ??
    items.find(
      (i) =>
        i.kind === 'frame' &&
        i.parentId === null &&
        recordedFrame !== undefined &&
        i.text === recordedFrame.text &&
        nearlyEqual(i.rect.x, recordedFrame.rect.x) &&
        nearlyEqual(i.rect.y, recordedFrame.rect.y),
    );
  if (frame) itemIds[FRAME_KEY] = frame.id;
  for (const [key, id] of Object.entries(itemIds)) {
    if (key === FRAME_KEY || key.startsWith(STRAY_PREFIX)) continue;
    if (frame && byId.get(id)?.parentId === frame.id) continue;
    delete itemIds[key];
    itemIds[`${STRAY_PREFIX}${id}`] = id;
  }
  return { frame, itemIds };
}

export interface MapItemsFound {
  /** The map's frame on the board, if found. */
  frame: BoardItem | undefined;
  /** Layout key → item id: the recorded items still there, the adopted ones, the strays. */
  itemIds: Record<string, string>;
  /** Where the map's layout starts: the frame's top-left, else the recorded origin. */
  origin: { x: number; y: number };
  /** Whether the ids differ from the record's: something adopted, filed as a stray or gone. */
  changed: boolean;
}

/**
 * A map's items as the board has them before an update to `spec`: the record's (`recoverMapItems`),
 * then what an earlier run made but never recorded, adopted by kind, text and place in either the
 * recorded spec's layout or the wanted one (an update that stopped halfway).
 */
export function findMapItems(
  record: MapRecord,
  spec: MapSpec,
  items: readonly BoardItem[],
): MapItemsFound {
  const { frame, itemIds } = recoverMapItems(record, spec.id, items);
  const origin = frame ? { x: frame.rect.x, y: frame.rect.y } : record.origin;
  const adopted = adoptMapItems(
    items,
    frame?.id,
    [layoutMap(spec, origin).items, layoutMap(record.spec, origin).items],
    itemIds,
  );
  const changed = adopted || Object.keys(itemIds).length !== Object.keys(record.itemIds).length;
  return { frame, itemIds, origin, changed };
}
