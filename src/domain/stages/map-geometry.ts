import type { Rect } from '../board/board-item';
import type { MapSpec } from '../journey/map-spec';

/** One stage × lane cell of a map, in absolute board coordinates. */
export interface MapCell {
  stageId: string;
  laneId: string;
  rect: Rect;
}

/**
 * A map as it sits on the board. The app layer builds it from the layout so that stage
 * decisions and the export do not depend on how the layout names or nests its items.
 */
export interface MapGeometry {
  spec: MapSpec;
  /** The map's frame; a note whose centre lies inside it belongs to the map. */
  frameRect: Rect;
  cells: readonly MapCell[];
}
