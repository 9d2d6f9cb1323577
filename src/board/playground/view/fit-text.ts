/**
 * Text layout estimates for SVG notes. Measuring real glyphs would force layout for every note
 * (thousands of them), so widths come from a per-character estimate for a system sans-serif font:
 * close enough to wrap and size note text the way Miro does, and pure, so it runs in Node.
 */

const NARROW = new Set([...`il.,:;'!|\`ijtfr()[]{}`]);
const WIDE = new Set([...'mwMW@%&']);

/** Estimated advance of one character, in ems. */
function charWidth(ch: string): number {
  if (ch === ' ' || ch === '\u00a0') return 0.28;
  if (NARROW.has(ch)) return 0.3;
  if (WIDE.has(ch)) return 0.85;
  const code = ch.codePointAt(0) ?? 0;
  // CJK, Hangul, full-width forms and emoji take a full em.
  if (
    code >= 0x1100 &&
    (code <= 0x115f ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      code >= 0x1f300)
  ) {
    return 1;
  }
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  if (ch >= '0' && ch <= '9') return 0.56;
  return 0.52;
}

/** Width of `text` at `fontSize`, in the same units as the font size. */
export type MeasureText = (text: string, fontSize: number) => number;

export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return ems * fontSize;
}

/** Breaks a word wider than the line into pieces that fit (at least one character each). */
function splitLongWord(
  word: string,
  maxWidth: number,
  fontSize: number,
  measure: MeasureText,
): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current !== '' && measure(current + ch, fontSize) > maxWidth) {
      pieces.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Word-wraps each line to `maxWidth`; an empty line stays an empty line. */
export function wrapLines(
  lines: readonly string[],
  maxWidth: number,
  fontSize: number,
  measure: MeasureText = estimateTextWidth,
): string[] {
  const out: string[] = [];
  const space = measure(' ', fontSize);
  for (const line of lines) {
    const words = line.split(/ +/).filter((w) => w !== '');
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let current = '';
    let width = 0;
    for (const word of words) {
      const wordWidth = measure(word, fontSize);
      if (current !== '' && width + space + wordWidth <= maxWidth) {
        current += ` ${word}`;
        width += space + wordWidth;
        continue;
      }
      if (current !== '') out.push(current);
      if (wordWidth <= maxWidth) {
        current = word;
        width = wordWidth;
      } else {
        const pieces = splitLongWord(word, maxWidth, fontSize, measure);
        const last = pieces.pop() ?? '';
        out.push(...pieces);
        current = last;
        width = measure(last, fontSize);
      }
    }
    out.push(current);
  }
  return out;
}

export interface FitTextOptions {
  maxFontSize: number;
  minFontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** How to measure text (default: the per-character estimate). */
  measure?: MeasureText;
}

export interface FittedText {
  fontSize: number;
  lines: string[];
  /** True when even the smallest size could not show everything: the last line ends in `…`. */
  truncated: boolean;
}

/**
 * The largest font size (stepping down by 10 %) at which the wrapped text fits the box, as Miro
 * shrinks sticky-note text as it grows. Past the smallest size, the text is cut with an ellipsis.
 */
export function fitText(
  lines: readonly string[],
  width: number,
  height: number,
  options: FitTextOptions,
): FittedText {
  const { maxFontSize, minFontSize, lineHeight, measure = estimateTextWidth } = options;
  if (lines.length === 0 || width <= 0 || height <= 0) {
    return { fontSize: maxFontSize, lines: [], truncated: false };
  }
  let fontSize = Math.max(maxFontSize, minFontSize);
  for (;;) {
    const wrapped = wrapLines(lines, width, fontSize, measure);
    if (wrapped.length * fontSize * lineHeight <= height) {
      return { fontSize, lines: wrapped, truncated: false };
    }
    const next = fontSize * 0.9;
    if (next < minFontSize) break;
    fontSize = next;
  }
  fontSize = minFontSize;
  const wrapped = wrapLines(lines, width, fontSize, measure);
  const fits = Math.max(1, Math.floor(height / (fontSize * lineHeight)));
  const kept = wrapped.slice(0, fits);
  const lastIndex = kept.length - 1;
  let last = kept[lastIndex] ?? '';
  while (last !== '' && measure(`${last}\u2026`, fontSize) > width) {
    last = [...last].slice(0, -1).join('');
  }
  kept[lastIndex] = `${last.replace(/\s+$/, '')}\u2026`;
  return { fontSize, lines: kept, truncated: true };
}

/** `text`, cut with an ellipsis if it is wider than `width` (a frame title along its frame). */
export function truncateToWidth(
  text: string,
  width: number,
  fontSize: number,
  measure: MeasureText = estimateTextWidth,
): string {
  if (measure(text, fontSize) <= width) return text;
  const chars = [...text];
  // Binary search for the longest prefix that fits with the ellipsis.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}\u2026`, fontSize) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}\u2026`;
}
