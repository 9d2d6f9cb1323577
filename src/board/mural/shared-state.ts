/**
 * Shared state on MURAL, which has no app storage: one hidden, locked text widget per
 * (collection, key), far outside the work area, whose text is a prefix and the JSON value.
 * Reads list the mural's text widgets; see CONTEXT.md for the choice and its limits.
 */
import type { MuralWidget } from './widgets';

export const STATE_PREFIX = 'touchpoint-state:v1 ';
/** Where state widgets sit, in case a MURAL client shows hidden widgets. */
export const STATE_POSITION = { x: -100_000, y: -100_000, width: 40, height: 40 } as const;

export interface StateEntry {
  collection: string;
  key: string;
  /** The JSON text of the value. */
  json: string;
  widgetId: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isStateWidget(widget: MuralWidget): boolean {
  return widget.type === 'text' && widget.text.startsWith(STATE_PREFIX);
}

export function parseStateWidget(widget: MuralWidget): StateEntry | null {
  if (!isStateWidget(widget)) return null;
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

/** Entries by `collection\u0000key`; when two participants made the same key, the last listed wins. */
export function indexState(widgets: readonly MuralWidget[]): Map<string, StateEntry[]> {
  const index = new Map<string, StateEntry[]>();
  for (const widget of widgets) {
    const entry = parseStateWidget(widget);
    if (!entry) continue;
    const id = stateId(entry.collection, entry.key);
    index.set(id, [...(index.get(id) ?? []), entry]);
  }
  return index;
}

export const stateId = (collection: string, key: string): string => `${collection}\u0000${key}`;
