import { errorMessage } from '../../../domain/common';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { LocalBoard, LocalUser, StickyColor } from '../sdk/local-board-types';
import './board-view.css';
import { BoardScene } from './BoardScene';
import { gridSpacing, panBy, ZOOM_STEP, type Point } from './camera';
import { htmlToPlainText } from './html-to-lines';
import { isTyping, type Hit } from './gestures';
import { cascadePoint, topNoteAt } from './hit-test';
import { FirstRunGuide, useFirstRunGuide, type GuideStorage } from './FirstRunGuide';
import { keyCommand, type KeyCommand } from './keyboard-commands';
import { shortcutsSentence } from './keyboard-help';
import { NoteEditorOverlay } from './NoteEditorOverlay';
import { planMoves } from './plan-moves';
import { deriveRenderEntries } from './render-entries';
import { SelectionBar } from './SelectionBar';
import { presenceSelections, summarizeSelection } from './selection-summary';
import { stepNote } from './step-note';
import { textToHtml } from '../../html-text';
import { tagNotesWith, toggleTagOnNotes } from './tag-actions';
import { Toolbar } from './Toolbar';
import { useBoardRevision } from './use-board-revision';
import { useBoardCamera } from './use-board-camera';
import { usePointerInput } from './use-pointer-input';
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

/**
 * The playground's board: draws the local board in SVG and lets a person work on it as in
 * Miro — pan, zoom, select, drag, add, edit, recolour, tag and delete sticky notes — acting as
 * the simulated participant `userId` through `board.human`, so apps see Miro's events.
 */
export function BoardView({ board, userId, users, onUserChange, guideStorage }: BoardViewProps) {
  // Re-render after every board change; what is drawn is read from the board below.
  useBoardRevision(board);
  const canvasRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
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
  const view = useBoardCamera(board, canvasRef, entries);
  const { camera, size } = view;

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
      setNotice(errorMessage(e));
    }
  };

  const select = (ids: readonly string[]): void => {
    const same = ids.length === selection.length && ids.every((id, i) => id === selection[i]);
    if (!same) attempt(() => board.human.select([...ids], userId));
  };

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

  /** A double-click edits the note there, else adds one (in a map cell: in its stage and lane). */
  const openAt = (hit: Hit, point: Point): void => {
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

  const pointer = usePointerInput({
    canvasRef,
    camera,
    pageHeight: size.height,
    spaceHeld,
    selection,
    entries,
    entryMap,
    showCamera: view.showCamera,
    setCamera: view.setCamera,
    zoomBy: view.zoomBy,
    select,
    moveBy,
    openAt,
  });

  // ---- keyboard -----------------------------------------------------------------------------

  /** Selects the next or previous note in reading order, bringing it into view. */
  const stepSelection = (direction: 1 | -1): void => {
    const notes = entries.filter((en) => en.item.type === 'sticky_note');
    const current = selection.length === 1 ? (selection[0] ?? null) : null;
    const id = stepNote(notes, current, direction);
    const entry = id === null ? undefined : entryMap.get(id);
    if (!entry) return;
    select([entry.id]);
    view.reveal(entry.rect);
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
        view.setCamera(panBy(camera, -command.dx, -command.dy));
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
        view.zoomBy(command.factor);
        break;
      case 'fit':
        view.fit();
        break;
      case 'edit':
        setEditingId(command.id);
        break;
      case 'addNote':
        addNoteAt(view.centre());
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
    const onAll = (tagCounts.get(tagId) ?? 0) === selectedNotes.length;
    attempt(() => toggleTagOnNotes(board, selectedNotes, tagId, onAll));
  };

  const createTag = (title: string): string | null => {
    try {
      tagNotesWith(board, selectedNotes, title);
      return null;
    } catch (e) {
      return errorMessage(e);
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
  const panning = spaceHeld || pointer.panning || view.moving;
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
        {...pointer.handlers}
        onContextMenu={(e) => {
          // Right-drag pans; the editor keeps its own menu (spelling suggestions).
          if (!isTyping(e.target)) e.preventDefault();
        }}
        onBlur={() => setSpaceHeld(false)}
      >
        <BoardScene
          entries={entries}
          selected={selected}
          camera={camera}
          cull={view.cull}
          drag={pointer.drag}
          others={others}
          box={pointer.box}
        />
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
          onAddNote={() => addNoteAt(view.centre())}
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
        onZoomIn={() => view.zoomBy(ZOOM_STEP)}
        onZoomOut={() => view.zoomBy(1 / ZOOM_STEP)}
        onFit={view.fit}
        onReset={view.resetZoom}
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
