import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restore } from './restore';
import { toInsightCsvTables } from './to-csv';
import { toMarkdown } from './to-markdown';

const fixture = (() => {
  const result = restore(
    JSON.parse(
      readFileSync(new URL('../../../test/fixtures/exports/v2.json', import.meta.url), 'utf8'),
    ),
  );
  if (!result.ok) throw new Error(result.message);
  return result.file;
})();

describe('v2 insights in the CSV tables and the Markdown report', () => {
  it('writes one CSV per non-empty table: KPI readings, ratings, RACI', () => {
    const tables = toInsightCsvTables(fixture);
    expect(tables.map((t) => t.table)).toEqual(['kpis', 'ratings', 'raci']);
    const kpis = tables[0]!.csv.replace('\uFEFF', '').split('\r\n');
    expect(kpis[0]).toBe('KPI,Stage,Unit,Baseline,Target,Better when,Date,Value,Source');
    expect(kpis).toContain(
      'Application completion,Purchase,%,61,75,higher,2026-12-01,64,analytics',
    );
    // A KPI without readings still has its row.
    expect(
      kpis.some((row) => row.startsWith('Days to first payment,') && row.endsWith(',,,')),
    ).toBe(true);
    expect(tables[2]!.csv).toContain(
      'action,Add a camera overlay and glare warning to the ID check,product,A',
    );
    const noInsights = {
      ...fixture,
      map: {
        ...fixture.map,
        insights: { ...fixture.map.insights, kpis: [], ratings: [], raci: [] },
      },
    };
    expect(toInsightCsvTables(noInsights)).toEqual([]);
  });

  it('adds the emotion curve as a table, the KPIs and the RACI to the report', () => {
    const md = toMarkdown(fixture);
    expect(md).toContain('## Emotion curve');
    expect(md).toMatch(
      /\| Alex, first-time customer \| as-is \| \+1\.5 \(2\) \| – \| -2\.0 \(1\) \|/,
    );
    expect(md).toContain('## KPIs');
    expect(md).toContain(
      '| Application completion (higher is better) | Purchase | 61 % | 75 % | 64 % on 2026-12-01 |',
    );
    expect(md).toContain('## RACI');
    expect(md).toMatch(/\| Stage: Purchase \| it \| product \| support \| – \|/);
  });

  it('puts ratings of the default persona (a map with no named one) in the curve table', () => {
    const { insights } = fixture.map;
    const unnamed = {
      ...fixture,
      map: {
        ...fixture.map,
        insights: {
          ...insights,
          personas: [],
          ratings: insights.ratings.map((r) => ({ ...r, personaId: 'default' })),
        },
      },
    };
    const md = toMarkdown(unnamed);
    expect(md).toContain('## Emotion curve');
    expect(md).toMatch(/\| Customer \| as-is \|/);
  });
});
