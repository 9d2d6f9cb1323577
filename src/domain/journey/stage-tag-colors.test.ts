import { describe, expect, it } from 'vitest';
import { contrastRatio, inkOn, TAG_COLOR_HEX } from '../board/colors';
import { stageTagTitle, type MapSpec } from './map-spec';
import {
  STAGE_TAG_COLORS,
  stageChipFill,
  stageTagColor,
  stageTagColorOf,
} from './stage-tag-colors';

const spec = { stages: ['A', 'B', 'C'].map((name) => ({ id: `s${name}`, name })) } as MapSpec;

describe('stage tag colours', () => {
  it('gives the stages of a usual map (up to 8) distinct colours, and cycles after 12', () => {
    const first = Array.from({ length: 8 }, (_, i) => stageTagColor(i));
    expect(new Set(first).size).toBe(8);
    expect(new Set(STAGE_TAG_COLORS).size).toBe(12);
    expect(STAGE_TAG_COLORS.every((c) => c in TAG_COLOR_HEX)).toBe(true);
    expect(stageTagColor(12)).toBe(stageTagColor(0));
    expect(stageTagColor(-1)).toBe(stageTagColor(11));
  });

  it('makes neighbouring stages clearly different', () => {
    for (let i = 0; i < 7; i += 1) {
      expect(contrastRatio(stageChipFill(i), stageChipFill(i + 1))).not.toBeCloseTo(1, 1);
    }
  });

  it('keeps every chip readable: its ink contrasts at least 4.5:1', () => {
    for (let i = 0; i < STAGE_TAG_COLORS.length; i += 1) {
      const fill = stageChipFill(i);
      expect(contrastRatio(fill, inkOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('finds a tag’s stage by the map’s recorded title, else by the default title', () => {
    expect(stageTagColorOf(spec, { sB: 'Café · B' }, 'Café · B')).toBe(stageTagColor(1));
    expect(stageTagColorOf(spec, { sB: 'Café · B' }, stageTagTitle('C'))).toBe(stageTagColor(2));
    expect(stageTagColorOf(spec, undefined, 'Quick win')).toBeUndefined();
  });
});
