import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../board/board-item';
import { stageTagTitle, type MapSpec } from '../journey/map-spec';
import { createStageContext, tagStageIds } from '../stages/decide-stage';
import { createGridPlacedMap } from '../stages/testing/grid-placed-map';
import { arbitraryBoard } from './testing/arbitrary-board';
import { deriveJourneyMap, IMPORTED_NOTE_ROLE } from './derive-journey-map';
import { LIMITS } from './limits';

const spec: MapSpec = {
  id: 'm1',
  title: 'Onboarding journey',
  presetId: 'classic',
  persona: { name: 'Alex', summary: 'First-time customer' },
  stages: [
    { id: 'aw', name: 'Awareness' },
    { id: 'pu', name: 'Purchase' },
  ],
  lanes: [
    { id: 'ac', name: 'Actions', kind: 'actions' },
    { id: 'pp', name: 'Pain points', kind: 'pain_points' },
  ],
};
const geometry = createGridPlacedMap(spec); // cells x 240–1040, y 120–720
const note = (id: string, cx: number, cy: number, extra: Partial<BoardItem> = {}): BoardItem => ({
  id,
  kind: 'note',
  text: `note ${id}`,
  rect: { x: cx - 50, y: cy - 50, w: 100, h: 100 },
  color: 'yellow',
  tags: [],
  parentId: null,
  meta: null,
  ...extra,
});
const options = { boardId: 'b1', includeAuthors: false };

