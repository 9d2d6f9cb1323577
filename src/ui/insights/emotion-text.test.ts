import { describe, expect, it } from 'vitest';
import { curveStateText, signed, teamMoodFigures, teamMoodLabel } from './emotion-text';

describe('emotion text', () => {
  it("says a stage's team mood in words and in figures", () => {
    expect(teamMoodLabel(undefined)).toBe('Team: no ratings');
    expect(teamMoodLabel({ mean: null, spread: null, count: 0 })).toBe('Team: no ratings');
    expect(teamMoodLabel({ mean: -1.5, spread: 0.5, count: 2 })).toBe(
      'Team: Negative, mean −1.5, spread 0.5, 2 ratings',
    );
    expect(teamMoodLabel({ mean: 2, spread: null, count: 1 })).toMatch(/, spread 0\.0, 1 rating$/);
    expect(teamMoodFigures(-1.5, { mean: -1.5, spread: 0.5, count: 2 })).toBe('−1.5 ± 0.5 · 2');
    expect(teamMoodFigures(1, { mean: 1, spread: null, count: 1 })).toMatch(/ ± 0\.0 · 1$/);
  });

  it('signs a positive rating only', () => {
    expect([-2, -1, 0, 1, 2].map(signed)).toEqual(['-2', '-1', '0', '+1', '+2']);
  });

  it('says what the board holds of the curve, and who brings it up to date', () => {
    const curve = (drawn: boolean, canDraw: boolean) => ({ drawn, canDraw });
    expect(curveStateText(curve(false, true), true)).toBe('The curve is not on the board yet.');
    expect(curveStateText(curve(true, true), false)).toBe(
      'The curve on the board shows these ratings.',
    );
    expect(curveStateText(curve(true, true), true)).toBe(
      'Ratings changed since the curve was drawn; this panel updates it in a moment.',
    );
    expect(curveStateText(curve(true, false), true)).toBe(
      'Ratings changed since the curve was drawn; a facilitator’s panel updates it.',
    );
  });
});
