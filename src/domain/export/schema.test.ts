import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../public/schema/journey-map.v1.json';
import { arbitraryBoard } from './arbitrary-board';
import { deriveJourneyMap } from './derive-journey-map';
import type { JourneyMapFileV1 } from './journey-map-v1';
import { restore } from './restore';
import { toExportFile } from './to-export-file';

// An independent validator, in strict mode so a typo in the schema fails here too.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);
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
        expect(validate(parsed), errors()).toBe(true);
        const restored = restore(parsed);
        if (!restored.ok) throw new Error(restored.message);
        // Reading back what we wrote changes nothing and has nothing to warn about.
        expect(restored.warnings).toEqual([]);
        expect(JSON.parse(JSON.stringify(restored.file))).toStrictEqual(parsed);
        expect(validate(JSON.parse(JSON.stringify(restored.file))), errors()).toBe(true);
      }),
      { numRuns: 60 },
    );
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
