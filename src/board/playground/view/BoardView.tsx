import { errorMessage } from '../../../domain/common';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { LocalBoard, LocalUser, StickyColor } from '../sdk/local-board-types';
import './board-view.css';
import {
  cameraFromViewport,
  nextCullBox,
  fitCamera,
  gridSpacing,
  panBy,
  screenToBoard,
  viewportFromCamera,
  viewportsClose,
  zoomAt,
  ZOOM_STEP,
  type Box,
  type Camera,
  type Point,
} from './camera';
import { htmlToPlainText } from './html-to-lines';
import {
  hitOf,
  moveGesture,
  ownsPointer,
  pinchStart,
  releaseGesture,
  startGesture,
  type Gesture,
  type GestureView,
} from './gestures';
import { cascadePoint, topNoteAt } from './hit-test';
import { FirstRunGuide, useFirstRunGuide, type GuideStorage } from './FirstRunGuide';
import { ItemsLayer } from './ItemsLayer';
import { keyCommand, type KeyCommand } from './keyboard-commands';
import { shortcutsSentence } from './keyboard-help';
import { NoteEditorOverlay } from './NoteEditorOverlay';
import { planMoves } from './plan-moves';
import { PresenceLayer } from './PresenceLayer';
import { deriveRenderEntries } from './render-entries';
import { SelectionBar } from './SelectionBar';
import { presenceSelections, summarizeSelection } from './selection-summary';
import { stepNote } from './step-note';
import { textToHtml } from '../../html-text';
import { boundingBox, contains } from '../sdk/geometry';
import { Toolbar } from './Toolbar';
import { useBoardRevision } from './use-board-revision';
import { useElementSize } from './use-element-size';
import { ZoomControls } from './ZoomControls';

export interface BoardViewProps {
  board: LocalBoard;
  /** The simulated participant acting on the board (selection, authorship). */
  userId: string;
  users: readonly LocalUser[];
  onUserChange?: (id: string) => void;
  /**
   * Where the first-run guide remembers it was dismissed (the playground passes `localStorage`;
   * null: nowhere, so it shows on every load). Without it there is no guide.
   */
  guideStorage?: GuideStorage;
}

/** Miro's tag colours, given to new tags in turn. */
const NEW_TAG_COLORS = [
  'red',
  'blue',
  'green',
  'violet',
  'yellow',
  'cyan',
  'magenta',
  'dark_blue',
  'light_green',
  'dark_green',
  'gray',
  'black',
];
const EMPTY_SET: ReadonlySet<string> = new Set();

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const errorText = (e: unknown): string => errorMessage(e);

/**
 * The playground's board: draws the local board in SVG and lets a person work on it as in
 * Miro — pan, zoom, select, drag, add, edit, recolour, tag and delete sticky notes — acting as
 * the simulated participant `userId` through `board.human`, so apps see Miro's events.
 */
