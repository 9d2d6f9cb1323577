/** The downloads of an export file: JSON (the format itself), CSV, Markdown and insight tables. */
import type { JourneyMapFile } from './journey-map';
import { toCsv, toInsightCsvTables } from './to-csv';
import { toMarkdown } from './to-markdown';

export interface Download {
  filename: string;
  mimeType: string;
  text: string;
}

export interface Downloads {
  json: Download;
  csv: Download;
  markdown: Download;
  /** The insight tables (KPIs, ratings, RACI) that have rows, one CSV each. */
  tables: Download[];
}

/**
 * A filename part: letters and digits of any script kept (a Japanese board name stays readable),
 * everything else folded to single dashes, at most 40 characters.
 */
export function toFilenamePart(name: string, fallback: string): string {
  const slug = name
    // Accents off Latin letters only: NFKD would also split Japanese kana from their marks.
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `<board>-<map>-<yyyy-mm-dd>` from the file itself, so a snapshot downloads under its own date. */
export function exportBaseName(file: JourneyMapFile): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(file.exportedAt)?.[0] ?? 'undated';
  return [
    toFilenamePart(file.source.boardName, 'board'),
    toFilenamePart(file.map.title, 'map'),
    date,
  ].join('-');
}

/** Pretty JSON: people open these files, and gzip on the wire makes the spaces nearly free. */
export const toJsonText = (file: JourneyMapFile): string => `${JSON.stringify(file, null, 2)}\n`;

export function toDownloads(file: JourneyMapFile): Downloads {
  const base = exportBaseName(file);
  return {
    json: { filename: `${base}.json`, mimeType: 'application/json', text: toJsonText(file) },
    csv: { filename: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', text: toCsv(file) },
    markdown: {
      filename: `${base}.md`,
      mimeType: 'text/markdown;charset=utf-8',
      text: toMarkdown(file),
    },
    tables: toInsightCsvTables(file).map(({ table, csv }) => ({
      filename: `${base}-${table}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      text: csv,
    })),
  };
}
