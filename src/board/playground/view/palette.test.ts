import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../../domain/board/board-item';
import { PICKER_COLORS, STICKY_FILL, tagFill, textColorOn } from './palette';

describe('palette', () => {
  it('offers every sticky colour once', () => {
    expect([...PICKER_COLORS].sort()).toEqual([...PALETTE].sort());
    for (const c of PICKER_COLORS) expect(STICKY_FILL[c]).toMatch(/^#[0-9a-f]{6}$/);
  });
  it('writes white on black notes and dark ink on light ones', () => {
    expect(textColorOn(STICKY_FILL.black)).toBe('#ffffff');
    expect(textColorOn(STICKY_FILL.light_yellow)).toBe('#1a1a1a');
  });
  it('takes tag colours by Miro name or as hex', () => {
    expect(tagFill('red')).toBe('#f24726');
    expect(tagFill('#123')).toBe('#123');
    expect(tagFill('no-such-colour')).toMatch(/^#/);
  });
});
