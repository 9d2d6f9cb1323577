/**
 * `map.insights` of a v2 file, field by field (issue 14 §6): what the file says is `unknown` until
 * read here. Type errors make the file invalid (naming the field), as everywhere in restore;
 * entries that are well-typed but make no sense (a rating of 7, a reading dated in the future, two
 * Accountables for one stage, a 500-character department) are dropped with a warning, so one bad
 * entry never loses the rest of the map.
 */
import { DEFAULT_PERSONA } from '../insights/personas';
import {
  EMPTY_INSIGHTS,
  type ExportCurvePersona,
  type ExportInsights,
  type ExportKpi,
  type ExportKpiReading,
  type ExportRaci,
  type ExportRating,
} from './journey-map';
import {
  at,
  id,
  ISO_DATE,
  list,
  nullableText,
  number,
  optionalRecord,
  record,
  text,
  textList,
  uniqueById,
  type Obj,
  type Warnings,
} from './field-readers';

/** As the Insights tab allows (domain/insights): 5 personas, names of 60 and departments of 60. */
const MAX_PERSONAS = 5;
const MAX_NAME = 60;
const MAX_DEPARTMENT = 60;
const LINES = ['as-is', 'to-be'] as const;
const ROLES = ['R', 'A', 'C', 'I'] as const;

export interface InsightRefs {
  stageIds: ReadonlySet<string>;
  actionIds: ReadonlySet<string>;
  /** The file's export day (YYYY-MM-DD): no reading can be dated after it. */
  exportDay: string;
}

export function restoreInsights(o: Obj, refs: InsightRefs, warnings: Warnings): ExportInsights {
  const raw = optionalRecord(o, 'insights', 'map');
  if (!raw) return structuredClone(EMPTY_INSIGHTS);
  const personas = restorePersonas(raw, warnings);
  const personaIds = new Set(personas.map((p) => p.id));
  return {
    personas,
    ratings: restoreRatings(raw, refs, personaIds, warnings),
    kpis: restoreKpis(raw, refs, warnings),
    raci: restoreRaci(raw, refs, warnings),
    departments: restoreDepartments(raw, warnings),
  };
}

const PATH = 'map.insights';

/** A department name as the tab keeps it: trimmed; null when empty or too long (with a warning). */
function department(value: string | null, field: string, warnings: Warnings): string | null {
  if (value === null || value.trim() === '') return null;
  if (value.length > MAX_DEPARTMENT) {
    warnings.add(`Department names over ${MAX_DEPARTMENT} characters were left out.`, field);
    return null;
  }
  return value.trim();
}

/** The named personas, first of each id, at most `MAX_PERSONAS`. */
function restorePersonas(raw: Obj, warnings: Warnings): ExportCurvePersona[] {
  const personas = uniqueById(
    list(raw, 'personas', PATH).map((v, i): ExportCurvePersona => {
      const p = record(v, at(`${PATH}.personas`, i));
      const where = at(`${PATH}.personas`, i);
      return {
        id: id(p, 'id', where),
        name: text(p, 'name', where, '').slice(0, MAX_NAME),
        summary: text(p, 'summary', where, ''),
      };
    }),
    `${PATH}.personas`,
    warnings,
  ).filter((p) => p.name.trim() !== '');
  if (personas.length <= MAX_PERSONAS) return personas;
  warnings.add(
    `A map has at most ${MAX_PERSONAS} personas; the rest were left out.`,
    `${PATH}.personas`,
  );
  return personas.slice(0, MAX_PERSONAS);
}

/** Ratings of −2 … 2 of the map's stages, by a kept persona (or the default one), on a line. */
function restoreRatings(
  raw: Obj,
  refs: InsightRefs,
  personaIds: ReadonlySet<string>,
  warnings: Warnings,
): ExportRating[] {
  const ratings: ExportRating[] = [];
  list(raw, 'ratings', PATH).forEach((v, i) => {
    const where = at(`${PATH}.ratings`, i);
    const r = record(v, where);
    const value = number(r, 'value', where, Number.NaN);
    const stageId = text(r, 'stageId', where, '');
    const personaId = text(r, 'personaId', where, '');
    const line = text(r, 'line', where, '');
    if (!Number.isInteger(value) || value < -2 || value > 2)
      return warnings.add('Ratings outside −2 … 2 were left out.', where);
    // The Insights tab rates an unnamed "Customer" until a persona is named; it is never stored.
    if (
      !refs.stageIds.has(stageId) ||
      !(personaIds.has(personaId) || personaId === DEFAULT_PERSONA.id)
    )
      return warnings.add(
        'Ratings of a stage or persona the map does not have were left out.',
        where,
      );
    if (!(LINES as readonly string[]).includes(line))
      return warnings.add('Ratings of a line other than as-is or to-be were left out.', where);
    ratings.push({
      stageId,
      personaId,
      line: line as ExportRating['line'],
      value: value as ExportRating['value'],
      department: department(
        nullableText(r, 'department', where),
        at(where, 'department'),
        warnings,
      ),
    });
  });
  return ratings;
}

