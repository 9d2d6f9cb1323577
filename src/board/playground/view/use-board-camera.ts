import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { boundingBox, contains } from '../sdk/geometry';
import type { LocalBoard } from '../sdk/local-board-types';
import {
  cameraFromViewport,
  fitCamera,
  nextCullBox,
  screenToBoard,
  viewportFromCamera,
  viewportsClose,
  zoomAt,
  type Box,
  type Camera,
  type Point,
} from './camera';
import { useElementSize } from './use-element-size';

/**
 * What the canvas shows of the board: the board's viewport fitted to the canvas, or a camera
 * shown for the moment during a pan or pinch, and the ways to change it. Opens on the content,
 * and keeps the board's viewport equal to what is visible.
 */
export function useBoardCamera(
  board: LocalBoard,
  canvasRef: RefObject<HTMLElement>,
  items: readonly { rect: Box }[],
) {
  const measuredSize = useElementSize(canvasRef);
  const [transient, setTransient] = useState<Camera | null>(null);
  const boardViewport = board.viewport();
  const measured = measuredSize.width > 0 && measuredSize.height > 0;
  // Before the canvas has a size (or where there is no layout, as in tests) it acts as if it
  // were the size of the board's first viewport.
  const fallbackSize = useRef({ width: boardViewport.width, height: boardViewport.height });
  const size = measured ? measuredSize : fallbackSize.current;
  const camera = transient ?? cameraFromViewport(boardViewport, size);
  // The drawn area moves only when the view leaves it (see nextCullBox), so the memoised items
  // layer sees the same box object across small pans and zooms.
  const cullRef = useRef<Box | null>(null);
  cullRef.current = nextCullBox(cullRef.current, viewportFromCamera(camera, size));

  // Open on the content, as Miro does, unless it is all in view already.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !measured) return;
    opened.current = true;
    const bounds = boundingBox(items.map((e) => e.rect));
    if (bounds && !contains(viewportFromCamera(camera, size), bounds)) {
      board.setViewport(viewportFromCamera(fitCamera(bounds, size), size));
    }
  });

  // Keep the board's viewport equal to what is actually visible (the canvas's aspect ratio can
  // differ from a viewport set by `zoomTo`), so `viewport.get()` tells apps the truth.
  useEffect(() => {
    if (!measured || transient) return;
    const current = board.viewport();
    const visible = viewportFromCamera(cameraFromViewport(current, size), size);
    if (!viewportsClose(visible, current)) board.setViewport(visible);
  });

  const middle = { x: size.width / 2, y: size.height / 2 };

  // Straight to the board: a pan or zoom should not dismiss the last refusal's notice.
  const setCamera = (next: Camera): void => {
    board.setViewport(viewportFromCamera(next, size));
  };

  return {
    size,
    camera,
    cull: cullRef.current,
    /** A pan or pinch is showing a camera the board does not have yet. */
    moving: transient !== null,
    /** Shows `next` without telling the board (null: the board's viewport again). */
    showCamera: setTransient,
    setCamera,
    /** Zooms by `factor` around `anchor` (canvas px), the canvas's middle by default. */
    zoomBy: (factor: number, anchor: Point = middle): void =>
      setCamera(zoomAt(camera, anchor, camera.zoom * factor)),
    resetZoom: (): void => setCamera(zoomAt(camera, middle, 1)),
    /** Shows every item, or the board's origin at 100 % on an empty board. */
    fit: (): void => {
      const bounds = boundingBox(items.map((e) => e.rect));
      if (bounds) setCamera(fitCamera(bounds, size));
      else setCamera({ x: -size.width / 2, y: -size.height / 2, zoom: 1 });
    },
    /** The board point in the middle of the canvas. */
    centre: (): Point => screenToBoard(camera, middle),
    /** Centres `rect` at this zoom unless it is wholly in view. */
    reveal: (rect: Box): void => {
      if (contains(viewportFromCamera(camera, size), rect)) return;
      const c = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      setCamera({
        x: c.x - size.width / camera.zoom / 2,
        y: c.y - size.height / camera.zoom / 2,
        zoom: camera.zoom,
      });
    },
  };
}
