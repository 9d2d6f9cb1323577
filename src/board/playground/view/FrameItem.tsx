import type { LocalFrame } from '../sdk/local-board-types';
import { truncateToWidth } from './fit-text';
import { measureBoardText } from './measure-text';
import type { RenderEntry } from './render-entries';

export interface FrameItemProps {
  entry: RenderEntry;
  frame: LocalFrame;
  /** Current zoom: the title keeps a constant size on screen, as in Miro. */
  zoom: number;
}

/** A frame: fill and border (the body counts as empty canvas), title above its top-left corner. */
export function FrameItem({ entry, frame, zoom }: FrameItemProps) {
  const { x, y, width, height } = entry.rect;
  const fontSize = 13 / zoom;
  // Cut to the frame's width, as Miro does, so titles never run over their neighbours.
  const title = truncateToWidth(
    frame.title.trim() === '' ? 'Frame' : frame.title,
    width,
    fontSize,
    measureBoardText,
  );
  const titleWidth = Math.min(width, measureBoardText(title, fontSize) + 8 / zoom);
  return (
    <>
      <rect
        class="bv-frame-body"
        data-background=""
        x={x}
        y={y}
        width={width}
        height={height}
        fill={frame.fillColor || '#ffffff'}
      />
      <rect
        class="bv-frame-title-hit"
        data-testid="frame-title"
        x={x}
        y={y - fontSize * 1.7}
        width={titleWidth}
        height={fontSize * 1.6}
      />
      <text class="bv-frame-title" x={x} y={y - fontSize * 0.55} font-size={fontSize}>
        {title}
      </text>
    </>
  );
}
