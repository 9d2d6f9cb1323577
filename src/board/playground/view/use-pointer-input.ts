import { openAndWheelHandlers, pressHandlers, type PointerHost } from './pointer-handlers';
import { useCanvasPoint } from './use-canvas-point';
import { useGestureState } from './use-gesture-state';

/**
 * The canvas's pointer, wheel and double-click handlers: they keep the gesture under way and
 * the fingers down, and carry out what `gestures.ts` decides. Returns the handlers and what the
 * gesture shows (the selection box, the dragged items' offset, whether it pans).
 */
export function usePointerInput(host: PointerHost) {
  const point = useCanvasPoint(host.canvasRef);
  const state = useGestureState(host.showCamera);
  const { onPointerDown, onPointerMove, onPointerUp, onPointerCancel } = pressHandlers(
    host,
    point,
    state,
  );
  const { onDblClick, onWheel } = openAndWheelHandlers(host, point, state);
  return {
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onDblClick, onWheel },
    box: state.box,
    drag: state.drag,
    panning: state.gesture.current?.kind === 'pan',
  };
}

/** The canvas's pointer, wheel and double-click handlers. */
export type PointerHandlers = ReturnType<typeof usePointerInput>['handlers'];
