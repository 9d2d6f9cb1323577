import type { LocalUnsupported } from '../sdk/local-board-types';
import type { RenderEntry } from './render-entries';

export interface UnsupportedItemProps {
  entry: RenderEntry;
  item: LocalUnsupported;
}

const GLYPH: Record<LocalUnsupported['type'], string> = {
  stamp: '\u2605',
  emoji: '\u263a',
  drawing: '\u270e',
};

/** Items the SDK does not model (stamp, emoji, drawing): a small neutral placeholder glyph. */
export function UnsupportedItem({ entry, item }: UnsupportedItemProps) {
  const { x, y, width, height } = entry.rect;
  const size = Math.max(1, Math.min(width, height));
  return (
    <>
      <rect class="bv-unsupported" x={x} y={y} width={width} height={height} rx={size * 0.2} />
      <text
        class="bv-unsupported-glyph"
        x={x + width / 2}
        y={y + height / 2 + size * 0.2}
        font-size={size * 0.55}
        text-anchor="middle"
      >
        <title>{item.type}</title>
        {GLYPH[item.type]}
      </text>
    </>
  );
}
