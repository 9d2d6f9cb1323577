import { describe, expect, it } from 'vitest';
import type { ExportNote, JourneyMapFile } from './journey-map';
import { toCsv, toCsvField } from './to-csv';
import { exportNote } from './testing/export-note';

/** A minimal RFC 4180 reader, independent of the writer, for round-trip checks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

const note = (id: string, text: string, extra: Partial<ExportNote> = {}): ExportNote =>
  exportNote(`b:${id}`, {
    id,
    text,
    stageSource: 'tag',
    position: { x: 0, y: 0, w: 1, h: 1 },
    ...extra,
  });
const file = (notes: ExportNote[]): JourneyMapFile => ({
  format: 'touchpoint.journey-map',
  version: 2,
  exportedAt: '2026-11-22T18:30:00.000Z',
  source: { platform: 'miro', boardId: 'b', boardName: 'B', appVersion: '0.1.0' },
  map: {
    id: 'm',
    title: 'Journey, "v2"',
    preset: 'classic',
    stages: [{ id: 's1', name: 'Awareness' }],
    lanes: [{ id: 'l1', name: 'Pain points', kind: 'pain_points' }],
    notes,
    clusters: [{ id: 'c1', label: 'Friction', keywords: [], memberIds: ['n1'] }],
    voteRounds: [],
    actions: [],
    insights: { personas: [], ratings: [], kpis: [], raci: [], departments: [] },
  },
});

describe('toCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1 more', "'+1 more"],
    ['-5 stars', "'-5 stars"],
    ['@admin', "'@admin"],
    ['\tindent', "'\tindent"],
    ['a=b', 'a=b'],
    ['支払い 😤', '支払い 😤'],
  ])('%j → %j', (input, expected) => {
    expect(toCsvField(input)).toBe(expected);
  });

  it('writes numbers as they are', () => {
    expect(toCsvField(-3)).toBe('-3');
  });
});

describe('toCsv', () => {
  const csv = toCsv(
    file([
      note('loose', 'outside', { loose: true, stageId: null, stageSource: 'none', laneId: null }),
      note('n1', 'Too many\r\nsteps, "really"', {
        clusterId: 'c1',
        votes: 4,
        tags: ['Stage · Awareness', 'Urgent'],
      }),
    ]),
  );

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    expect(
      csv.startsWith('\uFEFFMap,Stage,Lane,Text,Cluster,Votes,Tags,Stage source,Loose,Note id\r\n'),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(/(?<!\r)\n/.test(csv)).toBe(false);
  });

  it('round-trips through an RFC 4180 parser, map notes first', () => {
    expect(parseCsv(csv.slice(1))).toEqual([
      [
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
      ],
      [
        'Journey, "v2"',
        'Awareness',
        'Pain points',
        'Too many\r\nsteps, "really"',
        'Friction',
        '4',
        'Stage · Awareness; Urgent',
        'tag',
        '',
        'n1',
      ],
      ['Journey, "v2"', '', '', 'outside', '', '0', '', 'none', 'yes', 'loose'],
    ]);
  });
});
