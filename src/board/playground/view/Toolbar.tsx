import type { LocalUser, StickyColor } from '../sdk/local-board-types';
import { ColorPalette } from './ColorPalette';
import { STICKY_FILL, STICKY_LABEL } from './palette';
import { KeyboardHelp } from './KeyboardHelp';
import { PopoverButton } from './PopoverButton';
import { UserSwitcher } from './UserSwitcher';

export interface ToolbarProps {
  users: readonly LocalUser[];
  userId: string;
  onUserChange?: (id: string) => void;
  noteColor: StickyColor;
  onNoteColor(color: StickyColor): void;
  onAddNote(): void;
  /** Shows the first-run guide again; without it there is no Guide button. */
  onShowGuide?: () => void;
}

/**
 * The main toolbar, top-left: who is acting, add a note, the colour new notes get, the keyboard
 * shortcuts and the first-run guide.
 */
export function Toolbar(props: ToolbarProps) {
  return (
    <div class="bv-toolbar bv-floating" role="toolbar" aria-label="Board tools">
      <UserSwitcher users={props.users} userId={props.userId} onUserChange={props.onUserChange} />
      <span class="bv-sep" aria-hidden="true" />
      <button
        type="button"
        class="bv-btn bv-primary"
        aria-label="Add note"
        data-testid="add-note"
        onClick={props.onAddNote}
      >
        <span
          class="bv-note-icon"
          style={{ background: STICKY_FILL[props.noteColor] }}
          aria-hidden="true"
        />
        Add note
      </button>
      <PopoverButton
        label={`New note colour: ${STICKY_LABEL[props.noteColor]}`}
        testId="note-color"
        face={<span class="bv-swatch-face" style={{ background: STICKY_FILL[props.noteColor] }} />}
      >
        {(close) => (
          <ColorPalette
            label="New note colour"
            value={props.noteColor}
            onPick={(color) => {
              props.onNoteColor(color);
              close();
            }}
          />
        )}
      </PopoverButton>
      <span class="bv-sep" aria-hidden="true" />
      <KeyboardHelp />
      {props.onShowGuide && (
        <button
          type="button"
          class="bv-btn"
          aria-label="Show the first-run guide"
          data-testid="show-guide"
          onClick={props.onShowGuide}
        >
          Guide
        </button>
      )}
    </div>
  );
}
