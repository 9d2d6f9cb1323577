import { LIMITS } from './limits';

// C0 and C1 controls except tab and line feed, DEL, the BOM, and lone surrogates (invalid UTF-16
// that would not survive a UTF-8 file). Zero-width joiners and bidi marks stay: emoji sequences
// and right-to-left text need them.
const CONTROL =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Tidies plain text from the board: line ends unified, control characters removed, spaces folded
 * within lines, lines trimmed, at most one blank line in a row, NFC. Emoji, CJK and RTL text
 * pass unchanged.
 */
export function tidyText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[ \u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
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
