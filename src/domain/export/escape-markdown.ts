/**
 * ASCII punctuation CommonMark or GFM give meaning to. Backslash-escaping any ASCII punctuation is
 * always allowed in CommonMark, so escaping a few too many is harmless; escaping too few lets a
 * note turn into a heading, a link or an image.
 */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&=^:"']/g;

/**
 * Board text as inline Markdown: every special character escaped and leading spaces dropped
 * (they would make a code block). Lines are joined with spaces, or, given `breakIndent`, kept as
 * hard breaks indented by it so a multi-line note stays inside its list item. Blank lines are
 * dropped either way: one would end the list item.
 */
export function escapeMarkdown(text: string, breakIndent?: string): string {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => line.trim().replace(SPECIAL, '\\$&'))
    .filter((line) => line !== '')
    .join(breakIndent === undefined ? ' ' : `\\\n${breakIndent}`);
}
