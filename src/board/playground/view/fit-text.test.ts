import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTextWidth, fitText, truncateToWidth, wrapLines } from './fit-text';

const options = { maxFontSize: 28, minFontSize: 7, lineHeight: 1.25 };

describe('estimateTextWidth', () => {
  it('grows with the text and the font size', () => {
    expect(estimateTextWidth('abc', 10)).toBeLessThan(estimateTextWidth('abcd', 10));
    expect(estimateTextWidth('abc', 20)).toBeCloseTo(2 * estimateTextWidth('abc', 10));
  });
  it('counts wide characters wider than narrow ones', () => {
    expect(estimateTextWidth('WWW', 10)).toBeGreaterThan(estimateTextWidth('iii', 10));
    expect(estimateTextWidth('漢', 10)).toBe(10);
  });
});

describe('wrapLines', () => {
  it('keeps a short line whole', () => {
    expect(wrapLines(['Open account'], 500, 10)).toEqual(['Open account']);
  });
  it('breaks at spaces to fit the width', () => {
    const lines = wrapLines(['aaa bbb ccc ddd eeeee'], estimateTextWidth('aaa bbb', 10) + 0.01, 10);
    expect(lines).toEqual(['aaa bbb', 'ccc ddd', 'eeeee']);
  });
  it('splits a word longer than the line', () => {
    const lines = wrapLines(['abcdabcdabcdabcd'], estimateTextWidth('abcd', 10) + 0.01, 10);
    expect(lines.join('')).toBe('abcdabcdabcdabcd');
    expect(lines.length).toBe(4);
  });
  it('keeps empty lines', () => {
    expect(wrapLines(['a', '', 'b'], 100, 10)).toEqual(['a', '', 'b']);
  });
  it('never produces a line wider than the width unless it is a single character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 5 }),
        fc.integer({ min: 20, max: 400 }),
        (lines, width) => {
          for (const line of wrapLines(lines, width, 12)) {
            if ([...line].length > 1)
              expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(width + 1e-9);
          }
        },
      ),
    );
  });
});

describe('fitText', () => {
  it('uses the largest size for short text', () => {
    const fitted = fitText(['Hi'], 180, 180, options);
    expect(fitted).toEqual({ fontSize: 28, lines: ['Hi'], truncated: false });
  });
  it('shrinks the font for long text, and the result fits the box', () => {
    const long = [
      'The identity check asks for a selfie and a passport photo but fails in low light, so customers give up',
    ];
    const fitted = fitText(long, 180, 180, options);
    expect(fitted.fontSize).toBeLessThan(28);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines.length * fitted.fontSize * 1.25).toBeLessThanOrEqual(180);
  });
  it('cuts text that cannot fit even at the smallest size, with an ellipsis', () => {
    const huge = [Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ')];
    const fitted = fitText(huge, 180, 180, options);
    expect(fitted.truncated).toBe(true);
    expect(fitted.fontSize).toBe(7);
    expect(fitted.lines.at(-1)?.endsWith('\u2026')).toBe(true);
    expect(fitted.lines.length * 7 * 1.25).toBeLessThanOrEqual(180);
  });
  it('gives no lines for no text', () => {
    expect(fitText([], 100, 100, options).lines).toEqual([]);
  });
});

describe('truncateToWidth', () => {
  it('keeps text that fits', () => {
    expect(truncateToWidth('Journey', 1000, 10)).toBe('Journey');
  });
  it('cuts text that does not fit, with an ellipsis, within the width', () => {
    const cut = truncateToWidth('Northstar Bank: opening an account', 100, 10);
    expect(cut.endsWith('\u2026')).toBe(true);
    expect(estimateTextWidth(cut, 10)).toBeLessThanOrEqual(100);
    expect(estimateTextWidth(`${cut.slice(0, -1)}x\u2026`, 10)).toBeGreaterThan(90);
  });
  it('gives just the ellipsis when nothing fits', () => {
    expect(truncateToWidth('abc', 1, 10)).toBe('\u2026');
  });
});
