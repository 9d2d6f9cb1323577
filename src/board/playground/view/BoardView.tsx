import { useId, useRef, useState } from 'preact/hooks';
import type { LocalBoard, LocalUser, StickyColor } from '../sdk/local-board-types';
import './board-view.css';
import { boardActions } from './board-actions';
import { BoardCanvas } from './BoardCanvas';
import { BoardNotice } from './BoardNotice';
import { BoardScene } from './BoardScene';
import { BoardSelectionBar } from './BoardSelectionBar';
import { ZOOM_STEP } from './camera';
import { FirstRunGuide, type GuideStorage } from './FirstRunGuide';
import { shortcutsSentence } from './keyboard-help';
import { NoteEditorOverlay } from './NoteEditorOverlay';
import { presenceSelections } from './selection-summary';
import { Toolbar } from './Toolbar';
import { useBoardCamera } from './use-board-camera';
import { useBoardGuide } from './use-board-guide';
import { useBoardKeyboard } from './use-board-keyboard';
import { useBoardModel } from './use-board-model';
import { useBoardNotice } from './use-board-notice';
import { useNoteEditing } from './use-note-editing';
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
  const model = useBoardModel(board, userId);
  const { entries, entryMap, selection, summary } = model;
  const canvasRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  const [noteColor, setNoteColor] = useState<StickyColor>('light_yellow');
  const guide = useBoardGuide(guideStorage, canvasRef);
  const view = useBoardCamera(board, canvasRef, entries);
  const { camera } = view;
  const { notice, attempt, dismiss } = useBoardNotice();
  const { editing, edit, commit, cancel } = useNoteEditing(board, entryMap, canvasRef, attempt);
  const host = { board, userId, model, camera, noteColor, attempt, edit, reveal: view.reveal };
  const actions = boardActions(host);
  const { soleNoteId } = summary;
  const keys = useBoardKeyboard({ canvasRef, entries, selection, soleNoteId, actions, edit, view });
  const pointer = usePointerInput({
    ...view,
    ...actions,
    canvasRef,
    pageHeight: view.size.height,
    spaceHeld: keys.spaceHeld,
    selection,
    entries,
    entryMap,
  });
  const others = presenceSelections(users, userId, (id) => board.selection(id), entryMap);
  const panning = keys.spaceHeld || pointer.panning || view.moving;
  const actingAs = users.find((u) => u.id === userId)?.name ?? userId;

  return (
    <div class="bv-board-view" onKeyDown={keys.onKeyDown} onKeyUp={keys.onKeyUp}>
      <BoardCanvas
        canvasRef={canvasRef}
        actingAs={actingAs}
        itemCount={entries.length}
        helpId={helpId}
        camera={camera}
        panning={panning}
        handlers={pointer.handlers}
        onBlur={keys.releaseSpace}
      >
        <BoardScene
          entries={entries}
          selected={model.selected}
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
            onCommit={(text) => commit(editing.id, text)}
            onCancel={cancel}
          />
        )}
      </BoardCanvas>
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
          onAddNote={() => actions.addNoteAt(view.centre())}
          onShowGuide={guide.show}
        />
        <BoardSelectionBar
          board={board}
          count={selection.length}
          summary={summary}
          tags={model.tags}
          attempt={attempt}
          onDelete={actions.removeSelection}
          onClear={() => actions.select([])}
        />
      </div>
      {guide.open && <FirstRunGuide focusOnOpen={guide.focusOnOpen} onDismiss={guide.dismiss} />}
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
      <BoardNotice notice={notice} onDismiss={dismiss} />
    </div>
  );
}
