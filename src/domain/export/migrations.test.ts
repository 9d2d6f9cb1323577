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
    expect(MIGRATIONS.map((m) => `${m.from}→${m.to}`)).toEqual(['0→1']);
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
    expect(result.file.version).toBe(1);
    expect(result.file.map.notes.map((n) => [n.stageId, n.stageSource])).toEqual([
      ['s1', 'tag'],
      [null, 'none'],
      [null, 'none'],
      [null, 'none'],
    ]);
  });
});

afterAll(() => {
  const missing = MIGRATIONS.filter((m) => !exercised.has(m.name)).map((m) => m.name);
  if (missing.length > 0) throw new Error(`Migrations without a test: ${missing.join(', ')}`);
});
