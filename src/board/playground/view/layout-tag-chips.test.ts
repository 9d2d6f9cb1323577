import { describe, expect, it } from 'vitest';
import { layoutTagChips } from './layout-tag-chips';

const tag = (title: string) => ({ title, color: 'red' });

describe('layoutTagChips', () => {
  it('has no chips and no height without tags', () => {
    expect(layoutTagChips([], 200, 10)).toEqual({ chips: [], height: 0, hidden: 0 });
  });
  it('puts chips left to right within the width', () => {
    const { chips, hidden } = layoutTagChips([tag('Awareness'), tag('Pain')], 300, 10);
    expect(chips.map((c) => c.title)).toEqual(['Awareness', 'Pain']);
    expect(chips[1]!.x).toBeGreaterThan(chips[0]!.x + chips[0]!.width);
    expect(hidden).toBe(0);
  });
  it('wraps to a second row, and counts what does not fit in a "+N" chip', () => {
    const many = Array.from({ length: 8 }, (_, i) => tag(`Stage · Onboarding ${i}`));
    const layout = layoutTagChips(many, 160, 10);
    expect(layout.hidden).toBeGreaterThan(0);
    const last = layout.chips.at(-1)!;
    expect(last.title).toBe(`+${layout.hidden}`);
    for (const chip of layout.chips) expect(chip.x + chip.width).toBeLessThanOrEqual(160 + 1e-9);
    expect(new Set(layout.chips.map((c) => c.y)).size).toBe(2);
  });
  it('cuts a title longer than the row', () => {
    const { chips } = layoutTagChips([tag('x'.repeat(200))], 100, 10);
    expect(chips[0]!.title.endsWith('\u2026')).toBe(true);
    expect(chips[0]!.width).toBeLessThanOrEqual(100);
  });
});
