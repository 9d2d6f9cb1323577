import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { panBy, screenToBoard, type Box, type Camera, type Point } from './camera';
import {
  hitOf,
  isTyping,
  moveGesture,
  ownsPointer,
  pinchStart,
  releaseGesture,
  startGesture,
  type Gesture,
  type GestureEntry,
  type GestureView,
  type Hit,
  wheelAction,
} from './gestures';

/** What the canvas's pointer handlers read and change in the board view. */
export interface PointerHost {
  canvasRef: RefObject<HTMLElement>;
  camera: Camera;
  /** The canvas's height: a wheel may scroll by pages. */
  pageHeight: number;
  spaceHeld: boolean;
  selection: readonly string[];
  entries: readonly (GestureEntry & { rect: Box })[];
  entryMap: ReadonlyMap<string, GestureEntry>;
  /** Shows a camera for the moment (null: the board's viewport again). */
  showCamera(camera: Camera | null): void;
  setCamera(camera: Camera): void;
  zoomBy(factor: number, anchor: Point): void;
  select(ids: readonly string[]): void;
  moveBy(ids: readonly string[], dx: number, dy: number): void;
  /** A double-click on `hit`, at board point `at`. */
  openAt(hit: Hit, at: Point): void;
}

/**
 * The canvas's pointer, wheel and double-click handlers: they keep the gesture under way and
 * the fingers down, and carry out what `gestures.ts` decides. Returns the handlers and what the
 * gesture shows (the selection box, the dragged items' offset, whether it pans).
 */
export function usePointerInput(host: PointerHost) {
  const { canvasRef, camera } = host;
  const gesture = useRef<Gesture | null>(null);
  /** Fingers on the canvas, for two-finger pinch (trackpad pinches arrive as ctrl+wheel). */
  const touches = useRef(new Map<number, Point>());
  const [box, setBox] = useState<Box | null>(null);
  const [drag, setDrag] = useState<{ moving: ReadonlySet<string>; dx: number; dy: number } | null>(
    null,
  );

  /** The canvas's page position, read once per press: moves then cost no layout reads. */
  const origin = useRef({ left: 0, top: 0 });
  const measureOrigin = (): void => {
    const rect = canvasRef.current?.getBoundingClientRect();
    origin.current = { left: rect?.left ?? 0, top: rect?.top ?? 0 };
  };
  const localPoint = (e: { clientX: number; clientY: number }): Point => ({
    x: e.clientX - origin.current.left,
    y: e.clientY - origin.current.top,
  });

  /** What a gesture shows while under way: the moved view, the selection box or the drag. */
  const show = (view: GestureView): void => {
    if (view.kind === 'camera') host.showCamera(view.camera);
    else if (view.kind === 'box') setBox(view.box);
    else setDrag({ moving: view.moving, dx: view.dx, dy: view.dy });
  };

  /** Ends the gesture under way; what it showed goes. */
  const endGesture = (): void => {
    gesture.current = null;
    host.showCamera(null);
    setBox(null);
    setDrag(null);
  };

  const onPointerDown = (e: PointerEvent): void => {
    // Presses inside the note editor place the caret; they are not canvas gestures.
    if (isTyping(e.target)) return;
    measureOrigin();
    const at = localPoint(e);
    const capture = (g: Gesture): void => {
      gesture.current = g;
      try {
        (e.currentTarget as Element | null)?.setPointerCapture(e.pointerId);
      } catch {
        // Synthetic events (tests) have no active pointer to capture.
      }
    };
    if (e.pointerType === 'touch') {
      touches.current.set(e.pointerId, at);
      const pinch = pinchStart(touches.current, camera);
      if (pinch) {
        setBox(null);
        setDrag(null);
        capture(pinch);
        return;
      }
    }
    if (gesture.current) return;
    canvasRef.current?.focus({ preventScroll: true });
    const { pointerId, pointerType, button, shiftKey } = e;
    const press = { pointerId, pointerType, button, shiftKey, at, hit: hitOf(e.target) };
    const { spaceHeld, selection, entryMap: entries } = host;
    const started = startGesture(press, { camera, spaceHeld, selection, entries });
    if (started.select) host.select(started.select);
    if (!started.gesture) return;
    // A pan keeps the browser's own middle-click scroll and context menu away.
    if (started.gesture.kind === 'pan') e.preventDefault();
    capture(started.gesture);
  };

  const onPointerMove = (e: PointerEvent): void => {
    const g = gesture.current;
    const isTouch = touches.current.has(e.pointerId);
    // Hovering without a gesture is the common case: nothing to do.
    if (!g && !isTouch) return;
    const p = localPoint(e);
    if (isTouch) touches.current.set(e.pointerId, p);
    const next = g && moveGesture(g, e.pointerId, p, touches.current);
    if (!next) return;
    gesture.current = next.gesture;
    show(next.view);
  };

  const onPointerUp = (e: PointerEvent): void => {
    touches.current.delete(e.pointerId);
    const g = gesture.current;
    if (!g || !ownsPointer(g, e.pointerId)) return;
    const action = releaseGesture(g, host.entries);
    if (action.kind === 'camera') host.setCamera(action.camera);
    else if (action.kind === 'select') host.select(action.ids);
    else if (action.kind === 'move') host.moveBy(action.ids, action.dx, action.dy);
    endGesture();
  };

  const onPointerCancel = (e: PointerEvent): void => {
    touches.current.delete(e.pointerId);
    const g = gesture.current;
    if (g && ownsPointer(g, e.pointerId)) endGesture();
  };

  const onDblClick = (e: MouseEvent): void => {
    if (isTyping(e.target)) return;
    measureOrigin();
    // After pointer capture, browsers aim click events at the canvas, not the item under it.
    const under =
      typeof document.elementFromPoint === 'function'
        ? document.elementFromPoint(e.clientX, e.clientY)
        : null;
    const hit = hitOf(under && canvasRef.current?.contains(under) ? under : e.target);
    host.openAt(hit, screenToBoard(camera, localPoint(e)));
  };

  const onWheel = (e: WheelEvent): void => {
    if (gesture.current?.kind === 'pan') return;
    e.preventDefault();
    const action = wheelAction(e, host.pageHeight);
    if (action.kind === 'zoom') {
      measureOrigin();
      host.zoomBy(action.factor, localPoint(e));
      return;
    }
    host.setCamera(panBy(camera, -action.dx, -action.dy));
  };

  return {
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onDblClick, onWheel },
    box,
    drag,
    panning: gesture.current?.kind === 'pan',
  };
}

/** The canvas's pointer, wheel and double-click handlers. */
export type PointerHandlers = ReturnType<typeof usePointerInput>['handlers'];
