import { LIMITS } from './limits';

// C0 and C1 controls except tab and line feed (handled as spacing), DEL and the BOM. Zero-width
// joiners and bidi marks stay: emoji sequences and right-to-left text need them.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;
// A surrogate pair, or a lone surrogate (invalid UTF-16 that would not survive a UTF-8 file).
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

// Anything the slow path would change besides NFC: controls, tabs, odd spaces and line breaks,
// surrogates (checked properly on the slow path), doubled or edge spaces. Most notes have none.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_WORK = /[\u0000-\u001F\u007F-\u00A0\u2028\u2029\uD800-\uDFFF\uFEFF]| {2}|^\s|\s$/;

/**
 * Tidies plain text from the board: NFC; line breaks unified to \n; control characters and lone
 * surrogates removed; runs of spaces and tabs folded to one space; no spaces around line breaks;
 * at most one blank line in a row; trimmed. Emoji, CJK and RTL text pass unchanged.
 */
export function tidyText(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw.normalize('NFC');
  let text = raw;
  if (/[\uD800-\uDFFF]/.test(text)) {
    text = text.replace(SURROGATES, (m) => (m.length === 2 ? m : ''));
  }
  text = text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\t \u00A0]+/g, ' ');
  // NFC last: removing a control can bring a letter and its combining accent together.
  return text
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}

/** Note text for the export: tidied, and cut (never silently) beyond LIMITS.maxNoteText. */
export function tidyNoteText(raw: string): { text: string; truncated: boolean } {
  const text = tidyText(raw);
  if (text.length <= LIMITS.maxNoteText) return { text, truncated: false };
  let end = LIMITS.maxNoteText;
  // Do not split a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}
