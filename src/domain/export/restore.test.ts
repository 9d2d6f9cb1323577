import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { UNKNOWN_TIME } from './field-readers';
import { parseExport, restore } from './restore';

const minimal = () => ({
  format: 'touchpoint.journey-map',
  version: 1,
  exportedAt: '2026-11-22T18:30:00.000Z',
  source: { platform: 'miro', boardId: 'b1', boardName: 'Workshop', appVersion: '0.1.0' },
  map: {
    id: 'm1',
    title: 'Journey',
    preset: 'classic',
    stages: [{ id: 's1', name: 'Awareness' }],
    lanes: [{ id: 'l1', name: 'Pain points', kind: 'pain_points' }],
    notes: [{ id: 'n1', text: 'Too many steps', stageId: 's1', laneId: 'l1' }] as Record<
      string,
      unknown
    >[],
  } as Record<string, unknown>,
});

const failure = (input: unknown) => {
  const result = restore(input);
  if (result.ok) throw new Error('expected a failure');
  return result;
};
const success = (input: unknown) => {
  const result = restore(input);
  if (!result.ok) throw new Error(`expected success: ${result.message}`);
  return result;
};

describe('restore: the wrapper', () => {
  it.each([
    ['a list', [1, 2]],
    ['a number', 42],
    ['null', null],
    ['an excalidraw file', { type: 'excalidraw', version: 2, elements: [] }],
    ['another format', { format: 'acme.board', version: 1 }],
  ])('says %s is not a Touchpoint file', (_name, input) => {
    const result = failure(input);
    expect(result.reason).toBe('not-touchpoint');
    expect(result.message).toMatch(/^This is not a Touchpoint journey map: /);
  });

  it('names the other tool when the file says what it is', () => {
    expect(failure({ type: 'excalidraw' }).message).toContain('"excalidraw"');
  });

  it('refuses a newer version with a clear message', () => {
    expect(failure({ ...minimal(), version: 3 })).toEqual({
      ok: false,
      reason: 'too-new',
      message:
        'This file was made by a newer Touchpoint (format v3); this version reads up to v2. Update Touchpoint to open it.',
    });
  });

  it('rejects a missing, fractional or negative version', () => {
    expect(failure({ format: 'touchpoint.journey-map' })).toMatchObject({
      reason: 'invalid',
      field: 'version',
    });
    expect(failure({ ...minimal(), version: 1.5 })).toMatchObject({
      reason: 'invalid',
      field: 'version',
    });
    expect(failure({ ...minimal(), version: -1 })).toMatchObject({
      reason: 'invalid',
      field: 'version',
    });
  });

  it('rejects a file without a map', () => {
    const { map: _map, ...rest } = minimal();
    expect(failure(rest)).toMatchObject({ reason: 'invalid', field: 'map' });
  });
});

