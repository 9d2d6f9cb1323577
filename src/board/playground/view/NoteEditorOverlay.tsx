import { boardToScreen, type Camera } from './camera';
import { htmlToLines, htmlToPlainText } from './html-to-lines';
import { layoutNote } from './note-layout';
import { NoteEditor } from './NoteEditor';
import { STICKY_FILL, textColorOn } from './palette';
import type { RenderEntry } from './render-entries';

export interface NoteEditorOverlayProps {
  /** The note being edited, as drawn (other items: nothing is shown). */
  entry: RenderEntry;
  camera: Camera;
  onCommit(text: string): void;
  onCancel(): void;
}

/**
 * The note editor laid over a sticky note where the camera shows it: the note's screen rectangle,
 * its colours and its text's size at this zoom (never under 10 px), holding its plain text.
 */
export function NoteEditorOverlay({ entry, camera, onCommit, onCancel }: NoteEditorOverlayProps) {
  if (entry.item.type !== 'sticky_note') return null;
  const note = entry.item;
  const topLeft = boardToScreen(camera, entry.rect);
  const lines = htmlToLines(note.content);
  const layout = layoutNote(entry.rect.width, entry.rect.height, lines, entry.tags);
  const fill = STICKY_FILL[note.fillColor] ?? STICKY_FILL.light_yellow;
  return (
    <NoteEditor
      left={topLeft.x}
      top={topLeft.y}
      width={entry.rect.width * camera.zoom}
      height={entry.rect.height * camera.zoom}
      fontSize={Math.max(10, layout.text.fontSize * camera.zoom)}
      fill={fill}
      color={textColorOn(fill)}
      initialText={htmlToPlainText(note.content)}
      onCommit={onCommit}
      onCancel={onCancel}
    />
  );
}
