import { useRef, useState } from 'preact/hooks';
import type { Box, Camera, Point } from './camera';
import type { Gesture, GestureView } from './gestures';

/**
 * The gesture under way, the fingers down, and what the gesture shows meanwhile: a camera (handed
 * to `showCamera`), the selection box or the dragged items' offset.
 */
export function useGestureState(showCamera: (camera: Camera | null) => void) {
  const gesture = useRef<Gesture | null>(null);
  /** Fingers on the canvas, for two-finger pinch (trackpad pinches arrive as ctrl+wheel). */
  const touches = useRef(new Map<number, Point>());
  const [box, setBox] = useState<Box | null>(null);
  const [drag, setDrag] = useState<{ moving: ReadonlySet<string>; dx: number; dy: number } | null>(
    null,
  );

  /** What a gesture shows while under way: the moved view, the selection box or the drag. */
  const show = (view: GestureView): void => {
    if (view.kind === 'camera') showCamera(view.camera);
    else if (view.kind === 'box') setBox(view.box);
    else setDrag({ moving: view.moving, dx: view.dx, dy: view.dy });
  };

  /** The selection box and the drag go (a pinch begins). */
  const clearShown = (): void => {
    setBox(null);
    setDrag(null);
  };

  /** Ends the gesture under way; what it showed goes. */
  const end = (): void => {
    gesture.current = null;
    showCamera(null);
    setBox(null);
    setDrag(null);
  };

  return { gesture, touches, box, drag, show, clearShown, end };
}

export type GestureState = ReturnType<typeof useGestureState>;