export function BoardView({ board, userId, users, onUserChange, guideStorage }: BoardViewProps) {
  // Re-render after every board change; what is drawn is read from the board below.
  useBoardRevision(board);
  const canvasRef = useRef<HTMLDivElement>(null);
  const measuredSize = useElementSize(canvasRef);
  const gesture = useRef<Gesture | null>(null);
  /** Fingers on the canvas, for two-finger pinch (trackpad pinches arrive as ctrl+wheel). */
  const touches = useRef(new Map<number, Point>());
  const helpId = useId();
  const [transient, setTransient] = useState<Camera | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const [drag, setDrag] = useState<{ moving: ReadonlySet<string>; dx: number; dy: number } | null>(
    null,
  );
  const [editingId, setEditingId] = useState<string | null>(null);
  const [noteColor, setNoteColor] = useState<StickyColor>('light_yellow');
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const guide = useFirstRunGuide(guideStorage ?? null);
  /** The guide opened from its button takes focus; on page load it leaves focus where it is. */
  const [guideAsked, setGuideAsked] = useState(false);

  // The board hands out the same items array until an item changes, so viewport and selection
  // changes do not re-derive thousands of entries (a new array each time would only cost speed).
  const items = board.items();
  const tags = board.tags();
  const tagsKey = tags.map((t) => `${t.id}\u0000${t.title}\u0000${t.color}`).join('\u0001');
  const entries = useMemo(() => deriveRenderEntries(board), [board, items, tagsKey]);
  const entryMap = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const selection = board.selection(userId);
  const selectionKey = selection.join('\u0000');
  // Keyed by content: the board may hand out a new array for the same selection.
  const selected = useMemo(() => new Set(selection), [selectionKey]);
  const summary = summarizeSelection(selection, entryMap);
  const { noteIds: selectedNotes, tagCounts } = summary;
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
  const cull = cullRef.current;

  // Open on the content, as Miro does, unless it is all in view already.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !measured) return;
    opened.current = true;
    const bounds = boundingBox(entries.map((e) => e.rect));
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

  // An item deleted while edited (by anyone) ends the edit.
  useEffect(() => {
    if (editingId !== null && !entryMap.has(editingId)) setEditingId(null);
  }, [editingId, entryMap]);

  /** Runs a board action; the board's refusal (a limit, a vanished item) becomes the notice. */
  const attempt = (fn: () => void): void => {
    try {
      fn();
      setNotice(null);
    } catch (e) {
      setNotice(errorText(e));
    }
  };

  const select = (ids: readonly string[]): void => {
    const same = ids.length === selection.length && ids.every((id, i) => id === selection[i]);
    if (!same) attempt(() => board.human.select([...ids], userId));
  };

  // Not through `attempt`: a pan or zoom should not dismiss the last refusal's notice.
  const setCamera = (next: Camera): void => {
    board.setViewport(viewportFromCamera(next, size));
  };

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

  const centre = (): Point => screenToBoard(camera, { x: size.width / 2, y: size.height / 2 });

  const moveBy = (ids: readonly string[], dx: number, dy: number): void => {
    const moves = planMoves(entryMap, ids, dx, dy);
    attempt(() => {
      for (const m of moves) board.human.move(m.id, m.x, m.y);
    });
  };

  const addNoteAt = (p: Point): void => {
    attempt(() => {
      // Steps of 24 screen pixels, so a note added on top of another leaves it readable at any zoom.
      const spot = cascadePoint(entries, p, Math.max(24, Math.round(24 / camera.zoom)));
      const created = board.human.addNote({ x: spot.x, y: spot.y, color: noteColor, by: userId });
      board.human.select([created.id], userId);
      setEditingId(created.id);
    });
  };

  const removeSelection = (): void => {
    if (selection.length === 0) return;
    setEditingId(null);
    attempt(() => board.human.remove([...selection]));
  };

  const zoomBy = (factor: number, anchor?: Point): void => {
    const at = anchor ?? { x: size.width / 2, y: size.height / 2 };
    setCamera(zoomAt(camera, at, camera.zoom * factor));
  };

  const fit = (): void => {
    const bounds = boundingBox(entries.map((e) => e.rect));
    if (bounds) setCamera(fitCamera(bounds, size));
    else setCamera({ x: -size.width / 2, y: -size.height / 2, zoom: 1 });
  };

  // ---- pointer gestures -------------------------------------------------------------------

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
    const started = startGesture(press, { camera, spaceHeld, selection, entries: entryMap });
    if (started.select) select(started.select);
    if (!started.gesture) return;
    // A pan keeps the browser's own middle-click scroll and context menu away.
    if (started.gesture.kind === 'pan') e.preventDefault();
    capture(started.gesture);
  };

  /** What a gesture shows while under way: the moved view, the selection box or the drag. */
  const show = (view: GestureView): void => {
    if (view.kind === 'camera') setTransient(view.camera);
    else if (view.kind === 'box') setBox(view.box);
    else setDrag({ moving: view.moving, dx: view.dx, dy: view.dy });
  };

  /** Ends the gesture under way; what it showed goes. */
  const endGesture = (): void => {
    gesture.current = null;
    setTransient(null);
    setBox(null);
    setDrag(null);
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
    const action = releaseGesture(g, entries);
    if (action.kind === 'camera') setCamera(action.camera);
    else if (action.kind === 'select') select(action.ids);
    else if (action.kind === 'move') moveBy(action.ids, action.dx, action.dy);
    endGesture();
  };

  const onPointerCancel = (e: PointerEvent): void => {
    touches.current.delete(e.pointerId);
    const g = gesture.current;
    if (g && ownsPointer(g, e.pointerId)) endGesture();
  };

  const onDoubleClick = (e: MouseEvent): void => {
    if (isTyping(e.target)) return;
    measureOrigin();
    // After pointer capture, browsers aim click events at the canvas, not the item under it.
    const under =
      typeof document.elementFromPoint === 'function'
        ? document.elementFromPoint(e.clientX, e.clientY)
        : null;
    const hit = hitOf(under && canvasRef.current?.contains(under) ? under : e.target);
    const point = screenToBoard(camera, localPoint(e));
    if (hit.kind === 'item' && entryMap.get(hit.id)?.item.type === 'sticky_note') {
      setEditingId(hit.id);
      return;
    }
    // A shape or text (a map cell, a header, a vote dot on a note): edit the note under it, if
    // any; else add a note right there, so a map cell gets it in its own stage and lane.
    const noteUnder = hit.kind === 'item' ? topNoteAt(entries, point) : null;
    if (noteUnder) setEditingId(noteUnder);
    else addNoteAt(point);
  };

  const onWheel = (e: WheelEvent): void => {
    if (gesture.current?.kind === 'pan') return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? size.height || 800 : 1;
    let dx = e.deltaX * unit;
    let dy = e.deltaY * unit;
    if (e.ctrlKey || e.metaKey) {
      measureOrigin();
      // Pinch gestures arrive as ctrl+wheel with small deltas; mouse wheels with large ones.
      const factor = Math.min(2, Math.max(0.5, Math.exp(-dy * 0.01)));
      zoomBy(factor, localPoint(e));
      return;
    }
    if (e.shiftKey && dx === 0) [dx, dy] = [dy, 0];
    setCamera(panBy(camera, -dx, -dy));
  };

  // ---- keyboard -----------------------------------------------------------------------------

  /** Selects the next or previous note in reading order, bringing it into view. */
  const stepSelection = (direction: 1 | -1): void => {
    const notes = entries.filter((en) => en.item.type === 'sticky_note');
    const current = selection.length === 1 ? (selection[0] ?? null) : null;
    const id = stepNote(notes, current, direction);
    const entry = id === null ? undefined : entryMap.get(id);
    if (!entry) return;
    select([entry.id]);
    if (!contains(viewportFromCamera(camera, size), entry.rect)) {
      const c = { x: entry.rect.x + entry.rect.width / 2, y: entry.rect.y + entry.rect.height / 2 };
      setCamera({
        x: c.x - size.width / camera.zoom / 2,
        y: c.y - size.height / camera.zoom / 2,
        zoom: camera.zoom,
      });
    }
  };

  const run = (command: KeyCommand): void => {
    switch (command.kind) {
      case 'spaceDown':
        if (!spaceHeld) setSpaceHeld(true);
        break;
      case 'nudge':
        moveBy(selection, command.dx, command.dy);
        break;
      case 'pan':
        setCamera(panBy(camera, -command.dx, -command.dy));
        break;
      case 'selectAllNotes':
        select(entries.filter((en) => en.item.type === 'sticky_note').map((en) => en.id));
        break;
      case 'clear':
        select([]);
        break;
      case 'delete':
        removeSelection();
        break;
      case 'zoom':
        zoomBy(command.factor);
        break;
      case 'fit':
        fit();
        break;
      case 'edit':
        setEditingId(command.id);
        break;
      case 'addNote':
        addNoteAt(centre());
        break;
      case 'step':
        stepSelection(command.direction);
        break;
    }
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (isTyping(e.target)) return;
    const { key, shiftKey, ctrlKey, metaKey, altKey } = e;
    const onCanvas = e.target === canvasRef.current;
    const outcome = keyCommand(
      { key, shiftKey, ctrlKey, metaKey, altKey, onCanvas },
      { selectionSize: selection.length, soleNoteId: summary.soleNoteId },
    );
    if (!outcome) return;
    if (outcome.preventDefault) e.preventDefault();
    run(outcome.command);
  };

  const onKeyUp = (e: KeyboardEvent): void => {
    if (e.key === ' ') setSpaceHeld(false);
  };

  // ---- selection actions ------------------------------------------------------------------

  const toggleTag = (tagId: string): void => {
    const all = (tagCounts.get(tagId) ?? 0) === selectedNotes.length;
    attempt(() => {
      for (const id of selectedNotes) {
        const item = board.item(id);
        const has = item?.type === 'sticky_note' && item.tagIds.includes(tagId);
        // Adding puts the tag on the notes lacking it; removing happens only when all have it.
        if (all ? has : !has) board.human.toggleTag(id, tagId);
      }
    });
  };

  const createTag = (title: string): string | null => {
    try {
      const existing = board.tags().find((t) => t.title === title);
      const tag =
        existing ??
        board.human.createTag(title, NEW_TAG_COLORS[board.tags().length % NEW_TAG_COLORS.length]);
      for (const id of selectedNotes) {
        const item = board.item(id);
        if (item?.type === 'sticky_note' && !item.tagIds.includes(tag.id)) {
          board.human.toggleTag(id, tag.id);
        }
      }
      return null;
    } catch (e) {
      return errorText(e);
    }
  };

  // ---- drawing --------------------------------------------------------------------------------

  /** Ends the note edit: the text, if changed, goes to the board; focus returns to the canvas. */
  const commitEdit = (id: string, text: string): void => {
    setEditingId(null);
    const current = board.item(id);
    if (current?.type !== 'sticky_note' || htmlToPlainText(current.content) === text) return;
    attempt(() => board.human.setText(id, textToHtml(text)));
    canvasRef.current?.focus({ preventScroll: true });
  };

  const cancelEdit = (): void => {
    setEditingId(null);
    canvasRef.current?.focus({ preventScroll: true });
  };

  const editing = editingId === null ? undefined : entryMap.get(editingId);
  const others = presenceSelections(users, userId, (id) => board.selection(id), entryMap);
  const grid = gridSpacing(camera.zoom) * camera.zoom;
  const panning = spaceHeld || gesture.current?.kind === 'pan' || transient !== null;
  const transform = `matrix(${camera.zoom} 0 0 ${camera.zoom} ${-camera.x * camera.zoom} ${-camera.y * camera.zoom})`;
  const currentUser = users.find((u) => u.id === userId)?.name ?? userId;

  return (
    <div class="bv-board-view" onKeyDown={onKeyDown} onKeyUp={onKeyUp}>
      <div
        ref={canvasRef}
        class={`bv-board-canvas${panning ? ' bv-panning' : ''}`}
        role="application"
        aria-label={`Board, acting as ${currentUser}. ${entries.length} items.`}
        aria-roledescription="whiteboard"
        aria-describedby={helpId}
        tabIndex={0}
        data-testid="board-canvas"
        style={{
          backgroundSize: `${grid}px ${grid}px`,
          backgroundPosition: `${-camera.x * camera.zoom}px ${-camera.y * camera.zoom}px`,
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onDblClick={onDoubleClick}
        onWheel={onWheel}
        onContextMenu={(e) => {
          // Right-drag pans; the editor keeps its own menu (spelling suggestions).
          if (!isTyping(e.target)) e.preventDefault();
        }}
        onBlur={() => setSpaceHeld(false)}
      >
        <svg class="bv-board-svg" width="100%" height="100%" aria-hidden="true">
          <g transform={transform}>
            <ItemsLayer
              entries={entries}
              selected={selected}
              moving={drag?.moving ?? EMPTY_SET}
              dx={drag?.dx ?? 0}
              dy={drag?.dy ?? 0}
              zoom={camera.zoom}
              cull={cull}
            />
            {others.length > 0 && <PresenceLayer selections={others} zoom={camera.zoom} />}
            {box && (
              <rect
                class="bv-select-box"
                data-testid="select-box"
                x={box.x}
                y={box.y}
                width={box.width}
                height={box.height}
              />
            )}
          </g>
        </svg>
        {editing && (
          <NoteEditorOverlay
            key={editing.id}
            entry={editing}
            camera={camera}
            onCommit={(text) => commitEdit(editing.id, text)}
            onCancel={cancelEdit}
          />
        )}
      </div>
      <p id={helpId} class="bv-sr-only">
        {shortcutsSentence()}
      </p>
      <div class="bv-top-left">
        <Toolbar
          users={users}
          userId={userId}
          onUserChange={onUserChange}
          noteColor={noteColor}
          onNoteColor={setNoteColor}
          onAddNote={() => addNoteAt(centre())}
          onShowGuide={
            guideStorage === undefined
              ? undefined
              : () => {
                  setGuideAsked(true);
                  guide.show();
                }
          }
        />
        {selection.length > 0 && (
          <SelectionBar
            count={selection.length}
            noteCount={selectedNotes.length}
            tags={tags}
            tagCounts={tagCounts}
            onColor={(color) =>
              attempt(() => {
                for (const id of selectedNotes) board.human.setColor(id, color);
              })
            }
            onToggleTag={toggleTag}
            onCreateTag={createTag}
            onDelete={removeSelection}
            onClear={() => select([])}
          />
        )}
      </div>
      {guideStorage !== undefined && guide.open && (
        <FirstRunGuide
          focusOnOpen={guideAsked}
          onDismiss={() => {
            guide.dismiss();
            setGuideAsked(false);
            canvasRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
      <ZoomControls
        zoom={camera.zoom}
        onZoomIn={() => zoomBy(ZOOM_STEP)}
        onZoomOut={() => zoomBy(1 / ZOOM_STEP)}
        onFit={fit}
        onReset={() => setCamera(zoomAt(camera, { x: size.width / 2, y: size.height / 2 }, 1))}
      />
      <div class="bv-sr-only" aria-live="polite" data-testid="selection-status">
        {summary.announcement}
      </div>
      {notice !== null && (
        <div class="bv-notice bv-floating" role="alert" data-testid="board-notice">
          <span>{notice}</span>
          <button
            type="button"
            class="bv-btn bv-icon-btn"
            aria-label="Dismiss message"
            onClick={() => setNotice(null)}
          >
            {'\u00d7'}
          </button>
        </div>
      )}
    </div>
  );
}
