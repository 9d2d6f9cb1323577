import { describe, expect, it } from 'vitest';
import { createIdFactory, createSpecFromPreset, findPreset, PRESETS } from './presets';
import { validateSpec } from './validate-spec';

const counter = () => {
  let n = 0;
  return () => `id${++n}`;
};

describe('presets', () => {
  it('has the five presets the issue asks for, with unique ids', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(ids).toEqual([
      'classic',
      'service-blueprint',
      'b2b-buying',
      'experience-diagram',
      'blank',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s makes a valid spec', (_id, preset) => {
    const spec = createSpecFromPreset(preset, counter());
    expect(validateSpec(spec)).toEqual({ ok: true });
    const names = spec.stages.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(preset.name).not.toBe('');
    expect(preset.description).not.toBe('');
  });

  it('classic has the six stages and six lanes of the literature', () => {
    const classic = findPreset('classic');
    expect(classic?.stages).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Onboarding',
      'Retention',
      'Advocacy',
    ]);
    expect(classic?.lanes.map((l) => l.kind)).toEqual([
      'actions',
      'touchpoints',
      'emotions',
      'pain_points',
      'opportunities',
      'owner',
    ]);
  });

  it('experience diagram lanes are doing, thinking, feeling; blank is 3 × 3', () => {
    expect(findPreset('experience-diagram')?.lanes.map((l) => l.name)).toEqual([
      'Doing',
      'Thinking',
      'Feeling',
    ]);
    const blank = findPreset('blank');
    expect(blank?.stages).toEqual(['Stage 1', 'Stage 2', 'Stage 3']);
    expect(blank?.lanes.map((l) => l.name)).toEqual(['Lane 1', 'Lane 2', 'Lane 3']);
  });

  it('createSpecFromPreset gives fresh ids and does not share persona objects', () => {
    const preset = PRESETS[0]!;
    const spec = createSpecFromPreset(preset, counter());
    expect(spec.id).toBe('id1');
    expect(spec.stages[0]?.id).toBe('id2');
    expect(spec.presetId).toBe('classic');
    expect(spec.persona).not.toBe(preset.persona);
    expect(spec.persona).toEqual(preset.persona);
  });

  it('createIdFactory gives short base-36 ids', () => {
    const next = createIdFactory();
    const ids = Array.from({ length: 200 }, next);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
