import type { RefObject } from 'preact';
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
  type Hit,
  wheelAction,
} from './gestures';
import type { CanvasPoint } from './use-canvas-point';
import type { GestureState } from './use-gesture-state';

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
 * A press, its moves and its release (or cancel): starting, following and ending the gesture
 * with what `gestures.ts` decides, and carrying out what the release does.
 */
export function pressHandlers(host: PointerHost, point: CanvasPoint, state: GestureState) {
  const { canvasRef, camera } = host;
  const { gesture, touches } = state;

  const onPointerDown = (e: PointerEvent): void => {
    // Presses inside the note editor place the caret; they are not canvas gestures.
    if (isTyping(e.target)) return;
    point.measure();
    const at = point.at(e);
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
        state.clearShown();
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
    const p = point.at(e);
    if (isTouch) touches.current.set(e.pointerId, p);
    const next = g && moveGesture(g, e.pointerId, p, touches.current);
    if (!next) return;
    gesture.current = next.gesture;
    state.show(next.view);
  };

  const onPointerUp = (e: PointerEvent): void => {
    touches.current.delete(e.pointerId);
    const g = gesture.current;
    if (!g || !ownsPointer(g, e.pointerId)) return;
    const action = releaseGesture(g, host.entries);
    if (action.kind === 'camera') host.setCamera(action.camera);
    else if (action.kind === 'select') host.select(action.ids);
    else if (action.kind === 'move') host.moveBy(action.ids, action.dx, action.dy);
    state.end();
  };

  const onPointerCancel = (e: PointerEvent): void => {
    touches.current.delete(e.pointerId);
    const g = gesture.current;
    if (g && ownsPointer(g, e.pointerId)) state.end();
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}

/** A double-click opens what is under it; a wheel turn zooms or pans (not during a pan). */
export function openAndWheelHandlers(host: PointerHost, point: CanvasPoint, state: GestureState) {
  const { canvasRef, camera } = host;

  const onDblClick = (e: MouseEvent): void => {
    if (isTyping(e.target)) return;
    point.measure();
    // After pointer capture, browsers aim click events at the canvas, not the item under it.
    const under =
      typeof document.elementFromPoint === 'function'
        ? document.elementFromPoint(e.clientX, e.clientY)
        : null;
    const hit = hitOf(under && canvasRef.current?.contains(under) ? under : e.target);
    host.openAt(hit, screenToBoard(camera, point.at(e)));
  };

  const onWheel = (e: WheelEvent): void => {
    if (state.gesture.current?.kind === 'pan') return;
    e.preventDefault();
    const action = wheelAction(e, host.pageHeight);
    if (action.kind === 'zoom') {
      point.measure();
      host.zoomBy(action.factor, point.at(e));
      return;
    }
    host.setCamera(panBy(camera, -action.dx, -action.dy));
  };

  return { onDblClick, onWheel };
}
