import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToHtml } from '../../html-text';
import { htmlToLines, htmlToPlainText } from './html-to-lines';

describe('htmlToLines', () => {
  it('gives one line per paragraph', () => {
    expect(htmlToLines('<p>Open account</p><p>Verify ID</p>')).toEqual([
      'Open account',
      'Verify ID',
    ]);
  });

  it('breaks lines at <br> and drops inline tags, keeping their text', () => {
    expect(htmlToLines('<p><strong>Slow</strong> KYC<br/>takes <em>days</em></p>')).toEqual([
      'Slow KYC',
      'takes days',
    ]);
  });

  it('keeps empty paragraphs as empty lines', () => {
    expect(htmlToLines('<p>a</p><p></p><p>b</p>')).toEqual(['a', '', 'b']);
  });

  it('gives no lines for empty content', () => {
    expect(htmlToLines('')).toEqual([]);
    expect(htmlToLines('   ')).toEqual([]);
  });

  it('decodes character references after stripping tags, so escaped markup stays text', () => {
    expect(htmlToLines('<p>&lt;img src=x onerror=alert(1)&gt; &amp; co</p>')).toEqual([
      '<img src=x onerror=alert(1)> & co',
    ]);
  });

  it('drops real tags, scripts and comments entirely', () => {
    expect(
      htmlToLines('<p>hi<img src=x onerror=alert(1)><script>alert(2)</script><!-- x --></p>'),
    ).toEqual(['hi']);
  });

  it('treats source line breaks inside HTML as spaces, and between blocks as nothing', () => {
    expect(htmlToLines('<p>one\ntwo</p>\n  <p>three</p>')).toEqual(['one two', 'three']);
  });

  it('reads text without tags as plain text lines', () => {
    expect(htmlToLines('first\r\nsecond')).toEqual(['first', 'second']);
    expect(htmlToLines('a < b')).toEqual(['a < b']);
  });

  it('lists items with bullets', () => {
    expect(htmlToLines('<ul><li>a</li><li>b</li></ul>')).toEqual(['\u2022 a', '\u2022 b']);
  });

  it('round-trips plain text through textToHtml', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\r')),
        (text) => {
          expect(htmlToPlainText(textToHtml(text))).toBe(text);
        },
      ),
    );
  });
});
