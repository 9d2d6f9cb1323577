/**
 * Touchpoint's markers for the widgets it made (Miro keeps them in item metadata; MURAL has
 * none): one shared entry, widget id → marker, plus intents stored before a batch's creates under
 * `markerPrint` keys, since the widgets' ids are not known yet. See CONTEXT.md, "Shared state".
 */
import { isRecord } from '../../domain/common';
import type { BoardItem, ItemMarker, Rect } from '../../domain/board/board-item';
import { stateId } from './shared-state';

/** Keys of markers stored before their widget exists (see `markerPrint`). */
const INTENT_PREFIX = 'p:';

/**
 * Where and what a marked item is, in board coordinates: the key its marker is stored under
 * before the create (intent before effect), so a widget whose create went through but whose
 * panel closed before the markers were written by id still carries its marker when read.
 */
export const markerPrint = (kind: string, rect: Rect, text: string): string =>
  `${INTENT_PREFIX}${kind}|${[rect.x, rect.y, rect.w, rect.h].map(Math.round).join('|')}|${text}`;

/** The markers' entry in the shared state: collection `__touchpoint`, key `markers`. */
export const MARKERS = { collection: '__touchpoint', key: 'markers' } as const;
export const MARKERS_ID = stateId(MARKERS.collection, MARKERS.key);

/** The stored entry's markers (none when there is no entry); unreadable markers are left out. */
export function parseMarkers(json: string | undefined): Map<string, ItemMarker> {
  const markers = new Map<string, ItemMarker>();
  if (json === undefined) return markers;
  const value: unknown = JSON.parse(json);
  if (!isRecord(value)) return markers;
  for (const [id, m] of Object.entries(value)) {
    if (isRecord(m) && typeof m.m === 'string' && typeof m.r === 'string') {
      markers.set(id, typeof m.k === 'string' ? { m: m.m, r: m.r, k: m.k } : { m: m.m, r: m.r });
    }
  }
  return markers;
}

/**
 * `item` with its marker: by id, or, for a widget made by a batch whose panel closed before it
 * stored the marker by id, the intent that batch stored for its kind, place and text.
 */
export function withMarker(item: BoardItem, markers: ReadonlyMap<string, ItemMarker>): BoardItem {
  if (item.meta !== null) return item;
  const intended = markers.get(markerPrint(item.kind, item.rect, item.text));
  return intended ? { ...item, meta: intended } : item;
}

/**
 * The entry after a batch: widgets that read as marked (by id, or through an intent: this
 * batch's, or one an earlier panel left when it closed) are marked by id, `made` added; markers
 * of widgets gone and every intent dropped, so the entry does not grow without bound.
 */
export function settleMarkers(
  stored: ReadonlyMap<string, ItemMarker>,
  items: readonly BoardItem[],
  made: Iterable<readonly [string, ItemMarker]>,
): Record<string, ItemMarker> {
  const current = new Map(stored);
  for (const item of items)
    if (item.meta !== null && !current.has(item.id)) current.set(item.id, item.meta);
  for (const [id, m] of made) current.set(id, m);
  // Intents go with the gone: their keys are prints, never a widget's id.
  const known = new Set(items.map((i) => i.id));
  return Object.fromEntries([...current].filter(([id]) => known.has(id)));
}
