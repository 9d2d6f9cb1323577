import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from './fit-text';
import { createTextMeasurer, measureBoardText } from './measure-text';

describe('createTextMeasurer', () => {
  it('scales the canvas width at 100 px to the font size and caches per string', () => {
    const measured: string[] = [];
    const measure = createTextMeasurer({
      measureText: (text: string) => {
        measured.push(text);
        return { width: text.length * 50 } as TextMetrics;
      },
    });
    expect(measure('abcd', 10)).toBe(20);
    expect(measure('abcd', 20)).toBe(40);
    expect(measured).toEqual(['abcd']);
  });

  it('falls back to the estimate without a canvas', () => {
    expect(createTextMeasurer(null)).toBe(estimateTextWidth);
  });
});

describe('measureBoardText', () => {
  it('estimates in Node, where there is no canvas', () => {
    expect(measureBoardText('Hello', 12)).toBe(estimateTextWidth('Hello', 12));
  });
});
