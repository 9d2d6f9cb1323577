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
}

/** Every board item, keyed by id; each item is memoised on its own version key. */
export const ItemsLayer = memoBy(function ItemsLayer({
  entries,
  selected,
  moving,
  dx,
  dy,
  zoom,
}: ItemsLayerProps) {
  return (
    <g class="tp-items">
      {entries.map((entry) => {
        const isMoving = moving.has(entry.id);
        return (
          <ItemView
            key={entry.id}
            entry={entry}
            selected={selected.has(entry.id)}
            dx={isMoving ? dx : 0}
            dy={isMoving ? dy : 0}
            zoom={entry.item.type === 'frame' ? zoom : 1}
          />
        );
      })}
    </g>
  );
}, shallowEqual);
