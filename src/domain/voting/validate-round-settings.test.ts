import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRoundSettings } from './validate-round-settings';

const valid = {
  title: '  Biggest pain points ',
  target: {
    kind: 'stage',
    refId: 'st-1',
    description: 'Stage · Onboarding',
    itemIds: ['a', 'b', 'a'],
  },
  votesPerPerson: 3,
  perItemCap: 2,
  privacy: 'secret-until-reveal',
  durationMinutes: 10,
};

const problemsOf = (input: unknown) => {
  const r = validateRoundSettings(input);
  return r.ok ? [] : r.problems;
};

describe('validateRoundSettings', () => {
  it('accepts valid settings, trims the title and drops repeated item ids', () => {
    const r = validateRoundSettings(valid);
    expect(r).toEqual({
      ok: true,
      settings: {
        title: 'Biggest pain points',
        target: {
          kind: 'stage',
          refId: 'st-1',
          description: 'Stage · Onboarding',
          itemIds: ['a', 'b'],
        },
        votesPerPerson: 3,
        perItemCap: 2,
        weights: null,
        privacy: 'secret-until-reveal',
        durationMinutes: 10,
      },
    });
  });

  it('reads a missing cap as stacking and a missing duration as none', () => {
    const r = validateRoundSettings({ ...valid, perItemCap: undefined, durationMinutes: null });
    expect(r.ok && r.settings.perItemCap).toBe(null);
    expect(r.ok && r.settings.durationMinutes).toBe(null);
  });

  it.each([0, 100, 2.5, '3', null])('refuses %s votes per person', (votesPerPerson) => {
    expect(problemsOf({ ...valid, votesPerPerson })).toEqual([
      { field: 'votesPerPerson', message: 'Votes per person must be a whole number from 1 to 99.' },
    ]);
  });

  it('accepts the edges of the budget, 1 and 99', () => {
    expect(validateRoundSettings({ ...valid, perItemCap: 1, votesPerPerson: 1 }).ok).toBe(true);
    expect(validateRoundSettings({ ...valid, votesPerPerson: 99 }).ok).toBe(true);
  });

  it('refuses a cap above the budget, or below 1', () => {
    expect(problemsOf({ ...valid, perItemCap: 4 })[0]?.field).toBe('perItemCap');
    expect(problemsOf({ ...valid, perItemCap: 0 })[0]?.field).toBe('perItemCap');
  });

  it('refuses an empty title, an unknown target kind, a stage without id and an empty target', () => {
    expect(problemsOf({ ...valid, title: '   ' })).toEqual([
      { field: 'title', message: 'The round needs a title.' },
    ]);
    expect(problemsOf({ ...valid, target: { ...valid.target, kind: 'board' } })[0]?.field).toBe(
      'target.kind',
    );
    expect(problemsOf({ ...valid, target: { ...valid.target, refId: '' } })).toEqual([
      { field: 'target.refId', message: 'Choose the stage to vote on.' },
    ]);
    expect(problemsOf({ ...valid, target: { ...valid.target, itemIds: [] } })).toEqual([
      {
        field: 'target.itemIds',
        message: 'There is nothing to vote on: the chosen target has no items.',
      },
    ]);
    expect(problemsOf({ ...valid, target: { ...valid.target, itemIds: ['a', 7] } })[0]?.field).toBe(
      'target.itemIds',
    );
  });

  it('refuses an unknown privacy mode and a bad duration', () => {
    expect(problemsOf({ ...valid, privacy: 'private' })[0]?.field).toBe('privacy');
    expect(problemsOf({ ...valid, durationMinutes: 0 })[0]?.field).toBe('durationMinutes');
    expect(problemsOf({ ...valid, durationMinutes: 60 * 24 * 8 })[0]?.field).toBe(
      'durationMinutes',
    );
  });

  describe('weights', () => {
    it('accepts 3-2-1 with 3 votes per person and sets the cap to 1', () => {
      const r = validateRoundSettings({ ...valid, perItemCap: null, weights: [3, 2, 1] });
      expect(r.ok && r.settings.weights).toEqual([3, 2, 1]);
      expect(r.ok && r.settings.perItemCap).toBe(1);
    });

    it('says how many picks the weights imply when the budget differs', () => {
      expect(
        problemsOf({ ...valid, perItemCap: null, votesPerPerson: 5, weights: [3, 2, 1] }),
      ).toEqual([
        {
          field: 'votesPerPerson',
          message: 'With weights 3-2-1 each person has 3 ranked picks: votes per person must be 3.',
        },
      ]);
    });

    it('refuses increasing, non-whole, empty or non-list weights, and a cap above 1', () => {
      expect(problemsOf({ ...valid, perItemCap: null, weights: [1, 2, 3] })[0]?.message).toMatch(
        /first pick down/,
      );
      expect(problemsOf({ ...valid, perItemCap: null, weights: [3, 1.5, 1] })[0]?.field).toBe(
        'weights',
      );
      expect(problemsOf({ ...valid, perItemCap: null, weights: [] })[0]?.field).toBe('weights');
      expect(problemsOf({ ...valid, perItemCap: null, weights: '3-2-1' })[0]?.field).toBe(
        'weights',
      );
      expect(problemsOf({ ...valid, perItemCap: 2, weights: [3, 2, 1] })).toEqual([
        {
          field: 'perItemCap',
          message: 'Ranked picks are distinct items: the cap per item must be 1.',
        },
      ]);
    });
  });

  it('never throws, and whatever it accepts keeps the invariants', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: fc.oneof(fc.string(), fc.constant('Vote')),
          target: fc.oneof(
            fc.anything(),
            fc.record({
              kind: fc.constantFrom('selection', 'stage', 'lane', 'map', 'clusters', 'x'),
              refId: fc.option(fc.string()),
              description: fc.option(fc.string()),
              itemIds: fc.array(fc.oneof(fc.string(), fc.integer())),
            }),
          ),
          votesPerPerson: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.anything()),
          perItemCap: fc.option(fc.integer({ min: -2, max: 120 })),
          weights: fc.option(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 6 })),
          privacy: fc.constantFrom('anonymous', 'secret-until-reveal', 'open', 'nope'),
          durationMinutes: fc.option(fc.integer({ min: -1, max: 20000 })),
        }),
        (input) => {
          const r = validateRoundSettings(input);
          if (!r.ok) return r.problems.length > 0;
          const s = r.settings;
          const capOk =
            s.perItemCap === null || (s.perItemCap >= 1 && s.perItemCap <= s.votesPerPerson);
          const weightsOk =
            s.weights === null || (s.weights.length === s.votesPerPerson && s.perItemCap === 1);
          return (
            s.title.length > 0 &&
            s.votesPerPerson >= 1 &&
            s.votesPerPerson <= 99 &&
            capOk &&
            weightsOk &&
            s.target.itemIds.length > 0 &&
            new Set(s.target.itemIds).size === s.target.itemIds.length
          );
        },
      ),
    );
  });
});