describe('deriveJourneyMap', () => {
  it('maps spec and notes: stage, lane, sources, colour, tags, absolute position, import key', () => {
    const map = deriveJourneyMap(
      [
        note('n1', 400, 200, {
          tags: ['Stage · purchase', 'Urgent'],
          color: 'pink',
          parentId: 'f9',
        }),
        note('n2', 800, 500),
        note('n3', -900, 0, { text: '  loose\t\tnote  ' }),
      ],
      geometry,
      options,
    );
    expect(map).toMatchObject({
      id: 'm1',
      title: 'Onboarding journey',
      preset: 'classic',
      persona: { name: 'Alex', summary: 'First-time customer' },
      stages: spec.stages,
      lanes: spec.lanes,
      clusters: [],
      voteRounds: [],
      actions: [],
    });
    expect(map.notes).toEqual([
      {
        id: 'n1',
        kind: 'note',
        importKey: 'b1:n1',
        text: 'note n1',
        stageId: 'pu',
        stageSource: 'tag',
        laneId: 'ac',
        laneSource: 'position',
        stageConflict: 'tag-disagrees-with-position',
        loose: false,
        clusterId: null,
        votes: 0,
        color: 'pink',
        tags: ['Stage · purchase', 'Urgent'],
        position: { x: 350, y: 150, w: 100, h: 100 },
      },
      expect.objectContaining({
        id: 'n2',
        stageId: 'pu',
        stageSource: 'position',
        laneId: 'pp',
        loose: false,
      }),
      expect.objectContaining({
        id: 'n3',
        text: 'loose note',
        stageId: null,
        stageSource: 'none',
        loose: true,
      }),
    ]);
  });

  it('leaves out non-notes and Touchpoint template stickies, keeps imported notes with their key', () => {
    const map = deriveJourneyMap(
      [
        note('shape', 400, 200, { kind: 'shape' }),
        note('emoji', 400, 200, { kind: 'other', platformType: 'emoji' }),
        note('hint', 400, 200, { meta: { m: 'm1', r: 'hint' } }),
        note('imported', 400, 200, { meta: { m: 'm1', r: IMPORTED_NOTE_ROLE, k: 'old-board:n7' } }),
        note('imported', 400, 200),
      ],
      geometry,
      options,
    );
    expect(map.notes.map((n) => [n.id, n.importKey])).toEqual([['imported', 'old-board:n7']]);
  });

  it('writes authors only when allowed', () => {
    const authors = { n1: 'Dana' };
    const items = [note('n1', 400, 200), note('n2', 400, 200)];
    expect(deriveJourneyMap(items, geometry, { ...options, authors }).notes[0]).not.toHaveProperty(
      'author',
    );
    const allowed = deriveJourneyMap(items, geometry, {
      ...options,
      includeAuthors: true,
      authors,
    });
    expect(allowed.notes.map((n) => n.author)).toEqual(['Dana', undefined]);
    expect(allowed.notes[1]).not.toHaveProperty('author');
  });

  it('keeps emoji, CJK and RTL text, strips control characters, keeps long notes whole', () => {
    const long = 'a'.repeat(6500);
    const map = deriveJourneyMap(
      [
        note('e', 400, 200, { text: 'Checkout 😤\u0007 took 👩‍👩‍👧 ages' }),
        note('c', 400, 200, { text: '支払いが\r\n分かりにくい' }),
        note('r', 400, 200, { text: '  الدفع صعب  ' }),
        note('l', 400, 200, { text: long }),
        note('empty', 400, 200, { text: '' }),
      ],
      geometry,
      options,
    );
    expect(map.notes.map((n) => n.text)).toEqual([
      'Checkout 😤 took 👩‍👩‍👧 ages',
      '支払いが\n分かりにくい',
      'الدفع صعب',
      long,
      '',
    ]);
    expect(map.notes.some((n) => n.truncated)).toBe(false);
  });

  it('cuts text beyond the limit and says so', () => {
    const map = deriveJourneyMap(
      [note('x', 0, 0, { text: 'é'.repeat(LIMITS.maxNoteText + 10) })],
      geometry,
      options,
    );
    expect(map.notes[0]?.text).toHaveLength(LIMITS.maxNoteText);
    expect(map.notes[0]?.truncated).toBe(true);
  });

  it('takes votes and clusters from the options, ignoring inherited keys', () => {
    const map = deriveJourneyMap([note('n1', 400, 200), note('toString', 400, 200)], geometry, {
      ...options,
      votes: { n1: 4 },
      clusterIds: { n1: 'c1' },
    });
    expect(map.notes.map((n) => [n.votes, n.clusterId])).toEqual([
      [4, 'c1'],
      [0, null],
    ]);
  });

  it('on any board: every note appears exactly once, nothing else does, and it never throws (property)', () => {
    fc.assert(
      fc.property(arbitraryBoard, ({ geometry: g, items }) => {
        const map = deriveJourneyMap(items, g, options);
        const noteIds = items.filter((i) => i.kind === 'note').map((i) => i.id);
        expect(map.notes.map((n) => n.id).sort()).toEqual([...noteIds].sort());
        expect(() => JSON.stringify(map)).not.toThrow();
      }),
    );
  });

  it("on any board: a note with exactly one stage tag has that tag's stage (property)", () => {
    fc.assert(
      fc.property(arbitraryBoard, ({ geometry: g, items }) => {
        const ctx = createStageContext(g);
        const map = deriveJourneyMap(items, g, options);
        const byId = new Map(map.notes.map((n) => [n.id, n]));
        for (const item of items) {
          if (item.kind !== 'note') continue;
          const tagged = tagStageIds(item, ctx);
          const exported = byId.get(item.id);
          if (tagged.length === 1) {
            expect(exported?.stageId).toBe(tagged[0]);
            expect(exported?.stageSource).toBe('tag');
          }
          if (tagged.length === 0) expect(exported?.stageSource).not.toBe('tag');
        }
      }),
    );
  });

  it('writes finite, non-negative positions whatever rect the adapter gave', () => {
    const map = deriveJourneyMap(
      [note('nan', 0, 0, { rect: { x: NaN, y: Infinity, w: -5, h: -Infinity } })],
      geometry,
      options,
    );
    expect(map.notes[0]?.position).toEqual({ x: 0, y: 0, w: 0, h: 0 });
    expect(JSON.parse(JSON.stringify(map.notes[0]?.position))).toEqual({ x: 0, y: 0, w: 0, h: 0 });
  });

  it('treats tag titles differing only in case as one stage, not a conflict', () => {
    const tags = [stageTagTitle('Awareness'), stageTagTitle('AWARENESS')];
    const map = deriveJourneyMap([note('n', 400, 200, { tags })], geometry, options);
    expect(map.notes[0]).toMatchObject({ stageId: 'aw', stageSource: 'tag', tags });
    expect(map.notes[0]).not.toHaveProperty('stageConflict');
  });
});
