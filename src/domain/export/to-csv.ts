import type { JourneyMapFile } from './journey-map';
import { createMapNames } from './map-names';

export const CSV_COLUMNS = [
  'Map',
  'Stage',
  'Lane',
  'Text',
  'Cluster',
  'Votes',
  'Tags',
  'Stage source',
  'Loose',
  'Note id',
] as const;

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab / carriage return, which some
 * trim away first) as a formula; a quote in front keeps note text as text (OWASP CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside. */
export function toCsvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per note, map notes first then loose ones, in file order. UTF-8 BOM first so
 * spreadsheets detect the encoding; CRLF line ends as RFC 4180 asks.
 */
export function toCsv(file: JourneyMapFile): string {
  const { map } = file;
  const names = createMapNames(map);
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  const ordered = [...map.notes.filter((n) => !n.loose), ...map.notes.filter((n) => n.loose)];
  for (const note of ordered) {
    rows.push([
      map.title,
      names.stage(note.stageId),
      names.lane(note.laneId),
      note.text,
      names.cluster(note.clusterId),
      note.votes,
      note.tags.join('; '),
      note.stageSource,
      note.loose ? 'yes' : '',
      note.id,
    ]);
  }
  return csvText(rows);
}

/** The v2 insight tables (issue 14 §6), one CSV each, as spreadsheets expect one table a sheet. */
export type InsightTable = 'kpis' | 'ratings' | 'raci';

const csvText = (rows: (string | number)[][]): string =>
  `\uFEFF${rows.map((row) => row.map(toCsvField).join(',')).join('\r\n')}\r\n`;

/** The non-empty insight tables of a file: KPI readings, ratings, RACI. */
export function toInsightCsvTables(file: JourneyMapFile): { table: InsightTable; csv: string }[] {
  const { map } = file;
  const names = createMapNames(map);
  const stage = (id: string | null) => (id === null ? 'Whole journey' : names.stage(id));
  const persona = new Map(map.insights.personas.map((p) => [p.id, p.name]));
  const action = new Map(map.actions.map((a) => [a.id, a.title]));
  const out: { table: InsightTable; csv: string }[] = [];
  const { kpis, ratings, raci } = map.insights;
  if (kpis.length > 0) {
    const rows: (string | number)[][] = [
      ['KPI', 'Stage', 'Unit', 'Baseline', 'Target', 'Better when', 'Date', 'Value', 'Source'],
    ];
    for (const k of kpis) {
      const head = [k.name, stage(k.stageId), k.unit, k.baseline, k.target, k.direction];
      if (k.readings.length === 0) rows.push([...head, '', '', '']);
      for (const r of k.readings) rows.push([...head, r.date, r.value, r.source]);
    }
    out.push({ table: 'kpis', csv: csvText(rows) });
  }
  if (ratings.length > 0) {
    const rows: (string | number)[][] = [['Stage', 'Persona', 'Line', 'Rating', 'Department']];
    for (const r of ratings)
      rows.push([
        names.stage(r.stageId),
        persona.get(r.personaId) ?? r.personaId,
        r.line,
        r.value,
        r.department ?? '',
      ]);
    out.push({ table: 'ratings', csv: csvText(rows) });
  }
  if (raci.length > 0) {
    const rows: (string | number)[][] = [['For', 'Name', 'Department', 'Role']];
    for (const r of raci)
      rows.push([
        r.subject.kind,
        r.subject.kind === 'stage'
          ? names.stage(r.subject.id)
          : (action.get(r.subject.id) ?? r.subject.id),
        r.department,
        r.role,
      ]);
    out.push({ table: 'raci', csv: csvText(rows) });
  }
  return out;
}
