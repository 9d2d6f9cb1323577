import type { ComponentChildren, RefObject } from 'preact';
import { gridBackground, type Camera } from './camera';
import { isTyping } from './gestures';
import type { PointerHandlers } from './use-pointer-input';

export interface BoardCanvasProps {
  canvasRef: RefObject<HTMLDivElement>;
  /** The acting participant's name. */
  actingAs: string;
  itemCount: number;
  /** The id of the shortcuts' description. */
  helpId: string;
  camera: Camera;
  panning: boolean;
  /** The pointer, wheel and double-click handlers. */
  handlers: PointerHandlers;
  onBlur(): void;
  children: ComponentChildren;
}

/** The focusable canvas: its label and description, its grid under the camera, its pointer. */
export function BoardCanvas(props: BoardCanvasProps) {
  const { canvasRef, camera, panning } = props;
  return (
    <div
      ref={canvasRef}
      class={`bv-board-canvas${panning ? ' bv-panning' : ''}`}
      role="application"
      aria-label={`Board, acting as ${props.actingAs}. ${props.itemCount} items.`}
      aria-roledescription="whiteboard"
      aria-describedby={props.helpId}
      tabIndex={0}
      data-testid="board-canvas"
      style={gridBackground(camera)}
      {...props.handlers}
      onContextMenu={(e) => {
        // Right-drag pans; the editor keeps its own menu (spelling suggestions).
        if (!isTyping(e.target)) e.preventDefault();
      }}
      onBlur={props.onBlur}
    >
      {props.children}
    </div>
  );
}
