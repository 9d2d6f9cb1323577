import { estimateTextWidth, type MeasureText } from './fit-text';

/** The font the board's SVG text uses (board-view.css), for measuring with a canvas. */
export const BOARD_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const CACHE_LIMIT = 20_000;
const UNIT = 100;

/**
 * A measurer using the browser's own font metrics (a 2D canvas, which costs no layout), cached
 * per string at one size since widths scale with the font size. Where there is no canvas
 * (Node, happy-dom) it falls back to the per-character estimate.
 */
export function createTextMeasurer(
  context: Pick<CanvasRenderingContext2D, 'measureText'> | null,
): MeasureText {
  if (!context) return estimateTextWidth;
  const widths = new Map<string, number>();
  return (text, fontSize) => {
    let width = widths.get(text);
    if (width === undefined) {
      if (widths.size >= CACHE_LIMIT) widths.clear();
      width = context.measureText(text).width / UNIT;
      widths.set(text, width);
    }
    return width * fontSize;
  };
}

function canvasContext(): CanvasRenderingContext2D | null {
  if (typeof document === 'undefined') return null;
  try {
    const context = document.createElement('canvas').getContext('2d');
    if (!context || typeof context.measureText !== 'function') return null;
    context.font = `${UNIT}px ${BOARD_FONT}`;
    // happy-dom and other stand-ins answer 0 for everything: estimate instead.
    return context.measureText('M').width > 0 ? context : null;
  } catch {
    return null;
  }
}

let shared: MeasureText | null = null;

/** The measurer for board text, made on first use. */
export function measureBoardText(text: string, fontSize: number): number {
  shared ??= createTextMeasurer(canvasContext());
  return shared(text, fontSize);
}
