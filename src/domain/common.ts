/**
 * Small helpers every layer shares, each written once: a record check for outside input, an
 * error's message, a count with its noun, and a string's UTF-8 size.
 */

/** A plain object (not null, not an array): the first check on any outside `unknown`. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The message of anything thrown or rejected: an Error's own message, a string as it is, an
 * object with a string `message` (SDKs reject with plain objects) by that, else as JSON.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** "1 note", "3 notes"; `plural` for irregular words ("1 person", "2 people"). */
export const countOf = (n: number, word: string, plural = `${word}s`): string =>
  `${n} ${n === 1 ? word : plural}`;

/**
 * The number of bytes `text` takes as UTF-8, without encoding it (a snapshot's JSON can be
 * megabytes). A lone surrogate counts 3 bytes, as TextEncoder's replacement character does, so
 * the figure always equals `new TextEncoder().encode(text).length`.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Bytes as lowercase hex, two digits a byte: random ids and tokens (the caller draws the bytes). */
export const hexOf = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The calendar date of `date` where the viewer is (local time), written YYYY-MM-DD. */
export const localIsoDate = (date: Date = new Date()): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
