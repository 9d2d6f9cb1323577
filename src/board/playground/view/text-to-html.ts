/** Escapes the three characters that would otherwise start markup or a character reference. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Plain text from the note editor as Miro's limited HTML: one `<p>` per line. Empty text stays
 * empty, so clearing a note gives an empty note rather than one blank paragraph.
 */
export function textToHtml(text: string): string {
  if (text === '') return '';
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}
