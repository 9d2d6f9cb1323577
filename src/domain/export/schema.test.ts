import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../public/schema/journey-map.v1.json';
import schemaV2 from '../../../public/schema/journey-map.v2.json';
import { arbitraryBoard } from './testing/arbitrary-board';
import { deriveJourneyMap } from './derive-journey-map';
import type { JourneyMapFileV1, JourneyMapFileV2 } from './journey-map';
import { restore } from './restore';
import { toExportFile } from './to-export-file';

// An independent validator, in strict mode so a typo in the schema fails here too.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);
const validateV2 = ajv.compile(schemaV2);
const errorsV2 = () => ajv.errorsText(validateV2.errors);
const source = {
  platform: 'playground',
  boardId: 'board-1',
  boardName: 'Demo',
  appVersion: '0.1.0',
};
const errors = () => ajv.errorsText(validate.errors);

/** A complete v1 file using every part of the format, valid by construction. */
const fullFile = (): JourneyMapFileV1 => ({
  format: 'touchpoint.journey-map',
  version: 1,
  exportedAt: '2026-11-22T18:30:00.000Z',
  source,
  map: {
    id: 'm1',
    title: 'Journey',
    preset: 'classic',
    persona: { name: 'Alex', summary: 'First-time customer' },
    stages: [{ id: 's1', name: 'Awareness' }],
    lanes: [{ id: 'l1', name: 'Pain points', kind: 'pain_points' }],
    notes: [
      {
        id: 'n1',
        kind: 'note',
        importKey: 'board-1:n1',
        text: 'Too many steps',
        stageId: 's1',
        stageSource: 'tag',
        laneId: 'l1',
        laneSource: 'position',
        stageConflict: 'tag-disagrees-with-position',
        loose: false,
        clusterId: 'c1',
        votes: 3,
        color: 'yellow',
        tags: ['Stage · Awareness'],
        position: { x: 1, y: 2, w: 200, h: 200 },
        author: 'Dana',
      },
    ],
    clusters: [{ id: 'c1', label: 'Friction', keywords: ['steps'], memberIds: ['n1'] }],
    voteRounds: [
      {
        id: 'r1',
        title: 'Top pains',
        settings: {
          votesPerVoter: 3,
          maxVotesPerItem: 1,
          scope: 'map',
          scopeIds: [],
          anonymous: true,
        },
        status: 'open',
        startedAt: '2026-11-22T18:00:00.000Z',
        endedAt: null,
        totals: [{ itemId: 'n1', votes: 3 }],
        ballots: [{ voterId: 'u1', votes: [{ itemId: 'n1', votes: 1 }] }],
      },
      {
        id: 'r2',
        title: 'Earlier',
        settings: {
          votesPerVoter: 5,
          maxVotesPerItem: 2,
          scope: 'stage',
          scopeIds: ['s1'],
          anonymous: false,
        },
        status: 'revealed',
        startedAt: null,
        endedAt: null,
        totals: [],
      },
    ],
    actions: [
      {
        id: 'a1',
        title: 'Cut a step',
        ownerTeam: 'Product',
        dueDate: '2026-12-31',
        impact: 5,
        feasibility: 2,
        status: 'todo',
        sourceItemIds: ['n1'],
      },
    ],
    metrics: [{ name: 'CSAT', value: 4.2, unit: null, stageId: 's1' }],
  },
});

describe('journey-map.v1.json', () => {
  it('accepts a file using every part of the format', () => {
    expect(validate(fullFile()), errors()).toBe(true);
  });

  type Mutation = [string, (f: Record<string, unknown> & JourneyMapFileV1) => void];
  const mutations: Mutation[] = [
    ['wrong format', (f) => Object.assign(f, { format: 'excalidraw' })],
    ['newer version', (f) => Object.assign(f, { version: 2 })],
    ['unknown top-level field', (f) => Object.assign(f, { extra: 1 })],
    ['missing map', (f) => delete (f as Partial<JourneyMapFileV1>).map],
    ['bad time', (f) => Object.assign(f, { exportedAt: 'yesterday' })],
    [
      'note without importKey',
      (f) => delete (f.map.notes[0] as Partial<(typeof f.map.notes)[0]>).importKey,
    ],
    ['unknown note field', (f) => Object.assign(f.map.notes[0] as object, { stage: 'Awareness' })],
    ['negative votes', (f) => Object.assign(f.map.notes[0] as object, { votes: -1 })],
    ['fractional votes', (f) => Object.assign(f.map.notes[0] as object, { votes: 1.5 })],
    ['unknown colour', (f) => Object.assign(f.map.notes[0] as object, { color: '#ff0000' })],
    [
      'unknown stage source',
      (f) => Object.assign(f.map.notes[0] as object, { stageSource: 'guess' }),
    ],
    ['truncated false', (f) => Object.assign(f.map.notes[0] as object, { truncated: false })],
    [
      'negative width',
      (f) => Object.assign((f.map.notes[0] as { position: object }).position, { w: -1 }),
    ],
    [
      'text over the limit',
      (f) => Object.assign(f.map.notes[0] as object, { text: 'x'.repeat(50_001) }),
    ],
    ['unknown lane kind', (f) => Object.assign(f.map.lanes[0] as object, { kind: 'feelings' })],
    [
      'ballots in a revealed round',
      (f) => Object.assign(f.map.voteRounds[1] as object, { ballots: [] }),
    ],
    [
      'open round without ballots',
      (f) => delete (f.map.voteRounds[0] as { ballots?: unknown }).ballots,
    ],
    ['impact 6', (f) => Object.assign(f.map.actions[0] as object, { impact: 6 })],
    [
      'due date with time',
      (f) => Object.assign(f.map.actions[0] as object, { dueDate: '2026-12-31T00:00' }),
    ],
    ['empty stage id', (f) => Object.assign(f.map.stages[0] as object, { id: '' })],
    ['persona without summary', (f) => delete (f.map.persona as { summary?: string }).summary],
  ];
  it.each(mutations)('rejects a file with %s', (_name, mutate) => {
    const file = fullFile() as Record<string, unknown> & JourneyMapFileV1;
    mutate(file);
    expect(validate(file)).toBe(false);
  });
});

