import type { JourneyMapFile } from './journey-map-v1';
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
  return `\uFEFF${rows.map((row) => row.map(toCsvField).join(',')).join('\r\n')}\r\n`;
}
