import type { LocalText } from '../sdk/local-board-types';
import { wrapLines } from './fit-text';
import { htmlToLines } from './html-to-lines';
import { measureBoardText } from './measure-text';
import type { RenderEntry } from './render-entries';

export interface TextItemProps {
  entry: RenderEntry;
  text: LocalText;
}

const LINE_HEIGHT = 1.3;

/** A text item: its lines wrapped to the item's width, top-left aligned. */
export function TextItem({ entry, text }: TextItemProps) {
  const { x, y, width, height } = entry.rect;
  const fontSize = text.style.fontSize > 0 ? text.style.fontSize : 14;
  const lines = wrapLines(htmlToLines(text.content), width, fontSize, measureBoardText);
  return (
    <>
      {/* Transparent hit area, so the whole text box can be clicked, not only the glyphs. */}
      <rect class="bv-hit-area" x={x} y={y} width={width} height={height} />
      <text class="bv-text-item" font-size={fontSize} fill={text.style.color || '#1a1a1a'}>
        {lines.map((line, i) => (
          <tspan key={i} x={x} y={y + fontSize * 0.95 + i * fontSize * LINE_HEIGHT}>
            {line === '' ? '\u00a0' : line}
          </tspan>
        ))}
      </text>
    </>
  );
}
