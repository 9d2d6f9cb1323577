import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, toFoldedText } from './tokenize';

describe('tokenize', () => {
  it('never throws and yields only non-empty lowercase tokens, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const tokens = tokenize(text);
        for (const t of tokens) {
          expect(t.term.length).toBeGreaterThan(0);
          expect(t.term).toBe(t.term.toLowerCase());
          expect(t.surface).toBe(t.surface.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('stems, drops stop words, numbers, punctuation and emoji', () => {
    expect(tokenize('The payments are LATE again!! 2 weeks 🙁').map((t) => t.term)).toEqual([
      'payment',
      'late',
      'again',
      'week',
    ]);
  });

  it('folds accents and handles apostrophes', () => {
    expect(tokenize('Café résumé').map((t) => t.surface)).toEqual(['cafe', 'resume']);
    expect(tokenize("the card's PIN doesn't work").map((t) => t.surface)).toEqual([
      'card',
      'pin',
      'work',
    ]);
    expect(tokenize('Don’t know').map((t) => t.surface)).toEqual(['know']);
  });

  it('keeps the surface word beside its stem', () => {
    expect(tokenize('refunds')).toEqual([{ term: 'refund', surface: 'refunds' }]);
  });

  it('splits scripts without spaces into character bigrams, and keeps other scripts whole', () => {
    expect(tokenize('退款太慢').map((t) => t.term)).toEqual(['退款', '款太', '太慢']);
    expect(tokenize('慢').map((t) => t.term)).toEqual(['慢']);
    expect(tokenize('Привет мир').map((t) => t.term)).toEqual(['привет', 'мир']);
    expect(tokenize('iPhone手机').map((t) => t.term)).toEqual(['iphon', '手机']);
  });

  it('folds full-width letters', () => {
    expect(toFoldedText('ＡＢＣ')).toBe('abc');
  });
});
