import type { LocalShape } from '../sdk/local-board-types';
import { fitText } from './fit-text';
import { htmlToLines } from './html-to-lines';
import { measureBoardText } from './measure-text';
import type { RenderEntry } from './render-entries';
import { shapePolygon } from './shape-points';

export interface ShapeItemProps {
  entry: RenderEntry;
  shape: LocalShape;
}

const LINE_HEIGHT = 1.3;

/** A shape with fill, border and its text; small circles and stars are vote dots. */
export function ShapeItem({ entry, shape }: ShapeItemProps) {
  const { x, y, width, height } = entry.rect;
  const { style } = shape;
  const common = {
    class: 'bv-shape-body',
    fill: style.fillColor || 'transparent',
    stroke: style.borderWidth > 0 ? style.borderColor : 'none',
    'stroke-width': style.borderWidth,
  };
  const points = shapePolygon(shape.shape, entry.rect);
  let body;
  if (shape.shape === 'circle') {
    body = (
      <ellipse {...common} cx={x + width / 2} cy={y + height / 2} rx={width / 2} ry={height / 2} />
    );
  } else if (points !== null) {
    body = <polygon {...common} points={points} />;
  } else {
    const r = shape.shape === 'round_rectangle' ? Math.min(width, height) * 0.12 : 0;
    body = <rect {...common} x={x} y={y} width={width} height={height} rx={r} />;
  }
  const lines = htmlToLines(shape.content);
  if (lines.length === 0) return body;
  const pad = Math.min(width, height) * 0.06;
  const fontSize = style.fontSize > 0 ? style.fontSize : 14;
  const text = fitText(lines, width - 2 * pad, height - 2 * pad, {
    maxFontSize: fontSize,
    minFontSize: Math.min(fontSize, Math.max(4, fontSize * 0.3)),
    lineHeight: LINE_HEIGHT,
    measure: measureBoardText,
  });
  const lh = text.fontSize * LINE_HEIGHT;
  const top = y + (height - text.lines.length * lh) / 2 + text.fontSize * 0.95;
  const anchor =
    style.textAlign === 'left' ? 'start' : style.textAlign === 'right' ? 'end' : 'middle';
  const tx = anchor === 'start' ? x + pad : anchor === 'end' ? x + width - pad : x + width / 2;
  return (
    <>
      {body}
      <text
        class="bv-shape-text"
        font-size={text.fontSize}
        fill={style.color || '#1a1a1a'}
        text-anchor={anchor}
      >
        {text.lines.map((line, i) => (
          <tspan key={i} x={tx} y={top + i * lh}>
            {line === '' ? '\u00a0' : line}
          </tspan>
        ))}
      </text>
    </>
  );
}
