import type { MapSpec } from '../../journey/map-spec';
import type { MapCell, PlacedMap } from '../placed-map';

export interface GridPlacedMapOptions {
  origin?: { x: number; y: number };
  cellW?: number;
  cellH?: number;
  /** Room for stage headers above the cells and lane labels left of them. */
  headerH?: number;
  labelW?: number;
}

/**
 * A plain stages × lanes grid inside a frame. Tests, benchmarks and fixtures use it; the app
 * builds its geometry from the real layout instead.
 */
export function createGridPlacedMap(spec: MapSpec, options: GridPlacedMapOptions = {}): PlacedMap {
  const {
    origin = { x: 0, y: 0 },
    cellW = 400,
    cellH = 300,
    headerH = 120,
    labelW = 240,
  } = options;
  const cells: MapCell[] = [];
  spec.stages.forEach((stage, si) => {
    spec.lanes.forEach((lane, li) => {
      cells.push({
        stageId: stage.id,
        laneId: lane.id,
        rect: {
          x: origin.x + labelW + si * cellW,
          y: origin.y + headerH + li * cellH,
          w: cellW,
          h: cellH,
        },
      });
    });
  });
  return {
    spec,
    frameRect: {
      x: origin.x,
      y: origin.y,
      w: labelW + spec.stages.length * cellW,
      h: headerH + spec.lanes.length * cellH,
    },
    cells,
  };
}
