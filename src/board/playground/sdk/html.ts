/**
 * Miro stores sticky, shape and text content as limited HTML and reads it back as HTML: plain
 * text comes back wrapped in `<p>`. Tags outside the allowed set are dropped (their text kept).
 */

const ALLOWED_TAGS = new Set(['p', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'br', 'span']);

/** Content as Miro would store it: HTML kept (minus disallowed tags), plain text wrapped. */
export function normalizeContent(content: string): string {
  if (content === '') return '';
  if (!/<[a-z/][^>]*>/i.test(content)) return `<p>${content}</p>`;
  return content.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (tag, name: string) =>
    ALLOWED_TAGS.has(name.toLowerCase()) ? tag : '',
  );
}
