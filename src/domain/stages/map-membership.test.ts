import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../board/board-item';
import { stageTagTitle, type MapSpec } from '../journey/map-spec';
import { chooseStageTagTitles } from '../journey/stage-tag-titles';
import { createStageContexts, decideStage, mapMembership } from './decide-stage';
import { createGridPlacedMap } from './testing/grid-placed-map';
import type { PlacedMap } from './placed-map';
import { summarizeStages } from './summarize-stages';

const specOf = (id: string, title: string): MapSpec => ({
  id,
  title,
  presetId: 'blank',
  persona: null,
  stages: [
    { id: `${id}-c`, name: 'Consideration' },
    { id: `${id}-p`, name: 'Purchase' },
  ],
  lanes: [{ id: `${id}-l`, name: 'Actions', kind: 'actions' }],
});

// Map A at (0, 0): cells x 240–1040, y 120–420. Map B at (3000, 0).
const specA = specOf('a', 'Banking journey');
const specB = specOf('b', 'Café opening');
const titlesA = chooseStageTagTitles(specA, { taken: [], maxTagTitle: 25 });
const titlesB = chooseStageTagTitles(specB, { taken: Object.values(titlesA), maxTagTitle: 25 });
const placedA: PlacedMap = { ...createGridPlacedMap(specA), tagTitles: titlesA };
const placedB: PlacedMap = {
  ...createGridPlacedMap(specB, { origin: { x: 3000, y: 0 } }),
  tagTitles: titlesB,
};

const note = (id: string, cx: number, cy: number, tags: string[] = []): BoardItem => ({
  id,
  kind: 'note',
  text: id,
  rect: { x: cx - 10, y: cy - 10, w: 20, h: 20 },
  color: null,
  tags,
  parentId: null,
  meta: null,
});

describe('two maps with the same stage names', () => {
  const [ctxA, ctxB] = createStageContexts([placedA, placedB]) as [never, never];

  it('gives the later map its own, prefixed tags within MURAL’s 25 characters', () => {
    expect(titlesA['a-c']).toBe('Stage · Consideration');
    expect(titlesB['b-c']).toBe('Café · Consideration');
    for (const t of [...Object.values(titlesA), ...Object.values(titlesB)])
      expect(t.length).toBeLessThanOrEqual(25);
  });

  it('counts each map’s notes only in that map', () => {
    const items = [
      note('a-in', 400, 200),
      note('a-tag-loose', -900, 0, [titlesA['a-c'] as string]),
      note('b-in', 3400, 200),
      note('b-tag-loose', -900, 900, [titlesB['b-p'] as string]),
      note('b-tag-in-a', 800, 200, [titlesB['b-c'] as string]),
      note('loose', 9000, 9000),
    ];
    const a = summarizeStages(items, ctxA);
    const b = summarizeStages(items, ctxB);
    expect(a.notesInMap).toBe(2);
    expect(a.perStage.map((s) => s.count)).toEqual([2, 0]);
    expect(a.outsideFrame).toEqual(['a-tag-loose']);
    expect(a.otherMapsNotes).toEqual(['b-tag-in-a']);
    expect(b.notesInMap).toBe(3);
    expect(b.perStage.map((s) => s.count)).toEqual([2, 1]);
    expect(b.outsideFrame).toEqual(['b-tag-loose', 'b-tag-in-a']);
  });

  it('an empty new map counts nothing of the old map’s tagged notes', () => {
    const empty: PlacedMap = {
      ...createGridPlacedMap(specOf('e', 'Empty'), { origin: { x: 6000, y: 0 } }),
      tagTitles: chooseStageTagTitles(specOf('e', 'Empty'), {
        taken: [...Object.values(titlesA), ...Object.values(titlesB)],
        maxTagTitle: 120,
      }),
    };
    const ctxs = createStageContexts([placedA, placedB, empty]);
    const items = [note('x', -900, 0, [titlesA['a-c'] as string]), note('y', 400, 200)];
    const summary = summarizeStages(items, ctxs[2]!);
    expect(summary.notesInMap).toBe(0);
    expect(summary.perStage.every((s) => s.count === 0)).toBe(true);
  });
});

describe('boards made before tags were per map (both maps hold `Stage · …`)', () => {
  const legacyA: PlacedMap = { ...createGridPlacedMap(specA) };
  const legacyB: PlacedMap = { ...createGridPlacedMap(specB, { origin: { x: 3000, y: 0 } }) };
  const [ctxA, ctxB] = createStageContexts([legacyA, legacyB]) as [never, never];
  const shared = stageTagTitle('Consideration');

  it('reads a shared title by the frame the note is in, else as the oldest map’s', () => {
    const inB = note('in-b', 3400, 200, [shared]);
    const inA = note('in-a', 800, 200, [shared]);
    const loose = note('loose', -900, 0, [shared]);
    expect(mapMembership(inB, ctxB).member).toBe(true);
    expect(mapMembership(inB, ctxA).member).toBe(false);
    expect(mapMembership(inA, ctxA).member).toBe(true);
    expect(mapMembership(inA, ctxB).member).toBe(false);
    expect(mapMembership(loose, ctxA).member).toBe(true);
    expect(mapMembership(loose, ctxB).member).toBe(false);
    expect(decideStage(inB, ctxB).stageId).toBe('b-c');
    expect(decideStage(inB, ctxA).stageId).toBeNull();
  });
});

describe('membership', () => {
  it('every note belongs to at most one map, and each map’s counts add up', () => {
    const tags = [
      ...Object.values(titlesA),
      ...Object.values(titlesB),
      stageTagTitle('Consideration'),
      'Urgent',
    ];
    const arbNote = fc.record({
      x: fc.integer({ min: -1000, max: 5000 }),
      y: fc.integer({ min: -200, max: 600 }),
      tags: fc.subarray(tags, { maxLength: 2 }),
    });
    const ctxs = createStageContexts([placedA, placedB]);
    fc.assert(
      fc.property(fc.array(arbNote, { maxLength: 30 }), (raw) => {
        const items = raw.map((r, i) => note(`n${i}`, r.x, r.y, r.tags));
        // A note tagged for one map and sitting in another is the tagged map's; one tagged for
        // both maps is both maps' (a conflict the facilitator sees in each).
        for (const item of items) {
          const owners = ctxs.filter((c) => mapMembership(item, c).member).length;
          const tagged = ctxs.filter((c) => decideStage(item, c).stageSource === 'tag').length;
          expect(owners).toBeLessThanOrEqual(Math.max(1, tagged));
        }
        for (const ctx of ctxs) {
          const s = summarizeStages(items, ctx);
          const staged = s.perStage.reduce((n, st) => n + st.count, 0);
          expect(staged + s.undecidedInMap.length).toBe(s.notesInMap);
        }
      }),
    );
  });
});
