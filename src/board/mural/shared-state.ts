/**
 * Shared state on MURAL, which has no app storage: one area per mural titled "Touchpoint data",
 * inside the mural's bounds, holding one textbox per (collection, key) whose text is a prefix and
 * the JSON value, plus a textbox that tells facilitators what the area is. Reads list the area's
 * children (`GET …/widgets?parentId=`, one request per 100 entries); writes use documented
 * textbox fields only (`text`, `x`, `y`, `width`, `height`, `parentId`). See CONTEXT.md.
 */
import { isRecord } from '../../domain/common';
import type { MuralWidget } from './widgets';

export const STATE_PREFIX = 'touchpoint-state:v2 ';
/** The area's title: it names what it is and what removing it does. */
export const STATE_AREA_TITLE = 'Touchpoint data (do not delete)';
export const STATE_NOTE =
  'Touchpoint keeps this workshop’s shared data here: journey maps, groups, vote rounds and ' +
  'actions. Leave this area in place. Deleting it resets Touchpoint for everyone on this mural ' +
  '(maps, groups and rounds are forgotten; the notes on the mural stay).';

/** The area's size and its entries' slots: 5 columns of 300 × 40 px. */
export const STATE_AREA = { width: 1600, height: 1250, margin: 200 } as const;
const SLOT = { width: 300, height: 40, columns: 5, top: 120, left: 10, gap: 10 } as const;
const SLOTS = SLOT.columns * Math.floor((STATE_AREA.height - SLOT.top) / (SLOT.height + SLOT.gap));

/**
 * Where the area goes, in mural coordinates: the bottom-right corner, clear of where maps are
 * made (around the mural's centre) and inside its bounds; top-left for an infinite mural.
 */
export function stateAreaPosition(mural: { width?: number; height?: number; infinite?: boolean }): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const { width, height, margin } = STATE_AREA;
  if (mural.infinite || mural.width === undefined || mural.height === undefined) {
    return { x: 0, y: 0, width, height };
  }
  return {
    x: Math.max(0, mural.width - width - margin),
    y: Math.max(0, mural.height - height - margin),
    width: Math.min(width, mural.width),
    height: Math.min(height, mural.height),
  };
}

/** The position of entry `index` inside the area (relative to it); wraps when the area is full. */
export function slotPosition(index: number): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const i = ((index % SLOTS) + SLOTS) % SLOTS;
  return {
    x: SLOT.left + (i % SLOT.columns) * (SLOT.width + SLOT.gap),
    y: SLOT.top + Math.floor(i / SLOT.columns) * (SLOT.height + SLOT.gap),
    width: SLOT.width,
    height: SLOT.height,
  };
}

/** The explanation textbox, top-left in the area. */
export const NOTE_POSITION = { x: 10, y: 10, width: 1500, height: 100 } as const;

export interface StateEntry {
  collection: string;
  key: string;
  /** The JSON text of the value. */
  json: string;
  widgetId: string;
}

export const isStateArea = (widget: MuralWidget): boolean =>
  widget.type === 'area' && widget.title === STATE_AREA_TITLE;

/** The ids of the data areas among `widgets`, oldest (lowest) id first. */
export const stateAreaIds = (widgets: readonly MuralWidget[]): string[] =>
  widgets
    .filter(isStateArea)
    .map((w) => w.id)
    .sort();

/** Touchpoint's own widgets, never shown as board items: the area, its note and its entries. */
export function isStateWidget(widget: MuralWidget, areaIds: ReadonlySet<string>): boolean {
  return (
    isStateArea(widget) ||
    (widget.parentId !== null && areaIds.has(widget.parentId)) ||
    (widget.type === 'text' && widget.text.startsWith(STATE_PREFIX))
  );
}

export function parseStateWidget(widget: MuralWidget): StateEntry | null {
  if (widget.type !== 'text' || !widget.text.startsWith(STATE_PREFIX)) return null;
  try {
    const body: unknown = JSON.parse(widget.text.slice(STATE_PREFIX.length));
    if (!isRecord(body) || typeof body.c !== 'string' || typeof body.k !== 'string') return null;
    return { collection: body.c, key: body.k, json: JSON.stringify(body.v), widgetId: widget.id };
  } catch {
    return null;
  }
}

/** Throws when the value does not survive JSON unchanged (dates, functions, NaN…). */
export function toJson(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined || JSON.stringify(JSON.parse(json)) !== json || !sameJson(value, json)) {
    throw new TypeError('Shared values must be plain JSON.');
  }
  return json;
}

function sameJson(value: unknown, json: string): boolean {
  const plain = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(plain);
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.values(v as Record<string, unknown>).every(plain);
    }
    return false;
  };
  return json !== '' && plain(value);
}

export const stateText = (collection: string, key: string, json: string): string =>
  `${STATE_PREFIX}{"c":${JSON.stringify(collection)},"k":${JSON.stringify(key)},"v":${json}}`;

/**
 * Entries by `collection\u0000key`, from the children of the state areas only (an entry left
 * behind when its area was deleted is not state any more). When two participants made the same
 * key at once, the last listed wins and the next write deletes the others.
 */
export function indexState(
  widgets: readonly MuralWidget[],
  areaIds: ReadonlySet<string>,
): Map<string, StateEntry[]> {
  const index = new Map<string, StateEntry[]>();
  for (const widget of widgets) {
    if (widget.parentId === null || !areaIds.has(widget.parentId)) continue;
    const entry = parseStateWidget(widget);
    if (!entry) continue;
    const id = stateId(entry.collection, entry.key);
    index.set(id, [...(index.get(id) ?? []), entry]);
  }
  return index;
}

export const stateId = (collection: string, key: string): string => `${collection}\u0000${key}`;

/** The value each key holds now, by `stateId`: its last listed entry's JSON (see `indexState`). */
export function currentValues(
  index: ReadonlyMap<string, readonly StateEntry[]>,
): Map<string, string> {
  const values = new Map<string, string>();
  for (const [id, entries] of index) {
    const last = entries.at(-1);
    if (last) values.set(id, last.json);
  }
  return values;
}
