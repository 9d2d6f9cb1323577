/**
 * Board text as inline Markdown (CommonMark + GitHub's tables and strikethrough): a character is
 * escaped only where it would start Markdown syntax, so "4.6" and "(FSCS?)" stay as written while
 * a note still cannot become a heading, list, quote, link, image, code span or HTML.
 *
 * Every line of the text is treated as a line start (it may follow a list marker or a hard break).
 * There a backslash goes before: `#` opening a heading, `>`, a `-` / `+` / `*` list marker, the
 * `.` or `)` of an ordered-list marker, a thematic break or setext underline (`---`, `===`,
 * `***`, `___`), and a code fence (`~~~`). Anywhere: backticks, `[` and `]` (so no link or image),
 * `|` (GFM table cells), `<` before anything but a space (HTML, autolinks), `*`, and `_` that is
 * not inside a word, `~` when the text has two (strikethrough), `&` that would start a character
 * reference, and `\` before punctuation or at a line's end (it would escape or break the line).
 */
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Where a line's first character starts a block: heading, quote, list, break, fence. */
const BLOCK_START = [
  /^#{1,6}(\s|$)/, // ATX heading
  /^>/, // block quote
  /^[-+*](\s|$)/, // bullet list marker
  /^([-*_=])(\s*\1)*\s*$/, // thematic break or setext underline (a lone "-" or "=" too)
  /^(`{3,}|~{3,})/, // code fence (a backtick is escaped anyway)
];
const ORDERED_MARKER = /^(\d{1,9})([.)])(\s|$)/;

function escapeLine(line: string, tildes: boolean): string {
  let out = '';
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    const before = i === 0 ? ' ' : (line[i - 1] as string);
    const after = i + 1 < line.length ? (line[i + 1] as string) : ' ';
    let escape = false;
    switch (ch) {
      case '\\':
        escape = i + 1 === line.length || ASCII_PUNCTUATION.test(after);
        break;
      case '`':
      case '[':
      case ']':
      case '|':
      case '*':
        escape = true;
        break;
      case '<':
        escape = !/\s/.test(after);
        break;
      case '_':
        // Inside a word ("snake_case") an underscore can neither open nor close emphasis.
        escape = !(WORD.test(before) && WORD.test(after));
        break;
      case '~':
        escape = tildes;
        break;
      case '&':
        escape = ENTITY.test(line.slice(i));
        break;
      default:
    }
    out += escape ? `\\${ch}` : ch;
  }
  if (BLOCK_START.some((pattern) => pattern.test(line)) && !out.startsWith('\\')) {
    return `\\${out}`;
  }
  return out.replace(ORDERED_MARKER, '$1\\$2$3');
}

/**
 * Board text as inline Markdown (see above), leading spaces dropped (they would make a code
 * block). Lines are joined with spaces, or, given `breakIndent`, kept as hard breaks indented by
 * it so a multi-line note stays inside its list item. Blank lines are dropped either way: one
 * would end the list item.
 */
export function escapeMarkdown(text: string, breakIndent?: string): string {
  const tildes = (text.match(/~/g)?.length ?? 0) > 1;
  return text
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => escapeLine(line, tildes))
    .join(breakIndent === undefined ? ' ' : `\\\n${breakIndent}`);
}
