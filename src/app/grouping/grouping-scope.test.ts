import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../../board/port';
import { createGridPlacedMap } from '../../domain/stages/testing/grid-placed-map';
import { createStageContext } from '../../domain/stages/decide-stage';
import type { StageMapView } from '../stages/stage-view';
import { findHandMadeGroups, notesInScope, scopeArea } from './grouping-scope';

const note = (
  id: string,
  x: number,
  y: number,
  color: BoardItem['color'] = 'yellow',
): BoardItem => ({
  id,
  kind: 'note',
  text: id,
  rect: { x, y, w: 180, h: 206 },
  color,
  tags: [],
  parentId: null,
  meta: null,
});

describe('findHandMadeGroups', () => {
  it('joins touching notes of one colour, transitively; other colours and far notes stay apart', () => {
    const notes = [
      note('a', 0, 0),
      note('b', 190, 0), // 10 px gap
      note('c', 380, 0), // touches b, not a
      note('d', 570, 0, 'pink'), // touching, other colour
      note('e', 2000, 0),
      note('f', 2000, 300), // 94 px below e: too far
    ];
    expect(findHandMadeGroups(notes)).toEqual([['a', 'b', 'c']]);
  });
});

describe('scope', () => {
  const spec = {
    id: 'm',
    title: 'Map',
    presetId: 'classic',
    stages: [
      { id: 's1', name: 'One' },
      { id: 's2', name: 'Two' },
    ],
    lanes: [
      { id: 'l1', name: 'Actions', kind: 'actions' as const },
      { id: 'l2', name: 'Pains', kind: 'pain_points' as const },
    ],
  };
  const placed = createGridPlacedMap(spec as Parameters<typeof createGridPlacedMap>[0]);
  const view = { placed, context: createStageContext(placed) } as unknown as StageMapView;
  const cell = (stage: number, lane: number) =>
    placed.cells.find((c) => c.stageId === `s${stage}` && c.laneId === `l${lane}`)!.rect;

  it('picks the notes of a lane, a stage, a cell and the selection', () => {
    const c11 = cell(1, 1);
    const c22 = cell(2, 2);
    const notes = [
      note('in11', c11.x + 10, c11.y + 10),
      note('in22', c22.x + 10, c22.y + 10),
      note('outside', c22.x + 5000, c22.y),
    ];
    const ids = (scope: Parameters<typeof notesInScope>[0], selected: string[] = []) =>
      notesInScope(scope, notes, view, selected).map((n) => n.id);
    expect(ids({ kind: 'lane', mapId: 'm', laneId: 'l2' })).toEqual(['in22']);
    expect(ids({ kind: 'stage', mapId: 'm', stageId: 's1' })).toEqual(['in11']);
    expect(ids({ kind: 'cell', mapId: 'm', stageId: 's2', laneId: 'l2' })).toEqual(['in22']);
    expect(ids({ kind: 'map', mapId: 'm' })).toEqual(['in11', 'in22']);
    expect(ids({ kind: 'selection' }, ['outside'])).toEqual(['outside']);
  });

  it('gives a lane its row with a strip between neighbouring cells; the map scope goes to free space', () => {
    const area = scopeArea({ kind: 'lane', mapId: 'm', laneId: 'l2' }, view)!;
    const [a, b] = [cell(1, 2), cell(2, 2)];
    expect(area.rect).toEqual({ x: a.x, y: a.y, w: b.x + b.w - a.x, h: a.h });
    expect(area.dividers).toHaveLength(1);
    expect(area.dividers[0]!.x + area.dividers[0]!.w).toBeGreaterThanOrEqual(b.x);
    expect(area.dividers[0]!.x).toBeLessThanOrEqual(a.x + a.w);
    expect(scopeArea({ kind: 'map', mapId: 'm' }, view)).toBeNull();
  });
});
