import type { Box } from './camera';
import { boxesOverlap } from './camera';
import { ItemView } from './ItemView';
import { memoBy, shallowEqual } from './memo-by';
import type { RenderEntry } from './render-entries';

export interface ItemsLayerProps {
  entries: readonly RenderEntry[];
  selected: ReadonlySet<string>;
  /** Ids drawn at the live drag offset (the dragged items and everything inside them). */
  moving: ReadonlySet<string>;
  dx: number;
  dy: number;
  zoom: number;
  /** Only items overlapping this board area are drawn (null: all). */
  cull: Box | null;
}

/** Notes narrower than this on screen are drawn without text, chips or shadow. */
export const SIMPLE_BELOW_PX = 60;

/** Frame titles sit above the frame; they count as part of it for culling. */
const TITLE_ROOM = 80;

function ItemsLayerInner({ entries, selected, moving, dx, dy, zoom, cull }: ItemsLayerProps) {
  return (
    <g class="tp-items">
      {entries.map((entry) => {
        const isMoving = moving.has(entry.id);
        const isFrame = entry.item.type === 'frame';
        if (cull && !isMoving && !selected.has(entry.id)) {
          const r = entry.rect;
          const room = isFrame ? TITLE_ROOM / zoom : 0;
          const box = { x: r.x, y: r.y - room, width: r.width, height: r.height + room };
          if (!boxesOverlap(cull, box)) return null;
        }
        return (
          <ItemView
            key={entry.id}
            entry={entry}
            selected={selected.has(entry.id)}
            dx={isMoving ? dx : 0}
            dy={isMoving ? dy : 0}
            zoom={isFrame ? zoom : 1}
            simple={entry.item.type === 'sticky_note' && entry.rect.width * zoom < SIMPLE_BELOW_PX}
          />
        );
      })}
    </g>
  );
}

/**
 * Every board item in view, keyed by id; each item is memoised on its own version key. Items far
 * outside the view are left out (thousands of SVG notes are costly to paint even off screen),
 * and notes too small to read are drawn simply, as Miro does when zoomed far out.
 */
export const ItemsLayer = memoBy(ItemsLayerInner, shallowEqual);
