/**
 * Checks of SDK input, with Miro-style messages. Callers are typed, but the SDK is an edge: the
 * real one validates at run time too, so the local one does, and tests can pass bad values.
 */
import { invalidParam } from './errors';
import type { StickyColor } from './local-board-types';
import {
  FONT_SIZE,
  MAX_CONTENT_LENGTH,
  MAX_METADATA_BYTES,
  MAX_TAG_TITLE_LENGTH,
  SHAPE_BORDER_WIDTH,
  STICKY_COLORS,
  TAG_COLORS,
  type TagColorName,
} from './limits';

export function finiteNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidParam(field, `expected a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function positiveNumber(field: string, value: unknown): number {
  const n = finiteNumber(field, value);
  if (n <= 0) throw invalidParam(field, `expected a positive number, got ${n}`);
  return n;
}

export function numberInRange(
  field: string,
  value: unknown,
  range: { min: number; max: number },
): number {
  const n = finiteNumber(field, value);
  if (n < range.min || n > range.max) {
    throw invalidParam(field, `expected a number from ${range.min} to ${range.max}, got ${n}`);
  }
  return n;
}

export function fontSize(field: string, value: unknown): number {
  return numberInRange(field, value, FONT_SIZE);
}

export function borderWidth(field: string, value: unknown): number {
  return numberInRange(field, value, SHAPE_BORDER_WIDTH);
}

export function stringValue(field: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw invalidParam(field, `expected a string, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidParam(
      field,
      `${JSON.stringify(value)} is not a valid value; expected one of: ${allowed.join(', ')}`,
    );
  }
  return value as T;
}

export function stickyColor(field: string, value: unknown): StickyColor {
  return oneOf(field, value, STICKY_COLORS);
}

export function tagColor(field: string, value: unknown): TagColorName {
  return oneOf(field, value, TAG_COLORS);
}

/** Miro colours for shapes and text: `#rrggbb` (or `#rgb`), or `transparent`. */
export function hexColor(field: string, value: unknown): string {
  const s = stringValue(field, value);
  if (s !== 'transparent' && !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(s)) {
    throw invalidParam(field, `expected a hex colour like '#ffffff', got ${JSON.stringify(s)}`);
  }
  return s;
}

export function content(field: string, value: unknown): string {
  const s = stringValue(field, value);
  if (s.length >= MAX_CONTENT_LENGTH) {
    throw invalidParam(
      field,
      `must be shorter than ${MAX_CONTENT_LENGTH} characters (got ${s.length})`,
    );
  }
  return s;
}

export function tagTitle(value: unknown): string {
  const s = stringValue('title', value);
  if (s.trim() === '') throw invalidParam('title', 'must not be empty');
  if (s.length > MAX_TAG_TITLE_LENGTH) {
    throw invalidParam(
      'title',
      `must be at most ${MAX_TAG_TITLE_LENGTH} characters (got ${s.length})`,
    );
  }
  return s;
}

/** JSON value check: what `JSON.stringify` would keep unchanged. */
export function jsonValue(field: string, value: unknown): unknown {
  if (value === undefined) throw invalidParam(field, 'must be a JSON value, got undefined');
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    throw invalidParam(field, 'must be a JSON value');
  }
  return JSON.parse(text) as unknown;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function metadataSize(metadata: Record<string, unknown>): void {
  const bytes = utf8Bytes(JSON.stringify(metadata));
  if (bytes > MAX_METADATA_BYTES) {
    throw invalidParam(
      'metadata',
      `item metadata is limited to ${MAX_METADATA_BYTES} bytes of JSON (would be ${bytes})`,
    );
  }
}
