/**
 * Miro keeps sticky, shape and text content as limited HTML (`<p> <a> <strong> <b> <em> <i> <u>
 * <s> <br>`); the Board port speaks plain text. This is the one crossing, for the Miro adapter,
 * the playground's SDK double (what a person types becomes HTML) and its board view (what the
 * board shows); one entity table and one escape, so the three cannot drift apart. MURAL's
 * rich text (`mural/widgets.ts`) has its own markup but decodes its entities here too.
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
  laquo: '\u00ab',
  raquo: '\u00bb',
  middot: '\u00b7',
  bull: '\u2022',
  euro: '\u20ac',
  pound: '\u00a3',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  times: '\u00d7',
  deg: '\u00b0',
};

/**
 * A numeric reference's character. As the HTML standard decodes them ("numeric character
 * reference end state"): zero, surrogates and values past U+10FFFF become U+FFFD, so the text
 * reads as the board shows it in a browser.
 */
function codePoint(value: number): string {
  const valid =
    Number.isInteger(value) && value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
  return valid ? String.fromCodePoint(value) : '\ufffd';
}

/** One pass, so `&amp;lt;` stays the text `&lt;`. Unknown named entities are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g,
    (whole, body: string) => {
      if (body.startsWith('#')) {
        const hex = body[1] === 'x' || body[1] === 'X';
        return codePoint(parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10));
      }
      return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    },
  );
}

/** Every character that could start markup, a reference or end an attribute, escaped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Whitespace of the HTML source (not `&nbsp;`, which `\s` would also match). */
const SOURCE_SPACE = /[ \t\n\r\f]+/g;
const LINE_BREAK = '\n';

/**
 * Miro's HTML → plain text: paragraphs and `<br>` become line breaks, other markup goes,
 * entities are decoded, runs of spaces collapse, lines are trimmed, and blank lines at the
 * start and end are dropped (blank lines between paragraphs are kept).
 */
export function htmlToText(html: string): string {
  if (html === '') return '';
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(SOURCE_SPACE, ' ')
    // A `<br>` that ends a paragraph adds no line in a browser; `<p><br></p>` is an empty line.
    .replace(/<br\s*\/?>\s*(?=<\/p\s*>)/gi, '')
    .replace(/<br\s*\/?>/gi, LINE_BREAK)
    .replace(/<\/(p|div|li)\s*>/gi, LINE_BREAK)
    .replace(/<\/?[a-zA-Z][^>]*>/g, '');
  return decodeEntities(text)
    .split(LINE_BREAK)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join(LINE_BREAK)
    .replace(/^\n+|\n+$/g, '');
}

/** Plain text → Miro's HTML: every character escaped, one `<p>` per line. */
export function textToHtml(text: string): string {
  if (text === '') return '';
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}
