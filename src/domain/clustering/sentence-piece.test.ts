import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSentencePiece, type Vocabulary } from './sentence-piece';

// Six control symbols, then pieces with log-probabilities (higher = more likely).
const VOCAB: Vocabulary = [
  ['<unk>', 0],
  ['<s>', 0],
  ['</s>', 0],
  ['x1', 0],
  ['x2', 0],
  ['x3', 0],
  ['\u2581card', -2],
  ['\u2581car', -3],
  ['d', -3],
  ['\u2581', -4],
  ['c', -5],
  ['a', -5],
  ['r', -5],
  ['\u2581lost', -2],
  ['s', -4],
];

describe('createSentencePiece', () => {
  const sp = createSentencePiece(VOCAB);

  it('picks the most likely segmentation (Viterbi), not the greedy longest match', () => {
    expect(sp.encode('card')).toEqual([6]);
    expect(sp.encode('cards')).toEqual([6, 14]);
    expect(sp.encode('lost card')).toEqual([13, 6]);
  });

  it('normalises spaces and width (NFKC) before encoding', () => {
    expect(sp.encode('  lost \t card ')).toEqual(sp.encode('lost card'));
    expect(sp.encode('ｃａｒｄ')).toEqual(sp.encode('card'));
  });

  it('collapses runs of unknown symbols into one <unk>', () => {
    expect(sp.encode('card 🙂🙂🙂')).toEqual([6, 9, 0]);
  });

  it('gives [] for empty input and cuts very long input', () => {
    expect(sp.encode('')).toEqual([]);
    expect(sp.encode('   ')).toEqual([]);
    const short = createSentencePiece(VOCAB, { maxChars: 10 });
    expect(short.encode('card '.repeat(2000)).length).toBeLessThanOrEqual(10);
  });

  it('never throws and returns valid ids for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const ids = sp.encode(text);
        return ids.every((id) => Number.isInteger(id) && id >= 0 && id < VOCAB.length);
      }),
    );
  });
});
