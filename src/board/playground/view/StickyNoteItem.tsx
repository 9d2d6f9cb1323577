import type { LocalStickyNote } from '../sdk/local-board-types';
import { htmlToLines } from './html-to-lines';
import { layoutNote } from './note-layout';
import { STICKY_FILL, tagFill, textColorOn } from './palette';
import type { RenderEntry } from './render-entries';

export interface StickyNoteItemProps {
  entry: RenderEntry;
  note: LocalStickyNote;
  /** Only the note's square and a colour mark per tag: it is too small on screen to read. */
  simple?: boolean;
}

/** A sticky note: square with a soft shadow, fitted text, and tag chips along the bottom. */
export function StickyNoteItem({ entry, note, simple = false }: StickyNoteItemProps) {
  const { x, y, width, height } = entry.rect;
  const fill = STICKY_FILL[note.fillColor] ?? STICKY_FILL.light_yellow;
  if (simple) {
    const mark = width * 0.12;
    return (
      <>
        <rect class="bv-note-body" x={x} y={y} width={width} height={height} fill={fill} />
        {entry.tags.map((tag, i) => (
          <rect
            key={tag.id}
            x={x + width * 0.08 + i * mark * 1.3}
            y={y + height - width * 0.08 - mark / 2}
            width={mark}
            height={mark / 2}
            fill={tagFill(tag.color)}
          />
        ))}
      </>
    );
  }
  const ink = textColorOn(fill);
  const layout = layoutNote(width, height, htmlToLines(note.content), entry.tags);
  const { text, chips } = layout;
  const firstBaseline = y + layout.textTop + text.fontSize * 0.95;
  const chipRow = layout.chipFontSize * 1.5;
  return (
    <>
      {/* Two offset layers under the note: a soft shadow along its lower edge, as in Miro. */}
      <rect
        class="bv-note-shadow"
        x={x + width * 0.03}
        y={y + height * 0.035}
        width={width * 0.94}
        height={height * 0.97}
      />
      <rect
        class="bv-note-shadow"
        x={x + width * 0.01}
        y={y + height * 0.012}
        width={width * 0.98}
        height={height}
      />
      <rect class="bv-note-body" x={x} y={y} width={width} height={height} fill={fill} />
      {text.lines.length > 0 && (
        <text
          class="bv-note-text"
          x={x + width / 2}
          y={firstBaseline}
          font-size={text.fontSize}
          fill={ink}
          text-anchor="middle"
        >
          {text.lines.map((line, i) => (
            <tspan key={i} x={x + width / 2} y={firstBaseline + i * layout.lineHeight}>
              {line === '' ? '\u00a0' : line}
            </tspan>
          ))}
        </text>
      )}
      {chips.chips.map((chip, i) => {
        const chipFill = tagFill(chip.color);
        const cx = x + layout.padding + chip.x;
        const cy = y + layout.chipsTop + chip.y;
        return (
          <g key={i} class="bv-tag-chip" data-testid="tag-chip">
            <rect
              x={cx}
              y={cy}
              width={chip.width}
              height={chipRow}
              rx={chipRow / 2}
              fill={chipFill}
            />
            <text
              x={cx + chip.width / 2}
              y={cy + chipRow * 0.7}
              font-size={layout.chipFontSize}
              fill={textColorOn(chipFill)}
              text-anchor="middle"
            >
              {chip.title}
            </text>
          </g>
        );
      })}
    </>
  );
}