/** The v1 file as v2 carries it: no metrics, and every part of the insights. */
const fullFileV2 = (): JourneyMapFileV2 => {
  const { metrics: _metrics, ...map } = fullFile().map;
  return {
    ...fullFile(),
    version: 2,
    map: {
      ...map,
      insights: {
        personas: [{ id: 'p1', name: 'Alex', summary: 'First-time customer' }],
        ratings: [
          { stageId: 's1', personaId: 'p1', line: 'as-is', value: -1, department: 'sales' },
        ],
        kpis: [
          {
            id: 'k1',
            name: 'CSAT',
            unit: '/5',
            stageId: 's1',
            baseline: 3.8,
            target: 4.5,
            direction: 'higher',
            readings: [{ value: 4.1, date: '2026-11-01', source: 'survey' }],
          },
        ],
        raci: [{ subject: { kind: 'action', id: 'a1' }, department: 'product', role: 'A' }],
        departments: ['product', 'sales'],
      },
    },
  };
};

describe('journey-map.v2.json', () => {
  it('accepts a file using every part of the format, and refuses a v1 file', () => {
    expect(validateV2(fullFileV2()), errorsV2()).toBe(true);
    expect(validateV2(fullFile())).toBe(false);
  });

  it('accepts every generated export; restore reads it back unchanged (property)', () => {
    fc.assert(
      fc.property(arbitraryBoard, fc.boolean(), ({ geometry, items }, includeAuthors) => {
        const authors = Object.fromEntries(items.map((i) => [i.id, `Author ${i.id}`]));
        const map = deriveJourneyMap(items, geometry, {
          boardId: 'board-1',
          includeAuthors,
          authors,
        });
        const file = toExportFile(map, source, new Date(Date.UTC(2026, 10, 22)));
        const parsed: unknown = JSON.parse(JSON.stringify(file));
        expect(validateV2(parsed), errorsV2()).toBe(true);
        const restored = restore(parsed);
        if (!restored.ok) throw new Error(restored.message);
        // Reading back what we wrote changes nothing and has nothing to warn about.
        expect(restored.warnings).toEqual([]);
        expect(JSON.parse(JSON.stringify(restored.file))).toStrictEqual(parsed);
        expect(validateV2(JSON.parse(JSON.stringify(restored.file))), errorsV2()).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  type Mutation = [string, (f: JourneyMapFileV2) => void];
  const mutations: Mutation[] = [
    ['metrics (a v1 field)', (f) => Object.assign(f.map, { metrics: [] })],
    ['no insights', (f) => delete (f.map as { insights?: unknown }).insights],
    ['a rating of 3', (f) => Object.assign(f.map.insights.ratings[0]!, { value: 3 })],
    [
      'a rater id on a rating',
      (f) => Object.assign(f.map.insights.ratings[0]!, { raterKey: 'u1' }),
    ],
    [
      'a reading that is not a number',
      (f) => Object.assign(f.map.insights.kpis[0]!.readings[0]!, { value: '4' }),
    ],
    [
      'a reading dated with a time',
      (f) => Object.assign(f.map.insights.kpis[0]!.readings[0]!, { date: '2026-11-01T10:00' }),
    ],
    [
      'a 500-character department',
      (f) => Object.assign(f.map.insights.raci[0]!, { department: 'x'.repeat(500) }),
    ],
    ['a RACI role X', (f) => Object.assign(f.map.insights.raci[0]!, { role: 'X' })],
    [
      'six personas',
      (f) => {
        f.map.insights.personas = Array.from({ length: 6 }, (_, i) => ({
          id: `p${i}`,
          name: `P${i}`,
          summary: '',
        }));
      },
    ],
  ];
  it.each(mutations)('rejects a file with %s', (_name, mutate) => {
    const file = fullFileV2();
    mutate(file);
    expect(validateV2(file)).toBe(false);
  });
});
