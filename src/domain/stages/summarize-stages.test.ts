import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../board/board-item';
import { stageTagTitle, type MapSpec } from '../journey/map-spec';
import { createStageContext } from './decide-stage';
import { createGridPlacedMap } from './testing/grid-placed-map';
import { summarizeStages } from './summarize-stages';

const spec: MapSpec = {
  id: 'm1',
  title: 'Journey',
  presetId: 'blank',
  persona: null,
  stages: [
    { id: 'a', name: 'Awareness' },
    { id: 'b', name: 'Purchase' },
  ],
  lanes: [{ id: 'l', name: 'Actions', kind: 'actions' }],
};
const ctx = createStageContext(createGridPlacedMap(spec)); // cells at x 240–640 and 640–1040, y 120–420

const item = (
  id: string,
  cx: number,
  cy: number,
  tags: string[] = [],
  kind: BoardItem['kind'] = 'note',
): BoardItem => ({
  id,
  kind,
  text: '',
  rect: { x: cx - 10, y: cy - 10, w: 20, h: 20 },
  color: null,
  tags,
  parentId: null,
  meta: null,
});

describe('summarizeStages', () => {
  it('counts per stage, lists untagged notes in the map and conflicts', () => {
    const summary = summarizeStages(
      [
        item('by-pos', 400, 200),
        item('by-tag', 400, 200, [stageTagTitle('Awareness')]),
        item('disagree', 800, 200, [stageTagTitle('Awareness')]),
        item('two-tags', 800, 200, [stageTagTitle('Awareness'), stageTagTitle('purchase')]),
        item('header', 500, 50),
        item('loose-tagged', -900, 0, [stageTagTitle('Purchase')]),
        item('loose', -900, 0),
        item('shape', 400, 200, [], 'shape'),
      ],
      ctx,
    );
    expect(summary.perStage).toEqual([
      { stageId: 'a', name: 'Awareness', count: 3, byTag: 2, byPosition: 1 },
      { stageId: 'b', name: 'Purchase', count: 2, byTag: 2, byPosition: 0 },
    ]);
    expect(summary.untaggedInMap).toEqual(['by-pos', 'header']);
    expect(summary.undecidedInMap).toEqual(['header']);
    // The tagged note outside the frame is the map's too (its tag says so), shown apart.
    expect(summary.notesInMap).toBe(6);
    expect(summary.outsideFrame).toEqual(['loose-tagged']);
    const staged = summary.perStage.reduce((n, s) => n + s.count, 0);
    expect(staged + summary.undecidedInMap.length).toBe(summary.notesInMap);
    expect(summary.conflicts).toEqual([
      {
        itemId: 'disagree',
        conflict: 'tag-disagrees-with-position',
        tagStageIds: ['a'],
        positionStageId: 'b',
      },
      {
        itemId: 'two-tags',
        conflict: 'multiple-stage-tags',
        tagStageIds: ['a', 'b'],
        positionStageId: 'b',
      },
    ]);
  });
});
