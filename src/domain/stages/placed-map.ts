import type { Rect } from '../board/board-item';
import type { MapSpec } from '../journey/map-spec';

/** One stage × lane cell of a map, in absolute board coordinates. */
export interface MapCell {
  stageId: string;
  laneId: string;
  rect: Rect;
}

/**
 * A map as it sits on the board now: its frame and one absolute rect per cell. Stage decisions
 * and the export take this, not the layout, so they do not depend on how the layout names or
 * nests its items. (Named apart from the layout's own `MapGeometry`, which records where the
 * layout first put the map.)
 */
export interface PlacedMap {
  spec: MapSpec;
  /** The map's frame; a note whose centre lies inside it belongs to the map. */
  frameRect: Rect;
  cells: readonly MapCell[];
  /**
   * Stage id → title of the board tag that marks the stage (the map record's). A stage missing
   * here is marked by the default `Stage · <name>`.
   */
  tagTitles?: Readonly<Record<string, string>>;
}

/** Stage columns and lane rows, as a layout describes a map grid (absolute, top-left). */
export interface MapGrid {
  frame: Rect;
  columns: readonly { stageId: string; x: number; w: number }[];
  rows: readonly { laneId: string; y: number; h: number }[];
}

/**
 * Builds a PlacedMap from a column/row grid. `frameNow` is where the frame is at present, when
 * people moved it after the layout was made: every cell moves with it.
 */
export function createPlacedMap(
  spec: MapSpec,
  grid: MapGrid,
  frameNow?: { x: number; y: number },
): PlacedMap {
  const dx = frameNow ? frameNow.x - grid.frame.x : 0;
  const dy = frameNow ? frameNow.y - grid.frame.y : 0;
  const cells: MapCell[] = [];
  for (const column of grid.columns) {
    for (const row of grid.rows) {
      cells.push({
        stageId: column.stageId,
        laneId: row.laneId,
        rect: { x: column.x + dx, y: row.y + dy, w: column.w, h: row.h },
      });
    }
  }
  return {
    spec,
    frameRect: { x: grid.frame.x + dx, y: grid.frame.y + dy, w: grid.frame.w, h: grid.frame.h },
    cells,
  };
}
