import { describe, expect, it } from 'vitest';
import type { MapRecord } from './map-record';
import type { MapSpec } from './map-spec';
import {
  planStageTagSteps,
  tagTitlesAfter,
  tagTitlesOnBoard,
  titlesHeldByOthers,
  updateTagTitles,
  type StageTagInput,
} from './plan-stage-tags';
import { stageTagColorOf } from './stage-tag-colors';

const spec = (id: string, stages: string[]): MapSpec => ({
  id,
  title: id,
  presetId: 'blank',
  persona: null,
  stages: stages.map((name, i) => ({ id: `s${i + 1}`, name })),
  lanes: [],
});

const record = (id: string, tagTitles: Record<string, string>, createdAt: string): MapRecord => ({
  version: 1,
  spec: spec(id, Object.keys(tagTitles)),
  origin: { x: 0, y: 0 },
  size: { w: 0, h: 0 },
  geometry: { frame: { x: 0, y: 0, w: 0, h: 0 }, columns: [], rows: [] },
  itemIds: {},
  tagTitles,
  createdAt,
  updatedAt: createdAt,
  incomplete: false,
});

describe('titlesHeldByOthers', () => {
  it('holds every other map’s titles; a title shared with a newer map stays this map’s', () => {
    const mine = record('a', { s1: 'Stage · Awareness' }, '2026-02-01');
    const older = record('old', { s1: 'Stage · Awareness', s2: 'Old · Buy' }, '2026-01-01');
    const newer = record('new', { s1: 'stage · awareness', s2: 'New · Buy' }, '2026-03-01');
    expect([...titlesHeldByOthers([mine, older], mine)].sort()).toEqual([
      'Old · Buy',
      'Stage · Awareness',
    ]);
    expect([...titlesHeldByOthers([mine, newer], mine)]).toEqual(['New · Buy']);
  });
});

describe('tagTitlesOnBoard', () => {
  it('takes the recorded title while the board has it, else the wanted one a cancelled update made', () => {
    const recorded = { s1: 'Stage · A', s2: 'Stage · B', s3: 'Stage · C' };
    const wanted = { s1: 'Stage · A', s2: 'Stage · Bee', s3: 'Stage · Sea' };
    expect(tagTitlesOnBoard(recorded, wanted, new Set(['Stage · A', 'Stage · Bee']))).toEqual({
      s1: 'Stage · A',
      s2: 'Stage · Bee',
    });
  });
});

describe('updateTagTitles', () => {
  const mine = record('a', { s1: 'Stage · Awareness', s2: 'Stage · Buy' }, '2026-02-01');
  const next: MapSpec = { ...spec('a', ['Awareness', 'Purchase']), title: 'Retail' };
  const titlesOf = (of: MapRecord, maps: MapRecord[], boardTitles: string[]) =>
    updateTagTitles({
      spec: next,
      record: of,
      maps,
      boardTitles: new Set(boardTitles),
      maxTagTitle: 120,
    });

  it('keeps a title while it names its stage; a renamed stage wants a new one and frees the old', () => {
    const titles = titlesOf(mine, [mine], ['Stage · Awareness', 'Stage · Buy']);
    expect(titles.wanted).toEqual({ s1: 'Stage · Awareness', s2: 'Stage · Purchase' });
    expect(titles.onBoard).toEqual({ s1: 'Stage · Awareness', s2: 'Stage · Buy' });
    expect([...titles.renamedFrom]).toEqual(['Stage · Buy']);
  });

  it('leaves a title an older map holds to that map, and takes the board’s word for a rename made', () => {
    const older = record('old', { s1: 'Stage · Awareness' }, '2026-01-01');
    const titles = titlesOf(mine, [older, mine], ['Stage · Awareness', 'Stage · Purchase']);
    expect(titles.wanted).toEqual({ s1: 'Retail · Awareness', s2: 'Stage · Purchase' });
    expect(titles.onBoard).toEqual({ s1: 'Stage · Awareness', s2: 'Stage · Purchase' });
    expect([...titles.renamedFrom]).toEqual(['Stage · Awareness']);
  });

  it('keeps a title the map took while another map held the usual one', () => {
    const moved = record('a', { s1: 'Retail · Awareness' }, '2026-02-01');
    const titles = titlesOf(moved, [moved], ['Retail · Awareness']);
    expect(titles.wanted.s1).toBe('Retail · Awareness');
    expect(titles.renamedFrom.size).toBe(0);
  });

  it('frees nothing when no stage’s tag is on the board under another title', () => {
    const titles = titlesOf(mine, [mine], []);
    expect(titles.onBoard).toEqual({});
    expect(titles.renamedFrom.size).toBe(0);
  });
});

