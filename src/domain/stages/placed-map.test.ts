import { describe, expect, it } from 'vitest';
import type { MapSpec } from '../journey/map-spec';
import { createStageContext, decideStage } from './decide-stage';
import { createPlacedMap, type MapGrid } from './placed-map';

const spec: MapSpec = {
  id: 'm',
  title: 'Map',
  presetId: 'blank',
  persona: null,
  stages: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
  ],
  lanes: [{ id: 'l', name: 'L', kind: 'other' }],
};
const grid: MapGrid = {
  frame: { x: 0, y: 0, w: 1000, h: 500 },
  columns: [
    { stageId: 'a', x: 200, w: 400 },
    { stageId: 'b', x: 600, w: 400 },
  ],
  rows: [{ laneId: 'l', y: 100, h: 400 }],
};
const at = (x: number, y: number) => ({ rect: { x: x - 1, y: y - 1, w: 2, h: 2 }, tags: [] });

describe('createPlacedMap', () => {
  it('makes one cell per column × row', () => {
    const placed = createPlacedMap(spec, grid);
    expect(placed.cells).toEqual([
      { stageId: 'a', laneId: 'l', rect: { x: 200, y: 100, w: 400, h: 400 } },
      { stageId: 'b', laneId: 'l', rect: { x: 600, y: 100, w: 400, h: 400 } },
    ]);
    expect(decideStage(at(700, 200), createStageContext(placed)).stageId).toBe('b');
  });

  it('moves every cell with a frame that was moved after the layout', () => {
    const placed = createPlacedMap(spec, grid, { x: 5000, y: -300 });
    expect(placed.frameRect).toEqual({ x: 5000, y: -300, w: 1000, h: 500 });
    const ctx = createStageContext(placed);
    expect(decideStage(at(5300, -100), ctx).stageId).toBe('a');
    expect(decideStage(at(300, 200), ctx).stageId).toBeNull();
  });
});
