/**
 * Sticky-note and shape content is limited HTML (`<p>`, `<br>`, `<strong>` …). The board view
 * shows it as plain text lines and never hands it to the DOM as HTML, so this is a tolerant,
 * regex-based converter: block ends and `<br>` become line breaks, other tags are dropped, and
 * character references are decoded. It runs in Node as well as the browser.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  middot: '\u00b7',
  euro: '\u20ac',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
};

/** Decodes `&amp;`, `&#39;`, `&#x1F600;` and the common named references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      // Out-of-range and surrogate code points are not characters: show the replacement mark.
      if (
        !Number.isFinite(code) ||
        code > 0x10ffff ||
        (code >= 0xd800 && code <= 0xdfff) ||
        code === 0
      ) {
        return '\ufffd';
      }
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

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
