import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeHtml, htmlToText, textToHtml } from './html-text';

describe('htmlToText', () => {
  it('turns paragraphs and breaks into lines', () => {
    expect(htmlToText('<p>First</p><p>Second</p>')).toBe('First\nSecond');
    expect(htmlToText('one<br>two<br/>three<br />four')).toBe('one\ntwo\nthree\nfour');
    expect(htmlToText('<p>a<br>b</p><p>c</p>')).toBe('a\nb\nc');
  });

  it('keeps an empty paragraph as a blank line, and drops a break that ends a paragraph', () => {
    expect(htmlToText('<p>a</p><p><br></p><p>b</p>')).toBe('a\n\nb');
    expect(htmlToText('<p>a<br></p><p>b</p>')).toBe('a\nb');
    expect(htmlToText('<p></p><p>a</p><p></p>')).toBe('a');
  });

  it('drops inline markup but keeps its text', () => {
    expect(
      htmlToText(
        '<p><strong>Bold</strong> and <em>it</em><i>alic</i>, <u>u</u><s>s</s> <b>b</b></p>',
      ),
    ).toBe('Bold and italic, us b');
    expect(
      htmlToText(
        '<p>See <a href="https://example.com/?a=1&amp;b=2" target="_blank">the docs</a></p>',
      ),
    ).toBe('See the docs');
  });

  it('decodes named, decimal and hex entities once', () => {
    expect(
      htmlToText('<p>Fish &amp; chips &lt;3 &quot;yes&quot; &#39;no&#39; &apos;x&apos;</p>'),
    ).toBe(`Fish & chips <3 "yes" 'no' 'x'`);
    expect(htmlToText('<p>&#233;t&#xE9; &#x1F600; &mdash; &hellip;</p>')).toBe('été 😀 — …');
    expect(htmlToText('<p>&amp;lt;p&amp;gt; stays text</p>')).toBe('&lt;p&gt; stays text');
    expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe(
      '<script>alert(1)</script>',
    );
    // As the HTML standard decodes numeric references: invalid code points read as U+FFFD.
    expect(htmlToText('<p>&unknown; &#xD800; &#0; &#99999999;</p>')).toBe(
      '&unknown; \ufffd \ufffd \ufffd',
    );
  });

  it('tidies whitespace: source newlines are spaces, runs collapse, nbsp is a space, lines trimmed', () => {
    expect(htmlToText('<p>  Hello\n   world  </p>\n<p>\tnext</p>')).toBe('Hello world\nnext');
    expect(htmlToText('<p>a&nbsp;&nbsp;b\u00a0c</p>')).toBe('a b c');
  });

  it('keeps emoji and non-Latin scripts intact', () => {
    expect(htmlToText('<p>👩‍💻 Zoë 開設 口座 — مرحبا — Привет 🇩🇪</p>')).toBe(
      '👩‍💻 Zoë 開設 口座 — مرحبا — Привет 🇩🇪',
    );
  });

  it('reads plain text (no markup) as it is', () => {
    expect(htmlToText('Just text')).toBe('Just text');
    expect(htmlToText('')).toBe('');
  });

  it('ignores comments and unknown tags', () => {
    expect(htmlToText('<p>a<!-- <b>hidden</b> -->b</p><div>c</div><span style="x">d</span>')).toBe(
      'ab\nc\nd',
    );
  });
});

describe('textToHtml', () => {
  it('escapes every special character and makes one paragraph per line', () => {
    expect(textToHtml(`a & b < c > d "e" 'f'`)).toBe(
      '<p>a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;</p>',
    );
    expect(textToHtml('one\ntwo\r\nthree')).toBe('<p>one</p><p>two</p><p>three</p>');
    expect(textToHtml('a\n\nb')).toBe('<p>a</p><p></p><p>b</p>');
    expect(textToHtml('')).toBe('');
  });

  it('never lets text become markup', () => {
    expect(textToHtml('<b>not bold</b>')).toBe('<p>&lt;b&gt;not bold&lt;/b&gt;</p>');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

/** What survives a trip through HTML: collapsed spaces, trimmed lines, no outer blank lines. */
const tidy = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');

describe('textToHtml, as the playground editor uses it', () => {
  it('keeps empty lines and Windows or old Mac line ends as lines; empty text stays empty', () => {
    expect(textToHtml('a\r\n\r\nb\rc')).toBe('<p>a</p><p></p><p>b</p><p>c</p>');
    expect(textToHtml('')).toBe('');
  });
  it('escapes the ampersand first, so references are not double-decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('round trip', () => {
  it('htmlToText(textToHtml(t)) is t, tidied, for any text', () => {
    const char = fc.oneof(
      fc.constantFrom(
        '&',
        '<',
        '>',
        '"',
        "'",
        ' ',
        '\n',
        '\t',
        '\u00a0',
        ';',
        '#',
        'é',
        '😀',
        '開',
        'ж',
        'a',
        'Z',
      ),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(htmlToText(textToHtml(text))).toBe(tidy(text));
      }),
      { numRuns: 500 },
    );
  });

  it('decodeEntities inverts escapeHtml', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(decodeEntities(escapeHtml(text))).toBe(text);
      }),
    );
  });
});