describe('planStageTagSteps', () => {
  const next = spec('a', ['Awareness', 'Buy']);
  const input = (over: Partial<StageTagInput>): StageTagInput => ({
    spec: next,
    mapId: 'a',
    wanted: { s1: 'Stage · Awareness', s2: 'Stage · Buy' },
    renames: [],
    ensure: [],
    boardTitles: new Set(),
    maps: [],
    notes: [],
    inFrame: new Set(),
    ...over,
  });
  const notes = [
    { id: 'in', tags: ['Stage · Purchase'] },
    { id: 'out', tags: ['Stage · Purchase'] },
    { id: 'other', tags: ['Stage · Awareness'] },
  ];
  const rename = { stageId: 's2', from: 'Stage · Purchase', to: 'Stage · Buy' };
  const colour = stageTagColorOf(
    next,
    { s1: 'Stage · Awareness', s2: 'Stage · Buy' },
    'Stage · Buy',
  );

  it('renames a tag only this map holds, keeping every note on it', () => {
    expect(
      planStageTagSteps(input({ renames: [rename], boardTitles: new Set(['Stage · Purchase']) })),
    ).toEqual([{ kind: 'rename', from: 'Stage · Purchase', title: 'Stage · Buy', stageId: 's2' }]);
  });

  it('moves the notes to the new title when a tag of that title exists already', () => {
    const steps = planStageTagSteps(
      input({
        renames: [rename],
        boardTitles: new Set(['Stage · Purchase', 'Stage · Buy']),
        notes,
        inFrame: new Set(['in']),
      }),
    );
    expect(steps).toEqual([
      { kind: 'ensure', title: 'Stage · Buy', color: colour, stageId: 's2' },
      { kind: 'retag', noteId: 'in', from: 'Stage · Purchase', title: 'Stage · Buy' },
      { kind: 'retag', noteId: 'out', from: 'Stage · Purchase', title: 'Stage · Buy' },
    ]);
  });

  it('moves only this map’s notes off a title another map shares', () => {
    const steps = planStageTagSteps(
      input({
        renames: [rename],
        boardTitles: new Set(['Stage · Purchase']),
        maps: [record('b', { s1: 'stage · purchase' }, '2026-01-01')],
        notes,
        inFrame: new Set(['in']),
      }),
    );
    expect(steps.filter((s) => s.kind === 'retag').map((s) => s.noteId)).toEqual(['in']);
    expect(steps.some((s) => s.kind === 'rename')).toBe(false);
  });

  it('makes the new tag and moves the notes when the old title is no longer on the board', () => {
    const steps = planStageTagSteps(input({ renames: [rename], boardTitles: new Set(), notes }));
    expect(steps.map((s) => s.kind)).toEqual(['ensure', 'retag', 'retag']);
  });

  it('makes sure the tags of new stages exist, with their stage’s colour', () => {
    expect(colour).toBeDefined();
    expect(planStageTagSteps(input({ ensure: ['Stage · Buy'] }))).toEqual([
      { kind: 'ensure', title: 'Stage · Buy', color: colour, stageId: null },
    ]);
  });
});

describe('tagTitlesAfter', () => {
  it('records the wanted title where a step made it, else the one the stage had', () => {
    const next = spec('a', ['A', 'B', 'C', 'D']);
    const wanted = { s1: 'T1', s2: 'T2', s3: 'T3', s4: 'T4' };
    const before = { s1: 'old1', s2: 'T2', s3: 'old3' };
    expect(tagTitlesAfter(next, wanted, before, new Set(['T1']))).toEqual({
      s1: 'T1',
      s2: 'T2',
      s3: 'old3',
    });
  });
});
