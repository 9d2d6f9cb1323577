import { isRecord } from '../common';
/**
 * Named format versions and one `up` step per version (tldraw's discipline). The table is checked
 * at load: every version after the first has exactly one step into it, from the version before.
 *
 * Honest note: v1 is the first format Touchpoint ships. `PreRelease` (v0) is the draft shape used
 * while the format was designed, where a note's `stage` held the stage *name*; no released build
 * wrote it. Its step exists so the machinery runs a real migration in tests now, not first on the
 * day v2 ships. The next real version goes here as `{ …, Name: 2 }` with a step `1 → 2`.
 */

export const Versions = {
  PreRelease: 0,
  Initial: 1,
  /** Journey insights (issue 14): personas, ratings, KPIs with readings, RACI, departments. */
  KpisAndRatings: 2,
} as const;

export type Doc = Record<string, unknown>;

export type MigrationResult =
  { ok: true; doc: Doc; warnings: string[] } | { ok: false; message: string };

export interface Migration {
  /** The name of the version this step leads to (a key of Versions). */
  name: keyof typeof Versions;
  from: number;
  to: number;
  /** Must not mutate `doc`; returns a new document at version `to`. */
  up(doc: Doc): MigrationResult;
}

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** v0 → v1: `note.stage` (a stage name) becomes `note.stageId`, matched case-insensitively. */
const toInitial: Migration = {
  name: 'Initial',
  from: Versions.PreRelease,
  to: Versions.Initial,
  up(doc) {
    const warnings: string[] = [];
    const map = doc['map'];
    if (!isRecord(map)) return { ok: true, doc: { ...doc, version: Versions.Initial }, warnings };
    const stageIdByName = new Map<string, string>();
    for (const stage of Array.isArray(map['stages']) ? map['stages'] : []) {
      if (isRecord(stage) && typeof stage['id'] === 'string' && typeof stage['name'] === 'string') {
        const key = fold(stage['name']);
        if (!stageIdByName.has(key)) stageIdByName.set(key, stage['id']);
      }
    }
    const rawNotes = map['notes'];
    const notes = Array.isArray(rawNotes)
      ? rawNotes.map((note: unknown, i) => {
          if (!isRecord(note) || !('stage' in note)) return note;
          const { stage, ...rest } = note;
          if (stage === null || stage === undefined || rest['stageId'] !== undefined) return rest;
          if (typeof stage !== 'string') {
            warnings.push(`map.notes[${i}].stage was not a stage name; the note has no stage.`);
            return rest;
          }
          const stageId = stageIdByName.get(fold(stage));
          if (stageId === undefined) {
            warnings.push(
              `map.notes[${i}].stage "${stage.slice(0, 80)}" names no stage of the map; the note has no stage.`,
            );
          }
          return { ...rest, stageId: stageId ?? null };
        })
      : rawNotes;
    return {
      ok: true,
      doc: { ...doc, version: Versions.Initial, map: { ...map, notes } },
      warnings,
    };
  },
};

/**
 * v1 → v2: the map gains `insights`. v1's `metrics` (a name, one value, a unit, a stage) become
 * KPIs: the value is the baseline, the target (v1 had none, so the KPI reads "met" until edited)
 * and the one reading, dated the day the file was exported, source "v1 metric".
 */
const toKpisAndRatings: Migration = {
  name: 'KpisAndRatings',
  from: Versions.Initial,
  to: Versions.KpisAndRatings,
  up(doc) {
    const warnings: string[] = [];
    const map = doc['map'];
    if (!isRecord(map))
      return { ok: true, doc: { ...doc, version: Versions.KpisAndRatings }, warnings };
    const { metrics, ...rest } = map;
    const exportedAt = typeof doc['exportedAt'] === 'string' ? doc['exportedAt'] : '';
    const day = /^\d{4}-\d{2}-\d{2}/.test(exportedAt) ? exportedAt.slice(0, 10) : null;
    const kpis = (Array.isArray(metrics) ? metrics : []).flatMap((m: unknown, i) => {
      if (!isRecord(m) || typeof m['name'] !== 'string' || typeof m['value'] !== 'number') {
        warnings.push(`map.metrics[${i}] was not a readable metric and was left out.`);
        return [];
      }
      const value = m['value'];
      return [
        {
          id: `metric-${i + 1}`,
          name: m['name'],
          unit: typeof m['unit'] === 'string' ? m['unit'] : '',
          stageId: typeof m['stageId'] === 'string' ? m['stageId'] : null,
          baseline: value,
          target: value,
          direction: 'higher',
          readings: day ? [{ value, date: day, source: 'v1 metric' }] : [],
        },
      ];
    });
    const insights = { personas: [], ratings: [], kpis, raci: [], departments: [] };
    return {
      ok: true,
      doc: { ...doc, version: Versions.KpisAndRatings, map: { ...rest, insights } },
      warnings,
    };
  },
};

export const MIGRATIONS: readonly Migration[] = [toInitial, toKpisAndRatings];

/** Throws (a programming error, caught by every test run) when the table has a gap or a duplicate. */
export function checkMigrations(
  migrations: readonly Migration[],
  versions: Readonly<Record<string, number>> = Versions,
): void {
  const ordered = Object.entries(versions).sort((a, b) => a[1] - b[1]);
  ordered.forEach(([name, version], i) => {
    const previous = ordered[i - 1];
    if (previous === undefined) return;
    if (version !== previous[1] + 1) {
      throw new Error(
        `Versions are not contiguous: ${previous[0]}=${previous[1]}, ${name}=${version}`,
      );
    }
    const steps = migrations.filter((m) => m.to === version);
    if (steps.length !== 1 || steps[0]?.from !== previous[1] || steps[0]?.name !== name) {
      throw new Error(
        `Version ${name} (${version}) needs exactly one migration from ${previous[1]}`,
      );
    }
  });
  const known = new Set(ordered.map(([, v]) => v));
  for (const m of migrations) {
    if (!known.has(m.to) || m.to !== m.from + 1)
      throw new Error(`Migration ${m.name} ${m.from}→${m.to} is not a known step`);
  }
}

checkMigrations(MIGRATIONS);

export const FIRST_VERSION: number = Math.min(...Object.values(Versions));
export const LATEST_VERSION: number = Math.max(...Object.values(Versions));

export type MigrateResult =
  { ok: true; doc: Doc; warnings: string[]; applied: string[] } | { ok: false; message: string };

/** Runs the steps from `doc.version` up to `target`, one at a time. */
export function migrate(
  doc: Doc,
  from: number,
  target: number = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrateResult {
  let current = doc;
  const warnings: string[] = [];
  const applied: string[] = [];
  for (let version = from; version < target; version += 1) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, message: `No migration from format v${version}.` };
    const result = step.up(current);
    if (!result.ok)
      return { ok: false, message: `Migrating to ${step.name} (v${step.to}): ${result.message}` };
    current = result.doc;
    warnings.push(...result.warnings);
    applied.push(step.name);
  }
  return { ok: true, doc: current, warnings, applied };
}
