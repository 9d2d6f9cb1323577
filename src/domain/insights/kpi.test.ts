import { describe, expect, it } from 'vitest';
import {
  deriveSparkline,
  kpiStatus,
  readNumber,
  validateKpi,
  validateReading,
  type KpiDefinition,
  type KpiReading,
} from './kpi';

const nps: KpiDefinition = {
  id: 'k1',
  name: 'NPS',
  unit: '',
  baseline: 10,
  target: 30,
  direction: 'higher',
  stageId: 's1',
};
const wait: KpiDefinition = {
  ...nps,
  id: 'k2',
  name: 'Days to card',
  unit: 'days',
  baseline: 14,
  target: 5,
  direction: 'lower',
};
const reading = (kpiId: string, value: number, date: string): KpiReading => ({
  kpiId,
  value,
  date,
  source: '',
});

describe('readNumber', () => {
  it('reads numbers and numeric text, nothing else', () => {
    expect(readNumber(' 12.5 ')).toBe(12.5);
    expect(readNumber('4,2')).toBe(4.2);
    expect(readNumber('-3')).toBe(-3);
    expect(readNumber(7)).toBe(7);
    for (const bad of ['', 'twelve', '12abc', '0x10', Infinity, Number.NaN, null, '1e999'])
      expect(readNumber(bad)).toBeNull();
  });
});

describe('validateKpi', () => {
  it('accepts a definition and reads numeric text', () => {
    const result = validateKpi({ ...nps, baseline: '10', target: '30' }, ['s1']);
    expect(result).toEqual({ ok: true, kpi: nps });
  });

  it('names every field that is wrong', () => {
    const result = validateKpi(
      {
        id: 'k',
        name: 'x'.repeat(81),
        baseline: 'ten',
        target: '',
        direction: 'up',
        stageId: 'gone',
      },
      ['s1'],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'baseline',
      'direction',
      'name',
      'stageId',
      'target',
    ]);
    expect(result.problems.find((p) => p.field === 'baseline')?.message).toContain('"ten"');
  });

  it('refuses a target worse than the baseline for the direction', () => {
    const result = validateKpi({ ...wait, target: 20 }, ['s1']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain('worse than the baseline');
  });
});

describe('validateReading', () => {
  it('refuses a value that is not a number and a date in the future', () => {
    const result = validateReading(
      { kpiId: 'k1', value: 'n/a', date: '2026-12-24', source: '' },
      '2026-12-04',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['value', 'date']);
    expect(result.problems[1]?.message).toContain('in the future');
  });

  it('refuses a date that does not exist and accepts today', () => {
    expect(validateReading({ kpiId: 'k1', value: 1, date: '2026-02-30' }, '2026-12-04').ok).toBe(
      false,
    );
    expect(validateReading({ kpiId: 'k1', value: '1', date: '2026-12-04' }, '2026-12-04')).toEqual({
      ok: true,
      reading: reading('k1', 1, '2026-12-04'),
    });
  });
});

describe('kpiStatus', () => {
  it('follows the latest reading by date, in the KPI direction', () => {
    expect(kpiStatus(nps, []).kind).toBe('no-readings');
    const readings = [
      reading('k1', 25, '2026-11-01'),
      reading('k1', 8, '2026-10-01'),
      reading('k2', 30, '2026-12-01'),
    ];
    expect(kpiStatus(nps, readings)).toMatchObject({ kind: 'on-track', progress: 0.75 });
    expect(kpiStatus(nps, [...readings, reading('k1', 9, '2026-12-01')]).kind).toBe('off-track');
    expect(kpiStatus(nps, [reading('k1', 31, '2026-12-01')]).kind).toBe('met');
    expect(kpiStatus(wait, [reading('k2', 9, '2026-12-01')])).toMatchObject({
      kind: 'on-track',
      progress: 5 / 9,
    });
    expect(kpiStatus(wait, [reading('k2', 16, '2026-12-01')])).toMatchObject({ kind: 'off-track' });
    expect(kpiStatus(wait, [reading('k2', 5, '2026-12-01')]).kind).toBe('met');
  });
});

describe('deriveSparkline', () => {
  it('places readings by date left to right and value bottom to top', () => {
    const line = deriveSparkline(
      nps,
      [
        reading('k1', 20, '2026-01-11'),
        reading('k1', 10, '2026-01-01'),
        reading('k1', 30, '2026-01-31'),
      ],
      90,
      20,
    );
    expect(line.points).toEqual([
      { x: 0, y: 20 },
      { x: 30, y: 10 },
      { x: 90, y: 0 },
    ]);
    expect(line.targetY).toBe(0);
  });

  it('centres a single reading', () => {
    const line = deriveSparkline(
      { ...nps, baseline: 5, target: 5 },
      [reading('k1', 5, '2026-01-01')],
      80,
      20,
    );
    expect(line.points).toEqual([{ x: 40, y: 10 }]);
  });
});
