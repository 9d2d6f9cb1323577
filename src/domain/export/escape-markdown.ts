/**
 * ASCII punctuation that can start or shape Markdown syntax (quotes and colons only matter inside
 * links, whose brackets are escaped). Backslash-escaping ASCII punctuation is always allowed in
 * CommonMark, so a few too many is harmless; too few lets a note become a heading, link or image.
 */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&=^]/g;

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
