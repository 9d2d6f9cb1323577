import { ConnectorItem } from './ConnectorItem';
import { FrameItem } from './FrameItem';
import { memoBy } from './memo-by';
import type { RenderEntry } from './render-entries';
import { ShapeItem } from './ShapeItem';
import { StickyNoteItem } from './StickyNoteItem';
import { TextItem } from './TextItem';
import { UnsupportedItem } from './UnsupportedItem';

export interface ItemViewProps {
  entry: RenderEntry;
  selected: boolean;
  /** Live drag offset in board units (0, 0 when not being dragged). */
  dx: number;
  dy: number;
  /** Zoom, for items drawn at a constant screen size (frame titles); 1 for the others. */
  zoom: number;
  /** Draw a note without text, chips and shadow (too small on screen to read). */
  simple: boolean;
}

const TEST_ID: Record<RenderEntry['item']['type'], string> = {
  sticky_note: 'note',
  frame: 'frame',
  shape: 'shape',
  text: 'text',
  connector: 'connector',
  stamp: 'unsupported',
  emoji: 'unsupported',
  drawing: 'unsupported',
};

function ItemViewInner({ entry, selected, dx, dy, zoom, simple }: ItemViewProps) {
  const { item, rect } = entry;
  let body;
  switch (item.type) {
    case 'sticky_note':
      body = <StickyNoteItem entry={entry} note={item} simple={simple} />;
      break;
    case 'frame':
      body = <FrameItem entry={entry} frame={item} zoom={zoom} />;
      break;
    case 'shape':
      body = <ShapeItem entry={entry} shape={item} />;
      break;
    case 'text':
      body = <TextItem entry={entry} text={item} />;
      break;
    case 'connector':
      body = <ConnectorItem entry={entry} connector={item} />;
      break;
    default:
      body = <UnsupportedItem entry={entry} item={item} />;
  }
  const moving = dx !== 0 || dy !== 0;
  return (
    <g
      class={`bv-item bv-item-${item.type}${selected ? ' bv-selected' : ''}${moving ? ' bv-moving' : ''}`}
      data-testid={TEST_ID[item.type]}
      data-id={item.id}
      data-kind={item.type}
      data-selected={selected ? 'true' : undefined}
      transform={moving ? `translate(${dx} ${dy})` : undefined}
    >
      {body}
      {selected && (
        <rect
          class="bv-selection-outline"
          x={rect.x}
          y={rect.y}
          width={rect.width}
          height={rect.height}
        />
      )}
    </g>
  );
}

/** One board item, redrawn only when its version key, selection, drag offset or detail changes. */
export const ItemView = memoBy(
  ItemViewInner,
  (a, b) =>
    a.entry.version === b.entry.version &&
    a.selected === b.selected &&
    a.dx === b.dx &&
    a.dy === b.dy &&
    a.zoom === b.zoom &&
    a.simple === b.simple,
);
