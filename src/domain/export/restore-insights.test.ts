import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restore } from './restore';

const v2 = (): Record<string, unknown> & { map: { insights: Record<string, unknown[]> } } =>
  JSON.parse(
    readFileSync(new URL('../../../test/fixtures/exports/v2.json', import.meta.url), 'utf8'),
  ) as never;

describe('restoring map.insights (bad input)', () => {
  it('drops what makes no sense with a warning each, and keeps the rest', () => {
    const file = v2();
    const { insights } = file.map;
    insights.ratings!.push(
      { stageId: 'st1', personaId: 'p1', line: 'as-is', value: 7, department: null },
      { stageId: 'st1', personaId: 'nobody', line: 'as-is', value: 1, department: null },
    );
    (insights.kpis![1] as { readings: unknown[] }).readings.push({
      value: 20,
      date: '2030-01-01',
      source: 'the future',
    });
    insights.raci!.push(
      { subject: { kind: 'stage', id: 'st3' }, department: 'sales', role: 'A' },
      { subject: { kind: 'stage', id: 'st1' }, department: 'x'.repeat(500), role: 'R' },
    );
    const result = restore(file);
    if (!result.ok) throw new Error(result.message);
    const got = result.file.map.insights;
    expect([got.ratings.length, got.kpis[1]!.readings.length, got.raci.length]).toEqual([5, 1, 4]);
    expect(result.warnings).toEqual([
      'Ratings outside −2 … 2 were left out. (map.insights.ratings[5])',
      'Ratings of a stage or persona the map does not have were left out. (map.insights.ratings[6])',
      'Readings without a date, or dated after the export, were left out. (map.insights.kpis[1].readings[1])',
      'A second Accountable for the same stage or action was left out. (map.insights.raci[4])',
      'Department names over 60 characters were left out. (map.insights.raci[5].department)',
      'RACI rows without a department and a role (R, A, C or I) were left out. (map.insights.raci[5])',
    ]);
  });

  it('keeps ratings of the default persona of a map that names none (the Insights tab rates it)', () => {
    const file = v2();
    file.map.insights = {
      personas: [],
      ratings: [
        { stageId: 'st1', personaId: 'default', line: 'as-is', value: -2, department: null },
      ],
      kpis: [],
      raci: [],
      departments: [],
    };
    const result = restore(file);
    if (!result.ok) throw new Error(result.message);
    expect(result.file.map.insights.ratings).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });

  it('orders readings oldest first, keeps five personas, and lists departments once, sorted', () => {
    const file = v2();
    const { insights } = file.map;
    const kpi = insights.kpis![0] as {
      readings: { value: number; date: string; source: string }[];
    };
    kpi.readings = [
      { value: 3, date: '2024-03-01', source: '' },
      { value: 1, date: '2024-01-01', source: '' },
      { value: 2, date: '2024-02-01', source: '' },
    ];
    insights.personas = Array.from({ length: 7 }, (_, i) => ({
      id: `persona-${i}`,
      name: `Persona ${i}`,
      summary: '',
    }));
    insights.ratings = [];
    insights.departments = [' Sales ', 'Billing', 'Sales', '', 'Care'];
    const result = restore(file);
    if (!result.ok) throw new Error(result.message);
    const got = result.file.map.insights;
    expect(got.kpis[0]!.readings.map((r) => r.value)).toEqual([1, 2, 3]);
    expect(got.personas.map((p) => p.id)).toEqual([0, 1, 2, 3, 4].map((i) => `persona-${i}`));
    expect(got.departments).toEqual(['Billing', 'Care', 'Sales']);
    expect(result.warnings).toEqual([
      'A map has at most 5 personas; the rest were left out. (map.insights.personas)',
    ]);
  });

  it('refuses a file whose KPI reading is not a number, naming the field', () => {
    const file = v2();
    (file.map.insights.kpis![0] as { readings: Record<string, unknown>[] }).readings[0]!.value =
      'sixty';
    expect(restore(file)).toMatchObject({
      ok: false,
      reason: 'invalid',
      field: 'map.insights.kpis[0].readings[0].value',
    });
  });
});
