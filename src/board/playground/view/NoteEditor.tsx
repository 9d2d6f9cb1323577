import { useEffect, useRef } from 'preact/hooks';

export interface NoteEditorProps {
  /** Screen position and size of the note, in canvas pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
  fontSize: number;
  fill: string;
  color: string;
  initialText: string;
  onCommit(text: string): void;
  onCancel(): void;
}

/**
 * Inline editing of a note's plain text over the note. Ctrl/Cmd+Enter or leaving the field
 * commits; Escape cancels. Only the first of these counts (blur follows a commit or a cancel).
 */
export function NoteEditor(props: NoteEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    // Set once, not as a controlled value: typing must not re-render the whole board view.
    el.value = props.initialText;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const finish = (commit: boolean): void => {
    if (done.current) return;
    done.current = true;
    if (commit) props.onCommit(area.current?.value ?? props.initialText);
    else props.onCancel();
  };

  return (
    <div
      class="bv-note-editor"
      style={{
        left: `${props.left}px`,
        top: `${props.top}px`,
        width: `${props.width}px`,
        height: `${props.height}px`,
        background: props.fill,
      }}
    >
      <textarea
        ref={area}
        class="bv-note-editor-input"
        data-testid="note-editor"
        aria-label="Note text (Ctrl+Enter to save, Escape to cancel)"
        style={{ fontSize: `${props.fontSize}px`, color: props.color }}
        onKeyDown={(e) => {
          // Typing must not reach the canvas shortcuts (Delete, arrows, +/-).
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            finish(false);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            finish(true);
          }
        }}
        onBlur={() => finish(true)}
      />
    </div>
  );
}
