import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './escape-markdown';

/** What a CommonMark reader shows for inline text: a backslash before punctuation disappears. */
const unescape = (md: string): string => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The text as the report should read: lines trimmed, blank lines dropped, joined by spaces. */
const plain = (text: string): string =>
  text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');

/**
 * Characters of `line` that a Markdown reader would take as syntax (those not escaped by a
 * backslash), as `index:char`; empty when the line is plain text.
 */
function syntaxIn(line: string): string[] {
  const found: string[] = [];
  const bare: (string | null)[] = []; // each character, or null where it is escaped
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1]!)) {
      bare.push(null, null);
      i += 1;
    } else bare.push(line[i]!);
  }
  const word = (c: string | null | undefined) => c != null && /[\p{L}\p{N}]/u.test(c);
  bare.forEach((c, i) => {
    if (c === null) return;
    const next = bare[i + 1];
    const inline =
      '`[]|*'.includes(c) ||
      (c === '<' && next != null && !/\s/.test(next)) ||
      (c === '_' && !(word(bare[i - 1]) && word(next)));
    if (inline) found.push(`${i}:${c}`);
  });
  const start = bare.map((c) => c ?? '\u0000').join('');
  if (/^(#{1,6}(\s|$)|>|[-+*](\s|$)|([-*_=])(\s*\4)*\s*$|\d{1,9}[.)](\s|$)|~~~|```)/.test(start))
    found.push(`0:block`);
  if (line.endsWith('\\') && !line.endsWith('\\\\')) found.push('end:hard-break');
  return found;
}

// Text made mostly of the characters that matter, plus line breaks, spaces and non-ASCII.
const markdownish = fc.string({
  unit: fc.constantFrom(
    ...'\\`*_{}[]()#+-.!|<>~&=^:;1'.split(''),
    'a',
    '1',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u2028',
    '支',
    '😤',
  ),
  maxLength: 80,
});

describe('escapeMarkdown', () => {
  it('leaves ordinary punctuation alone', () => {
    expect(escapeMarkdown('Rated 4.6 by 1,200 customers (FSCS?)')).toBe(
      'Rated 4.6 by 1,200 customers (FSCS?)',
    );
    expect(escapeMarkdown('R&D said: 50% + VAT = too much! snake_case, C#, a < b, a > b, #1')).toBe(
      'R&D said: 50% + VAT = too much! snake_case, C#, a < b, a > b, #1',
    );
    expect(escapeMarkdown('Took ~3 weeks; e-mail {ref} ^ x-y')).toBe(
      'Took ~3 weeks; e-mail {ref} ^ x-y',
    );
    expect(escapeMarkdown('Path C:\\Users\\me')).toBe('Path C:\\Users\\me');
  });

  it('neutralises headings, links, images, HTML, code and emphasis', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('[click](http://evil.example)')).toBe('\\[click\\](http://evil.example)');
    expect(escapeMarkdown('![x](y)')).toBe('!\\[x\\](y)');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)>');
    expect(escapeMarkdown('<https://x.example>')).toBe('\\<https://x.example>');
    expect(escapeMarkdown('**bold** _it_ `code` | a |')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\| a \\|',
    );
    expect(escapeMarkdown('&amp; &#169; &#x1F600;')).toBe('\\&amp; \\&#169; \\&#x1F600;');
    expect(escapeMarkdown('~~gone~~')).toBe('\\~\\~gone\\~\\~');
    expect(escapeMarkdown('a \\* b \\')).toBe('a \\\\\\* b \\\\');
  });

  it('escapes list, quote and break markers only at the start of a line', () => {
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2) second')).toBe('2\\) second');
    expect(escapeMarkdown('In 2024. Step 1. done')).toBe('In 2024. Step 1. done');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('* item')).toBe('\\* item');
    expect(escapeMarkdown('> quoted')).toBe('\\> quoted');
    expect(escapeMarkdown('-5% churn')).toBe('-5% churn');
    expect(escapeMarkdown('+1 from support')).toBe('+1 from support');
    expect(escapeMarkdown('a\n---\nb\n===\n_ _ _', '  ')).toBe(
      'a\\\n  \\---\\\n  b\\\n  \\===\\\n  \\_ \\_ \\_',
    );
  });

  it('keeps a multi-line note inside its list item with hard breaks and no block starts', () => {
    expect(escapeMarkdown('line one\n# two\n\n\n    - three', '  ')).toBe(
      'line one\\\n  \\# two\\\n  \\- three',
    );
    // A line ending in a backslash keeps it, and the hard break after it still breaks.
    expect(escapeMarkdown('ends with \\\nnext', '  ')).toBe('ends with \\\\\\\n  next');
  });

  it('joins lines with spaces for headings', () => {
    expect(escapeMarkdown('Stage\n# Injected')).toBe('Stage \\# Injected');
  });

  it('keeps emoji, CJK and RTL text as they are', () => {
    expect(escapeMarkdown('支払い 😤 الدفع')).toBe('支払い 😤 الدفع');
  });

  it('reads back as the text, and starts no syntax, whatever the text (property)', () => {
    fc.assert(
      fc.property(markdownish, fc.boolean(), (text, multiline) => {
        const out = escapeMarkdown(text, multiline ? '  ' : undefined);
        const lines = multiline ? out.split('\\\n  ') : [out];
        expect(unescape(lines.join(' '))).toBe(plain(text));
        for (const line of multiline ? lines : plain(text) === '' ? [] : [out]) {
          expect(syntaxIn(line)).toEqual([]);
        }
        // No output line starts a block: every line is a continuation or plain text.
        for (const line of out.split('\n').slice(1)) expect(line.startsWith('  ')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