describe('restore: defaults and tolerance', () => {
  it('fills defaults field by field', () => {
    const result = success({
      format: 'touchpoint.journey-map',
      version: 1,
      map: { id: 'm', notes: [{ id: 'n' }] },
    });
    expect(result.file).toEqual({
      format: 'touchpoint.journey-map',
      version: 2,
      exportedAt: UNKNOWN_TIME,
      source: { platform: 'unknown', boardId: '', boardName: '', appVersion: '' },
      map: {
        id: 'm',
        title: 'Untitled map',
        preset: 'blank',
        stages: [],
        lanes: [],
        notes: [
          {
            id: 'n',
            kind: 'note',
            importKey: ':n',
            text: '',
            stageId: null,
            stageSource: 'none',
            laneId: null,
            laneSource: 'none',
            loose: false,
            clusterId: null,
            votes: 0,
            color: null,
            tags: [],
            position: { x: 0, y: 0, w: 0, h: 0 },
          },
        ],
        clusters: [],
        voteRounds: [],
        actions: [],
        insights: { personas: [], ratings: [], kpis: [], raci: [], departments: [] },
      },
    });
    expect(result.warnings).toEqual([
      'The file did not say where it came from. (source)',
      'The export time was missing or unreadable. (exportedAt)',
    ]);
  });

  it('gives a note without an import key one built from the board and note ids', () => {
    expect(success(minimal()).file.map.notes[0]?.importKey).toBe('b1:n1');
  });

  it('keeps unknown fields at every level', () => {
    const input = minimal();
    Object.assign(input, { generator: { name: 'future' } });
    Object.assign(input.map, { swimlaneColours: ['red'] });
    Object.assign(input.map['notes'] as object[], [
      { id: 'n1', sentiment: -0.4, position: { x: 1, y: 2, w: 3, h: 4, z: 9 } },
    ]);
    const { file } = success(input);
    expect(file).toHaveProperty('generator', { name: 'future' });
    expect(file.map).toHaveProperty('swimlaneColours', ['red']);
    expect(file.map.notes[0]).toHaveProperty('sentiment', -0.4);
    expect(file.map.notes[0]?.position).toEqual({ x: 1, y: 2, w: 3, h: 4, z: 9 });
  });

  it('drops notes of unknown kinds with one warning', () => {
    const input = minimal();
    input.map['notes'] = [
      { id: 'n1' },
      { id: 'c1', kind: 'card' },
      { id: 'c2', kind: 'card' },
      { id: 'n2', kind: 'note' },
    ];
    const result = success(input);
    expect(result.file.map.notes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(result.warnings).toEqual([
      'Items of kinds this version does not know were dropped. (map.notes[1] (card), map.notes[2] (card))',
    ]);
  });

  it('clears dangling references and unknown enum values with warnings', () => {
    const input = minimal();
    input.map['notes'] = [
      {
        id: 'n1',
        stageId: 'gone',
        laneId: 'gone',
        clusterId: 'gone',
        color: '#ff00ff',
        stageSource: 'tag',
      },
      { id: 'n1', text: 'duplicate id' },
    ];
    input.map['lanes'] = [{ id: 'l1', kind: 'feelings' }];
    input.map['clusters'] = [{ id: 'c1', memberIds: ['n1', 'ghost'] }];
    const result = success(input);
    expect(result.file.map.notes).toEqual([
      expect.objectContaining({
        id: 'n1',
        stageId: null,
        stageSource: 'none',
        laneId: null,
        clusterId: null,
        color: null,
      }),
    ]);
    expect(result.file.map.lanes[0]?.kind).toBe('other');
    expect(result.file.map.clusters[0]?.memberIds).toEqual(['n1']);
    expect(result.warnings).toHaveLength(7);
  });

  it('removes ballots from ended rounds (they are private once a round closes) and keeps them in open ones', () => {
    const input = minimal();
    const ballots = [{ voterId: 'u1', votes: [{ itemId: 'n1', votes: 2 }] }];
    input.map['voteRounds'] = [
      { id: 'r1', status: 'revealed', totals: [{ itemId: 'n1', votes: 2 }], ballots },
      { id: 'r2', status: 'open', ballots },
    ];
    const result = success(input);
    expect(result.file.map.voteRounds[0]).not.toHaveProperty('ballots');
    expect(result.file.map.voteRounds[1]).toMatchObject({ status: 'open', ballots });
    expect(result.warnings).toEqual([
      expect.stringContaining('Per-voter ballots of ended rounds were removed'),
    ]);
  });

  it('does not change its input', () => {
    const input = minimal();
    const before = JSON.stringify(input);
    success(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('restore: wrong types name the field', () => {
  it.each<[string, (d: ReturnType<typeof minimal>) => void, string]>([
    [
      'votes as text',
      (d) => Object.assign(d.map['notes'] as object[], [{ id: 'n1', votes: 'three' }]),
      'map.notes[0].votes',
    ],
    [
      'negative votes',
      (d) => Object.assign(d.map['notes'] as object[], [{ id: 'n1', votes: -2 }]),
      'map.notes[0].votes',
    ],
    ['notes as an object', (d) => (d.map['notes'] = { n1: {} } as never), 'map.notes'],
    [
      'a note without id',
      (d) => Object.assign(d.map['notes'] as object[], [{ text: 'x' }]),
      'map.notes[0].id',
    ],
    [
      'a tag that is a number',
      (d) => Object.assign(d.map['notes'] as object[], [{ id: 'n1', tags: ['a', 7] }]),
      'map.notes[0].tags[1]',
    ],
    ['title as a number', (d) => (d.map['title'] = 5), 'map.title'],
    ['source as text', (d) => Object.assign(d, { source: 'miro' }), 'source'],
    ['impact 9', (d) => (d.map['actions'] = [{ id: 'a1', impact: 9 }]), 'map.actions[0].impact'],
    ['a stage that is text', (d) => (d.map['stages'] = ['Awareness']), 'map.stages[0]'],
    [
      'a position given as text',
      (d) => Object.assign(d.map['notes'] as object[], [{ id: 'n1', position: { x: 'far' } }]),
      'map.notes[0].position.x',
    ],
  ])('%s', (_name, mutate, field) => {
    const input = minimal();
    mutate(input);
    const result = failure(input);
    expect(result).toMatchObject({ reason: 'invalid', field });
    expect(result.message.startsWith(field)).toBe(true);
  });
});

describe('restore: hostile input', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'rejects a "%s" key anywhere, naming where',
    (key) => {
      const input = JSON.parse(
        `{"format":"touchpoint.journey-map","version":1,"map":{"id":"m","notes":[{"id":"n","position":{"${key}":{"polluted":true}}}]}}`,
      ) as unknown;
      const result = failure(input);
      expect(result.reason).toBe('invalid');
      expect(result.message).toBe(
        `map.notes[0].position has a field named "${key}", which is not allowed.`,
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('rejects more than 50,000 notes', () => {
    const input = minimal();
    input.map['notes'] = Array.from({ length: LIMITS.maxNotes + 1 }, (_, i) => ({ id: `n${i}` }));
    expect(failure(input)).toMatchObject({
      field: 'map.notes',
      message: 'map.notes has 50,001 notes; the limit is 50,000.',
    });
  });

  it('rejects a string over 100,000 characters, naming it', () => {
    const input = minimal();
    input.map['notes'] = [{ id: 'n1', text: 'x'.repeat(LIMITS.maxStringLength + 1) }];
    expect(failure(input)).toMatchObject({ field: 'map.notes[0].text' });
  });

  it('rejects nesting deeper than 64 levels', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i += 1) deep = { d: deep };
    const input = minimal();
    input.map['notes'] = [{ id: 'n1', extra: deep }];
    expect(failure(input).message).toMatch(/nested more than 64 levels deep/);
  });

  it('rejects values JSON cannot hold (a Date from a careless store, a function)', () => {
    const input = minimal();
    Object.assign(input, { exportedAt: new Date() });
    expect(failure(input)).toMatchObject({
      field: 'exportedAt',
      message: 'exportedAt is not plain JSON data.',
    });
    expect(failure({ ...minimal(), hook: () => 1 })).toMatchObject({ field: 'hook' });
  });

  it('keeps a note text just under the string limit but cuts it to the note limit', () => {
    const input = minimal();
    input.map['notes'] = [{ id: 'n1', text: 'y'.repeat(LIMITS.maxNoteText + 5) }];
    const result = success(input);
    expect(result.file.map.notes[0]).toMatchObject({ truncated: true });
    expect(result.file.map.notes[0]?.text).toHaveLength(LIMITS.maxNoteText);
  });
});

describe('parseExport', () => {
  it('reads text, with or without a BOM', () => {
    expect(parseExport(JSON.stringify(minimal())).ok).toBe(true);
    expect(parseExport(`\uFEFF${JSON.stringify(minimal())}`).ok).toBe(true);
  });

  it('says a non-JSON file is not a Touchpoint file', () => {
    expect(parseExport('<html>')).toMatchObject({ ok: false, reason: 'not-touchpoint' });
    expect(parseExport('')).toMatchObject({ ok: false, reason: 'not-touchpoint' });
  });

  it('refuses text over 20 MB before parsing it', () => {
    const huge = `{"format":"touchpoint.journey-map","pad":"${'x'.repeat(LIMITS.maxFileBytes)}"}`;
    expect(parseExport(huge)).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'The file is larger than 20 MB, the most Touchpoint reads.',
    });
  });

  it('counts bytes, not characters: 7 million CJK characters are 21 MB', () => {
    const cjk = `{"t":"${'支'.repeat(7_000_000)}"}`;
    expect(parseExport(cjk)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
