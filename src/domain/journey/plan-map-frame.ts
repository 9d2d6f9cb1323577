/**
 * The frame's side of "Update on board" (plan-map-update.ts): how large it must be, and its two
 * steps — the first before any child moves (create it, or grow it to hold both the old and the
 * new area) and the last once they have (shrink it to fit). Miro refuses to resize a frame so its
 * children fall outside, so it never shrinks past a note.
 */
import { FRAME_KEY, LAYOUT, type LayoutItem, type MapLayout } from './layout';
import { rectUnion, sameRect, type Rect } from '../board/board-item';
import type { MapPlanOp, MapState } from './plan-map-update';

/** The layout's frame, or larger to keep every note inside with the layout's padding. */
export const frameAround = (layout: MapLayout, noteRects: readonly Rect[]): Rect =>
  withPadding(rectUnion(layout.geometry.frame, ...noteRects), layout.geometry.frame);

export interface FrameSteps {
  /** Before the children: create the frame, or grow it (or re-send it: new title, resync). */
  first: MapPlanOp[];
  /** After the children: shrink it to `frame`. */
  last: MapPlanOp[];
}

export function planFrameSteps(
  previous: MapState,
  prevItems: ReadonlyMap<string, LayoutItem>,
  nextItems: ReadonlyMap<string, LayoutItem>,
  frame: Rect,
  resync?: boolean,
): FrameSteps {
  const currentFrame = previous.frame ?? previous.layout.geometry.frame;
  const grown = rectUnion(currentFrame, frame);
  const frameId = previous.itemIds[FRAME_KEY];
  const frameItem = nextItems.get(FRAME_KEY) as LayoutItem;
  const first: MapPlanOp[] = [];
  const last: MapPlanOp[] = [];
  if (frameId === undefined) {
    first.push({ op: 'create', key: FRAME_KEY, item: { ...frameItem, rect: frame } });
  } else {
    const titleChanged = prevItems.get(FRAME_KEY)?.text !== frameItem.text;
    if (!sameRect(grown, currentFrame) || titleChanged || resync)
      first.push({ op: 'update', key: FRAME_KEY, id: frameId, rect: grown, text: frameItem.text });
    if (!sameRect(grown, frame))
      last.push({ op: 'update', key: FRAME_KEY, id: frameId, rect: frame });
  }
  return { first, last };
}

/** Keeps the layout's padding around notes that reach past the layout's frame. */
function withPadding(bounds: Rect, frame: Rect): Rect {
  if (sameRect(bounds, frame)) return frame;
  const p = LAYOUT.padding;
  const x1 = bounds.x < frame.x ? bounds.x - p : frame.x;
  const y1 = bounds.y < frame.y ? bounds.y - p : frame.y;
  const x2 = bounds.x + bounds.w > frame.x + frame.w ? bounds.x + bounds.w + p : frame.x + frame.w;
  const y2 = bounds.y + bounds.h > frame.y + frame.h ? bounds.y + bounds.h + p : frame.y + frame.h;
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}
