import type { Box } from './camera';
import { overlaps } from '../sdk/geometry';
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

/**
 * Notes narrower than this on screen are drawn without text, chips or shadow: 60 px when many
 * notes are drawn (painting thousands of tiny texts is what makes a big board sluggish), 20 px
 * on a board of workshop size, where the tiny text still shows what is where.
 */
export const SIMPLE_BELOW_PX = { crowded: 60, sparse: 20 };
/** How many drawn notes make the board crowded. */
export const CROWDED_NOTES = 300;

/** Frame titles sit above the frame; they count as part of it for culling. */
const TITLE_ROOM = 80;

function ItemsLayerInner({ entries, selected, moving, dx, dy, zoom, cull }: ItemsLayerProps) {
  const drawn = entries.filter((entry) => {
    if (!cull || moving.has(entry.id) || selected.has(entry.id)) return true;
    const r = entry.rect;
    const room = entry.item.type === 'frame' ? TITLE_ROOM / zoom : 0;
    return overlaps(cull, { x: r.x, y: r.y - room, width: r.width, height: r.height + room });
  });
  let notes = 0;
  for (const entry of drawn) if (entry.item.type === 'sticky_note') notes += 1;
  const simpleBelow = notes > CROWDED_NOTES ? SIMPLE_BELOW_PX.crowded : SIMPLE_BELOW_PX.sparse;
  return (
    <g class="bv-items">
      {drawn.map((entry) => {
        const isMoving = moving.has(entry.id);
        const isFrame = entry.item.type === 'frame';
        return (
          <ItemView
            key={entry.id}
            entry={entry}
            selected={selected.has(entry.id)}
            dx={isMoving ? dx : 0}
            dy={isMoving ? dy : 0}
            zoom={isFrame ? zoom : 1}
            simple={entry.item.type === 'sticky_note' && entry.rect.width * zoom < simpleBelow}
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
