/**
 * Miro places an item by its centre, relative to the board centre, or — inside a frame —
 * relative to the frame's top-left corner. The Board port speaks absolute top-left rects.
 */
import type { Rect } from '../../domain/board/board-item';

/** Miro-side geometry of an item: centre `x, y`, size, and the containing frame. */
export interface CentreGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
}

export function centreToRect(g: { x: number; y: number; width: number; height: number }): Rect {
  return { x: g.x - g.width / 2, y: g.y - g.height / 2, w: g.width, h: g.height };
}

export function rectToCentre(r: Rect): { x: number; y: number } {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** Frames nest in practice only a level or two; anything deeper is a cycle in broken data. */
const MAX_DEPTH = 32;

export interface FrameResolver {
  /** Absolute top-left of a frame, through its own parents. Undefined when a frame is unknown. */
  frameTopLeft(frameId: string): { x: number; y: number } | undefined;
  /** Absolute top-left rect of an item whose `x, y` are relative to its parent frame. */
  absoluteRect(item: CentreGeometry): Rect;
  /** Centre relative to `parentId`'s top-left (or the board) for an absolute rect. */
  relativeCentre(rect: Rect, parentId: string | null): { x: number; y: number };
}

/**
 * Resolves frame-relative positions through chains of frames. `frames` is read as given; an
 * unknown parent is treated as the board itself (callers fetch unknown frames first).
 */
export function createFrameResolver(frames: ReadonlyMap<string, CentreGeometry>): FrameResolver {
  const memo = new Map<string, { x: number; y: number } | undefined>();

  const originOf = (parentId: string | null, depth: number): { x: number; y: number } => {
    if (parentId === null) return { x: 0, y: 0 };
    return topLeft(parentId, depth + 1) ?? { x: 0, y: 0 };
  };

  function topLeft(frameId: string, depth: number): { x: number; y: number } | undefined {
    if (memo.has(frameId)) return memo.get(frameId);
    const frame = frames.get(frameId);
    if (frame === undefined || depth > MAX_DEPTH) return undefined;
    const origin = originOf(frame.parentId, depth);
    const result = {
      x: origin.x + frame.x - frame.width / 2,
      y: origin.y + frame.y - frame.height / 2,
    };
    memo.set(frameId, result);
    return result;
  }

  return {
    frameTopLeft: (frameId) => topLeft(frameId, 0),
    absoluteRect(item) {
      const origin = originOf(item.parentId, 0);
      return centreToRect({ ...item, x: origin.x + item.x, y: origin.y + item.y });
    },
    relativeCentre(rect, parentId) {
      const origin = originOf(parentId, 0);
      const centre = rectToCentre(rect);
      return { x: centre.x - origin.x, y: centre.y - origin.y };
    },
  };
}
