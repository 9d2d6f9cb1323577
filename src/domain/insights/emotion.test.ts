import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveStageEmotions, faceOf, validateRating, type EmotionRating } from './emotion';

const rating = (over: Partial<EmotionRating>): EmotionRating => ({
  mapId: 'm1',
  stageId: 's1',
  personaId: 'p1',
  line: 'as-is',
  value: 0,
  raterKey: 'r1',
  department: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

describe('validateRating', () => {
  it('accepts a rating on the scale', () => {
    const result = validateRating(rating({ value: -2, department: 'sales' }));
    expect(result).toEqual({ ok: true, rating: rating({ value: -2, department: 'sales' }) });
  });

  it.each([3, -3, 1.5, '1', null, Number.NaN])(
    'refuses %s with a message naming the scale',
    (value) => {
      const result = validateRating({ ...rating({}), value });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.message).toContain('from -2 (very negative) to 2 (very positive)');
    },
  );

  it('refuses an unknown line, a missing stage and a non-object', () => {
    expect(validateRating({ ...rating({}), line: 'future' }).ok).toBe(false);
    expect(validateRating({ ...rating({}), stageId: '' }).ok).toBe(false);
    expect(validateRating('x').ok).toBe(false);
    expect(validateRating({ ...rating({}), updatedAt: 'yesterday' }).ok).toBe(false);
  });
});

describe('deriveStageEmotions', () => {
  it('gives mean, spread and histogram per stage in the map order, null where nobody rated', () => {
    const ratings = [
      rating({ stageId: 's2', value: 2, raterKey: 'a' }),
      rating({ stageId: 's2', value: -2, raterKey: 'b' }),
      rating({ stageId: 's1', value: 1, raterKey: 'a' }),
      rating({ stageId: 's1', value: 1, raterKey: 'b', personaId: 'other' }),
      rating({ stageId: 's1', value: -1, raterKey: 'c', line: 'to-be' }),
    ];
    const stats = deriveStageEmotions(ratings, ['s1', 's2', 's3'], 'p1', 'as-is');
    expect(stats).toEqual([
      { stageId: 's1', count: 1, mean: 1, spread: 0, histogram: [0, 0, 0, 1, 0] },
      { stageId: 's2', count: 2, mean: 0, spread: 2, histogram: [1, 0, 0, 0, 1] },
      { stageId: 's3', count: 0, mean: null, spread: null, histogram: [0, 0, 0, 0, 0] },
    ]);
  });

  it('counts a rater once per stage: their latest rating wins', () => {
    const ratings = [
      rating({ value: -2, updatedAt: '2026-12-01T10:00:00.000Z' }),
      rating({ value: 2, updatedAt: '2026-12-01T11:00:00.000Z' }),
      rating({ value: 0, updatedAt: '2026-12-01T09:00:00.000Z' }),
    ];
    const [stage] = deriveStageEmotions(ratings, ['s1'], 'p1', 'as-is');
    expect(stage).toMatchObject({ count: 1, mean: 2 });
  });

  it('keeps the mean within the scale and the spread within half its range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const ratings = values.map((value, i) =>
            rating({ value: value as EmotionRating['value'], raterKey: `r${i}` }),
          );
          const [stage] = deriveStageEmotions(ratings, ['s1'], 'p1', 'as-is');
          expect(stage?.count).toBe(values.length);
          expect(stage?.mean).toBeGreaterThanOrEqual(-2);
          expect(stage?.mean).toBeLessThanOrEqual(2);
          expect(stage?.spread).toBeLessThanOrEqual(2);
          expect(stage?.histogram.reduce((a, b) => a + b, 0)).toBe(values.length);
        },
      ),
    );
  });
});

describe('faceOf', () => {
  it('rounds to the nearest face and clamps', () => {
    expect(faceOf(-1.6).label).toBe('Very negative');
    expect(faceOf(0.4).label).toBe('Neutral');
    expect(faceOf(0.6).label).toBe('Positive');
    expect(faceOf(9).label).toBe('Very positive');
  });
});
