import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './escape-markdown';

const SPECIAL = '\\`*_{}[]()#+-.!|<>~&=^';

/** True when every special character is preceded by an odd run of backslashes (i.e. escaped). */
function allEscaped(out: string): boolean {
  for (let i = 0; i < out.length; i += 1) {
    const ch = out[i] as string;
    if (ch === '\\') {
      // An escaping backslash: skip the character it escapes (or the line break it makes hard).
      i += 1;
      continue;
    }
    if (SPECIAL.includes(ch)) return false;
  }
  return true;
}

// Text made mostly of the characters that matter, plus line breaks, spaces and non-ASCII.
const markdownish = fc.string({
  unit: fc.constantFrom(
    ...SPECIAL.split(''),
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
  it('neutralises headings, links, images, HTML, emphasis, lists and tables', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('[click](http://evil.example)')).toBe(
      '\\[click\\]\\(http://evil\\.example\\)',
    );
    expect(escapeMarkdown('![x](y)')).toBe('\\!\\[x\\]\\(y\\)');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe(
      '\\<img src\\=x onerror\\=alert\\(1\\)\\>',
    );
    expect(escapeMarkdown('**bold** _it_ `code` | a |')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\| a \\|',
    );
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('&amp;')).toBe('\\&amp;');
  });

  it('keeps a multi-line note inside its list item with hard breaks and no block starts', () => {
    expect(escapeMarkdown('line one\n# two\n\n\n    - three', '  ')).toBe(
      'line one\\\n  \\# two\\\n  \\- three',
    );
  });

  it('joins lines with spaces for headings', () => {
    expect(escapeMarkdown('Stage\n# Injected')).toBe('Stage \\# Injected');
  });

  it('keeps emoji, CJK and RTL text as they are', () => {
    expect(escapeMarkdown('支払い 😤 الدفع')).toBe('支払い 😤 الدفع');
  });

  it('leaves no special character unescaped, whatever the text (property)', () => {
    fc.assert(
      fc.property(markdownish, fc.boolean(), (text, multiline) => {
        const out = escapeMarkdown(text, multiline ? '  ' : undefined);
        expect(allEscaped(out)).toBe(true);
        // No output line starts a block: every line is a continuation or plain text.
        for (const line of out.split('\n').slice(1)) expect(line.startsWith('  ')).toBe(true);
      }),
    );
  });
});
