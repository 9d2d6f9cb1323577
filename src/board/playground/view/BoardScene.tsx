import type { Box, Camera } from './camera';
import { ItemsLayer } from './ItemsLayer';
import { PresenceLayer, type PresenceSelection } from './PresenceLayer';
import type { RenderEntry } from './render-entries';

const EMPTY_SET: ReadonlySet<string> = new Set();

export interface BoardSceneProps {
  entries: readonly RenderEntry[];
  selected: ReadonlySet<string>;
  camera: Camera;
  /** Only items overlapping this board area are drawn (null: all). */
  cull: Box | null;
  /** The items being dragged (with everything inside them) and the drag's offset so far. */
  drag: { moving: ReadonlySet<string>; dx: number; dy: number } | null;
  /** The other participants' selections. */
  others: readonly PresenceSelection[];
  /** The selection box being drawn, in board units. */
  box: Box | null;
}

/** The board as the camera sees it: the items, others' selections and the selection box. */
export function BoardScene({
  entries,
  selected,
  camera,
  cull,
  drag,
  others,
  box,
}: BoardSceneProps) {
  const { x, y, zoom } = camera;
  return (
    <svg class="bv-board-svg" width="100%" height="100%" aria-hidden="true">
      <g transform={`matrix(${zoom} 0 0 ${zoom} ${-x * zoom} ${-y * zoom})`}>
        <ItemsLayer
          entries={entries}
          selected={selected}
          moving={drag?.moving ?? EMPTY_SET}
          dx={drag?.dx ?? 0}
          dy={drag?.dy ?? 0}
          zoom={zoom}
          cull={cull}
        />
        {others.length > 0 && <PresenceLayer selections={others} zoom={zoom} />}
        {box && (
          <rect
            class="bv-select-box"
            data-testid="select-box"
            x={box.x}
            y={box.y}
            width={box.width}
            height={box.height}
          />
        )}
      </g>
    </svg>
  );
}
