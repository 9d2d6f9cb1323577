import { readFileSync } from 'node:fs';

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

export interface LabelledText {
  text: string;
  label: string;
}

/** Reads a labelled CSV with a header row, picking the text and label columns by name. */
export function readLabelledCsv(
  path: string,
  textColumn = 'text',
  labelColumn = 'category',
): LabelledText[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  const ti = header.indexOf(textColumn);
  const li = header.indexOf(labelColumn);
  if (ti < 0 || li < 0) {
    throw new Error(
      `${path}: columns "${textColumn}" and "${labelColumn}" not both in header (${header.join(', ')})`,
    );
  }
  return rows.map((r) => ({ text: r[ti] ?? '', label: r[li] ?? '' }));
}
