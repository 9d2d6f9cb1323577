import { describe, expect, it } from 'vitest';
import { contrastRatio, inkOn, luminance, TAG_COLOR_HEX } from './colors';

describe('colors', () => {
  it('computes luminance from short and long hex', () => {
    expect(luminance('#fff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('picks the ink that contrasts more, so a red chip gets dark text', () => {
    expect(inkOn('#1a1a1a')).toBe('#ffffff');
    expect(inkOn('#fff9b1')).toBe('#1a1a1a');
    // White on Miro's red is 3.7:1; dark ink is 4.6:1.
    expect(inkOn(TAG_COLOR_HEX.red)).toBe('#1a1a1a');
  });
});
