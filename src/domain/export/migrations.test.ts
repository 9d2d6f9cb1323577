import { afterAll, describe, expect, it } from 'vitest';
import { checkMigrations, migrate, MIGRATIONS, type Migration, type Versions } from './migrations';
import { restore } from './restore';

// Guard: every migration in the table must be run by a test below (tldraw's discipline).
const exercised = new Set<string>();
const run = (migration: Migration, doc: Record<string, unknown>) => {
  exercised.add(migration.name);
  return migration.up(doc);
};
const step = (name: keyof typeof Versions): Migration => {
  const found = MIGRATIONS.find((m) => m.name === name);
  if (!found) throw new Error(`no migration named ${name}`);
  return found;
};

describe('migration table', () => {
  it('is contiguous from the first version to the latest', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => `${m.from}→${m.to}`)).toEqual(['0→1', '1→2']);
  });

  it('refuses a gap, a duplicate, or a step that skips a version', () => {
    const up: Migration['up'] = (doc) => ({ ok: true, doc, warnings: [] });
    expect(() => checkMigrations([], { A: 0, B: 1 })).toThrow(
      /B \(1\) needs exactly one migration/,
    );
    expect(() => checkMigrations([], { A: 0, B: 2 })).toThrow(/not contiguous/);
    const twice = [
      { name: 'Initial', from: 0, to: 1, up },
      { name: 'Initial', from: 0, to: 1, up },
    ] as const;
    expect(() => checkMigrations(twice)).toThrow(/exactly one/);
    expect(() =>
      checkMigrations([{ name: 'Initial', from: 0, to: 2, up }], {
        PreRelease: 0,
        Initial: 1,
        X: 2,
      }),
    ).toThrow();
  });

  it('migrate stops with a message when a step fails', () => {
    const failing: Migration = {
      name: 'Initial',
      from: 0,
      to: 1,
      up: () => ({ ok: false, message: 'broken' }),
    };
    expect(migrate({}, 0, 1, [failing])).toEqual({
      ok: false,
      message: 'Migrating to Initial (v1): broken',
    });
  });
});

describe('PreRelease (v0) → Initial (v1)', () => {
  const v0 = {
    format: 'touchpoint.journey-map',
    version: 0,
    map: {
      id: 'm',
      stages: [
        { id: 's1', name: 'Awareness' },
        { id: 's2', name: 'Purchase' },
      ],
      notes: [
        { id: 'n1', stage: 'awareness ' },
        { id: 'n2', stage: 'Renewal' },
        { id: 'n3', stage: null },
        { id: 'n4' },
      ],
    },
  };

  it('turns stage names into stage ids, case-insensitively, and warns about unknown names', () => {
    const result = run(step('Initial'), v0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const map = result.doc['map'] as { notes: Record<string, unknown>[] };
    expect(result.doc['version']).toBe(1);
    expect(map.notes).toEqual([
      { id: 'n1', stageId: 's1' },
      { id: 'n2', stageId: null },
      { id: 'n3' },
      { id: 'n4' },
    ]);
    expect(result.warnings).toEqual([expect.stringContaining('map.notes[1].stage "Renewal"')]);
    // The input is left as it was.
    expect(v0.map.notes[0]).toEqual({ id: 'n1', stage: 'awareness ' });
  });

  it('runs through restore, which reports where the file came from', () => {
    const result = restore(v0);
    expect(result).toMatchObject({ ok: true, migratedFrom: 0 });
    if (!result.ok) return;
    expect(result.file.version).toBe(2);
    expect(result.file.map.notes.map((n) => [n.stageId, n.stageSource])).toEqual([
      ['s1', 'tag'],
      [null, 'none'],
      [null, 'none'],
      [null, 'none'],
    ]);
  });
});

describe('Initial (v1) → KpisAndRatings (v2)', () => {
  const v1 = {
    format: 'touchpoint.journey-map',
    version: 1,
    exportedAt: '2026-11-20T14:30:12.345Z',
    map: {
      id: 'm',
      stages: [{ id: 's1', name: 'Apply' }],
      metrics: [
        { name: 'Completion', value: 61, unit: '%', stageId: 's1' },
        { name: 'NPS', value: 12, unit: null, stageId: null },
        'not a metric',
      ],
    },
  };

  it('turns metrics into KPIs with one reading on the export day, and adds empty insights', () => {
    const result = run(step('KpisAndRatings'), v1);
    if (!result.ok) throw new Error(result.message);
    expect(result.doc['version']).toBe(2);
    const map = result.doc['map'] as Record<string, unknown>;
    expect(map).not.toHaveProperty('metrics');
    expect(map['insights']).toEqual({
      personas: [],
      ratings: [],
      raci: [],
      departments: [],
      kpis: [
        {
          id: 'metric-1',
          name: 'Completion',
          unit: '%',
          stageId: 's1',
          baseline: 61,
          target: 61,
          direction: 'higher',
          readings: [{ value: 61, date: '2026-11-20', source: 'v1 metric' }],
        },
        {
          id: 'metric-2',
          name: 'NPS',
          unit: '',
          stageId: null,
          baseline: 12,
          target: 12,
          direction: 'higher',
          readings: [{ value: 12, date: '2026-11-20', source: 'v1 metric' }],
        },
      ],
    });
    expect(result.warnings).toEqual(['map.metrics[2] was not a readable metric and was left out.']);
    // The input is left as it was.
    expect(v1.map.metrics).toHaveLength(3);
  });

  it('runs through restore: a v1 file reads as v2 with its metrics as KPIs', () => {
    const result = restore(v1);
    expect(result).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!result.ok) return;
    expect(result.file.map.insights.kpis.map((k) => [k.name, k.readings.length])).toEqual([
      ['Completion', 1],
      ['NPS', 1],
    ]);
  });
});

afterAll(() => {
  const missing = MIGRATIONS.filter((m) => !exercised.has(m.name)).map((m) => m.name);
  if (missing.length > 0) throw new Error(`Migrations without a test: ${missing.join(', ')}`);
});
