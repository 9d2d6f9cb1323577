import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awkwardChar } from './testing/arbitrary-board';
import { LIMITS } from './limits';
import { tidyNoteText, tidyText } from './tidy-text';

describe('tidyText', () => {
  it.each([
    ['  hello   world  ', 'hello world'],
    ['a\r\nb\rc\u2028d', 'a\nb\nc\nd'],
    ['a \n  b', 'a\nb'],
    ['a\n\n\n\nb', 'a\n\nb'],
    ['tab\there', 'tab here'],
    ['nul\u0000bell\u0007del\u007fbom\ufeff', 'nulbelldelbom'],
    ['non\u00a0breaking', 'non breaking'],
    ['lone \ud83d surrogate \ude00', 'lone surrogate'],
    ['Cafe\u0301', 'Café'],
    ['I\u0000\u0301', '\u00cd'],
    ['👩‍👩‍👧 family', '👩‍👩‍👧 family'],
    ['支払いが分かりにくい', '支払いが分かりにくい'],
    ['\u200Fالدفع صعب', '\u200Fالدفع صعب'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(tidyText(input)).toBe(expected);
  });

  it('is idempotent and leaves no control characters or lone surrogates (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: awkwardChar, maxLength: 60 }), (raw) => {
        const once = tidyText(raw);
        expect(tidyText(once)).toBe(once);
        // eslint-disable-next-line no-control-regex -- checking for control characters
        expect(once).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        expect(encodeURIComponent(once)).toBeTypeOf('string'); // throws on a lone surrogate
      }),
    );
  });
});

describe('tidyNoteText', () => {
  it('keeps text up to the limit whole and cuts beyond it without splitting an emoji', () => {
    expect(tidyNoteText('x'.repeat(LIMITS.maxNoteText))).toEqual({
      text: 'x'.repeat(LIMITS.maxNoteText),
      truncated: false,
    });
    const cut = tidyNoteText(`${'x'.repeat(LIMITS.maxNoteText - 1)}😤tail`);
    expect(cut).toEqual({ text: 'x'.repeat(LIMITS.maxNoteText - 1), truncated: true });
  });
});