/** Named KPIs of the map (or of no stage) with a numeric baseline and target, first of each id. */
function restoreKpis(raw: Obj, refs: InsightRefs, warnings: Warnings): ExportKpi[] {
  return uniqueById(
    list(raw, 'kpis', PATH).flatMap((v, i): ExportKpi[] => {
      const where = at(`${PATH}.kpis`, i);
      const k = record(v, where);
      const stageId = nullableText(k, 'stageId', where);
      const name = text(k, 'name', where, '').trim();
      if (name === '') {
        warnings.add('KPIs without a name were left out.', where);
        return [];
      }
      if (stageId !== null && !refs.stageIds.has(stageId)) {
        warnings.add('KPIs of a stage the map does not have were left out.', where);
        return [];
      }
      const baseline = number(k, 'baseline', where, Number.NaN);
      const target = number(k, 'target', where, Number.NaN);
      if (!Number.isFinite(baseline) || !Number.isFinite(target)) {
        warnings.add('KPIs without a numeric baseline and target were left out.', where);
        return [];
      }
      return [
        {
          id: id(k, 'id', where),
          name: name.slice(0, 80),
          unit: text(k, 'unit', where, ''),
          stageId,
          baseline,
          target,
          direction: text(k, 'direction', where, 'higher') === 'lower' ? 'lower' : 'higher',
          readings: restoreReadings(k, where, refs.exportDay, warnings),
        },
      ];
    }),
    `${PATH}.kpis`,
    warnings,
  );
}

/** A KPI's numeric readings dated on or before the export day, oldest first. */
function restoreReadings(
  kpi: Obj,
  where: string,
  exportDay: string,
  warnings: Warnings,
): ExportKpiReading[] {
  const readings: ExportKpiReading[] = [];
  list(kpi, 'readings', where).forEach((rv, j) => {
    const rw = at(`${where}.readings`, j);
    const r = record(rv, rw);
    const value = number(r, 'value', rw, Number.NaN);
    const date = text(r, 'date', rw, '');
    if (!Number.isFinite(value))
      return warnings.add('Readings that are not numbers were left out.', rw);
    if (!ISO_DATE.test(date) || date > exportDay)
      return warnings.add('Readings without a date, or dated after the export, were left out.', rw);
    readings.push({ value, date, source: text(r, 'source', rw, '') });
  });
  return readings.sort((a, b) => a.date.localeCompare(b.date));
}

/** RACI rows of the map's stages and actions with a department and a role; one Accountable each. */
function restoreRaci(raw: Obj, refs: InsightRefs, warnings: Warnings): ExportRaci[] {
  const raci: ExportRaci[] = [];
  const accountable = new Set<string>();
  list(raw, 'raci', PATH).forEach((v, i) => {
    const where = at(`${PATH}.raci`, i);
    const r = record(v, where);
    const subject = record(r['subject'], at(where, 'subject'));
    const kind = text(subject, 'kind', at(where, 'subject'), '');
    const subjectId = text(subject, 'id', at(where, 'subject'), '');
    const role = text(r, 'role', where, '');
    const dept = department(
      nullableText(r, 'department', where),
      at(where, 'department'),
      warnings,
    );
    const known =
      (kind === 'stage' && refs.stageIds.has(subjectId)) ||
      (kind === 'action' && refs.actionIds.has(subjectId));
    if (!known)
      return warnings.add(
        'RACI rows of a stage or action the map does not have were left out.',
        where,
      );
    if (!(ROLES as readonly string[]).includes(role) || dept === null)
      return warnings.add(
        'RACI rows without a department and a role (R, A, C or I) were left out.',
        where,
      );
    const key = `${kind}\u0000${subjectId}`;
    if (role === 'A' && accountable.has(key))
      return warnings.add('A second Accountable for the same stage or action was left out.', where);
    if (role === 'A') accountable.add(key);
    raci.push({
      subject: { kind: kind as ExportRaci['subject']['kind'], id: subjectId },
      department: dept,
      role: role as ExportRaci['role'],
    });
  });
  return raci;
}

/** The departments named, each once, in alphabetical order. */
function restoreDepartments(raw: Obj, warnings: Warnings): string[] {
  return [
    ...new Set(
      textList(raw, 'departments', PATH).flatMap((d, i) => {
        const kept = department(d, at(`${PATH}.departments`, i), warnings);
        return kept === null ? [] : [kept];
      }),
    ),
  ].sort((a, b) => a.localeCompare(b));
}
