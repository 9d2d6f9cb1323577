import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import type { Point } from './camera';

/**
 * Canvas points of pointer events: `measure()` reads the canvas's page position, once per
 * press (moves then cost no layout reads), and `at(e)` is the event's point on the canvas.
 */
export function useCanvasPoint(canvasRef: RefObject<HTMLElement>) {
  /** The canvas's page position, read once per press: moves then cost no layout reads. */
  const origin = useRef({ left: 0, top: 0 });
  const measure = (): void => {
    const rect = canvasRef.current?.getBoundingClientRect();
    origin.current = { left: rect?.left ?? 0, top: rect?.top ?? 0 };
  };
  const at = (e: { clientX: number; clientY: number }): Point => ({
    x: e.clientX - origin.current.left,
    y: e.clientY - origin.current.top,
  });
  return { measure, at };
}

export type CanvasPoint = ReturnType<typeof useCanvasPoint>;
