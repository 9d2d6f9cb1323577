import { describe, expect, it } from 'vitest';
import {
  clampGranularityStep,
  exactGroupCount,
  GRANULARITY_STEPS,
  granularityOf,
} from './group-controls';

describe('group controls', () => {
  it('keeps the slider step within its range', () => {
    expect(clampGranularityStep(2)).toBe(2);
    expect(clampGranularityStep(9)).toBe(GRANULARITY_STEPS);
    expect(clampGranularityStep(-9)).toBe(-GRANULARITY_STEPS);
  });

  it('turns the outermost steps into granularity −1 and +1', () => {
    expect(granularityOf(GRANULARITY_STEPS)).toBe(1);
    expect(granularityOf(-GRANULARITY_STEPS)).toBe(-1);
    expect(granularityOf(2)).toBe(0.5);
  });

  it('asks for a whole number of groups, at least one, or none', () => {
    expect(exactGroupCount(3.6)).toBe(4);
    expect(exactGroupCount(0)).toBe(1);
    expect(exactGroupCount(-5)).toBe(1);
    expect(exactGroupCount(Number.NaN)).toBeNull();
    expect(exactGroupCount(Number.POSITIVE_INFINITY)).toBeNull();
    expect(exactGroupCount(null)).toBeNull();
  });
});
