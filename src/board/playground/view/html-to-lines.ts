/**
 * Sticky-note and shape content is limited HTML (`<p>`, `<br>`, `<strong>` …). The board view
 * shows it as plain text lines and never hands it to the DOM as HTML, so this is a tolerant,
 * regex-based converter: block ends and `<br>` become line breaks, other tags are dropped, and
 * character references are decoded (board/html-text.ts, the one entity table). It runs in Node
 * as well as the browser.
 */
import { decodeEntities } from '../../html-text';

const TAG_LIKE = /<[a-z!/?][^>]*>/i;

/** Plain text lines of limited HTML. Empty content gives no lines. */
export function htmlToLines(html: string): string[] {
  if (html.trim() === '') return [];
  let text = html;
  if (TAG_LIKE.test(text)) {
    text = text
      // Source line breaks inside HTML are only formatting.
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      // Whitespace between blocks is formatting too; whitespace inside a line is kept.
      .replace(/(<\/(?:p|div|li|h[1-6]|blockquote|pre|tr)\s*>|<br\s*\/?>)\s+/gi, '$1')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\u2022 ')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|pre|tr)\s*>/gi, '\n')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/<[!?][^>]*>/g, '');
  } else {
    text = text.replace(/\r\n?/g, '\n');
  }
  text = decodeEntities(text);
  // The last block's end is a terminator, not an empty line of its own.
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return text.split('\n');
}

/** The whole content as one plain string (lines joined by `\n`). */
export function htmlToPlainText(html: string): string {
  return htmlToLines(html).join('\n');
}
