import { describe, expect, it } from 'vitest';
import { stageTagTitle, type MapSpec } from './map-spec';
import { specLimitsOf, validateSpec } from './validate-spec';

/** A stage name becomes the tag `Stage · <name>`, which must fit Miro's 120 characters. */
const MAX_STAGE_NAME = 112;

const makeSpec = (stageNames: string[], laneNames: string[] = ['Doing']): MapSpec => ({
  id: 'm1',
  title: 'Onboarding',
  presetId: 'blank',
  persona: null,
  stages: stageNames.map((name, i) => ({ id: `s${i}`, name })),
  lanes: laneNames.map((name, i) => ({ id: `l${i}`, name, kind: 'other' as const })),
});

const messages = (spec: MapSpec, tags: string[] = []) => {
  const result = validateSpec(spec, tags);
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('validateSpec', () => {
  it('accepts a plain spec', () => {
    expect(validateSpec(makeSpec(['Awareness', 'Purchase']))).toEqual({ ok: true });
  });

  it('refuses a stage name whose tag would pass 120 characters, and says the limit', () => {
    expect(stageTagTitle('x'.repeat(MAX_STAGE_NAME))).toHaveLength(120);
    expect(validateSpec(makeSpec(['x'.repeat(MAX_STAGE_NAME)])).ok).toBe(true);
    const msgs = messages(makeSpec(['x'.repeat(121)]));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(/^stages\.s0: Stage 1 name is 121 characters long; the limit is 112/);
    expect(messages(makeSpec(['x'.repeat(113)]))[0]).toMatch(/113 characters/);
  });

  it("holds stage names to what fits the board's tag titles (MURAL: 25 characters)", () => {
    const mural = specLimitsOf({ limits: { tagTitle: 25, tagsPerBoard: 100 } });
    expect(mural).toEqual({ maxTagTitle: 25, maxBoardTags: 100 });
    expect(validateSpec(makeSpec(['Consideration']), [], mural)).toEqual({ ok: true });
    const result = validateSpec(makeSpec(['Problem identification']), [], mural);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]!.message).toBe(
        'Stage 1 name is 22 characters long; the limit is 17 (its tag "Stage · …" must fit 25).',
      );
    expect(validateSpec(makeSpec(['Problem identification'])).ok).toBe(true);
  });

  it('refuses a lane name over 120 characters', () => {
    expect(messages(makeSpec(['A'], ['y'.repeat(121)]))[0]).toMatch(
      /^lanes\.l0: Lane 1 name is 121 characters long; the limit is 120\.$/,
    );
  });

  it('refuses 0 stages and 0 lanes', () => {
    expect(messages(makeSpec([], []))).toEqual([
      'stages: The map needs at least one stage.',
      'lanes: The map needs at least one lane.',
    ]);
  });

  it('refuses 30 stages and names the maximum', () => {
    const msgs = messages(makeSpec(Array.from({ length: 30 }, (_, i) => `Stage ${i + 1}`)));
    expect(msgs).toEqual(['stages: The map has 30 stages; the maximum is 20.']);
    expect(validateSpec(makeSpec(Array.from({ length: 20 }, (_, i) => `S${i}`))).ok).toBe(true);
  });

  it('refuses 13 lanes', () => {
    const lanes = Array.from({ length: 13 }, (_, i) => `Lane ${i}`);
    expect(messages(makeSpec(['A'], lanes))).toEqual([
      'lanes: The map has 13 lanes; the maximum is 12.',
    ]);
  });

  it('refuses duplicate names case-insensitively, and empty names', () => {
    expect(messages(makeSpec(['Purchase', ' purchase ']))).toEqual([
      'stages.s1: Two stages are called "Purchase": stage names must differ.',
    ]);
    expect(messages(makeSpec(['A'], ['Pain', 'PAIN']))[0]).toMatch(/Two lanes are called "Pain"/);
    expect(messages(makeSpec(['A', '   ']))).toEqual(['stages.s1: Stage 2 needs a name.']);
  });

  it('refuses an empty title and repeated ids', () => {
    const spec = { ...makeSpec(['A', 'B']), title: ' ' };
    spec.stages[1] = { id: 's0', name: 'B' };
    expect(messages(spec)).toEqual([
      'title: The map needs a title.',
      'stages.s0: Stage 2 has a missing or repeated id.',
    ]);
  });

  it('refuses a board whose tags would pass 100, naming both numbers', () => {
    const existing = Array.from({ length: 100 }, (_, i) => `tag ${i}`);
    const msgs = messages(makeSpec(['Awareness', 'Purchase']), existing);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(
      /^tags: The board already has 100 tags and this map needs 2 new stage tags/,
    );
    expect(msgs[0]).toMatch(/at most 100/);
  });

  it('counts only missing stage tags against the budget', () => {
    const existing = [
      ...Array.from({ length: 98 }, (_, i) => `tag ${i}`),
      stageTagTitle('Awareness'),
      stageTagTitle('Purchase'),
    ];
    expect(validateSpec(makeSpec(['Awareness', 'Purchase']), existing)).toEqual({ ok: true });
    expect(messages(makeSpec(['Awareness', 'Purchase', 'Retention']), existing)[0]).toMatch(
      /100 tags and this map needs 1 new stage tag;/,
    );
  });
});

describe('board tag budget', () => {
  it("counts new stage tags against the board's own tag limit", () => {
    const small = specLimitsOf({ limits: { tagTitle: 120, tagsPerBoard: 3 } });
    const result = validateSpec(makeSpec(['A', 'B']), ['x', 'y'], small);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toContain('this board holds at most 3');
    expect(validateSpec(makeSpec(['A']), ['x', 'y'], small)).toEqual({ ok: true });
  });
});
