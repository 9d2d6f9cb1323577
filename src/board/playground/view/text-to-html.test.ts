import { describe, expect, it } from 'vitest';
import { escapeHtml, textToHtml } from './text-to-html';

describe('textToHtml', () => {
  it('wraps each line in a paragraph', () => {
    expect(textToHtml('one\ntwo')).toBe('<p>one</p><p>two</p>');
  });
  it('escapes markup characters', () => {
    expect(textToHtml('<b>&</b>')).toBe('<p>&lt;b&gt;&amp;&lt;/b&gt;</p>');
  });
  it('keeps empty lines and Windows line ends as lines', () => {
    expect(textToHtml('a\r\n\r\nb')).toBe('<p>a</p><p></p><p>b</p>');
  });
  it('leaves empty text empty', () => {
    expect(textToHtml('')).toBe('');
  });
  it('escapes the ampersand first, so references are not double-decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
