import { PopoverButton } from './PopoverButton';
import { SHORTCUTS } from './keyboard-help';

/** A visible "Keyboard" button opening the list of the board's gestures and shortcuts. */
export function KeyboardHelp() {
  return (
    <PopoverButton
      label="Keyboard shortcuts"
      testId="keyboard-help"
      face={
        <>
          <span aria-hidden="true">{'\u2328'}</span> Keyboard
        </>
      }
    >
      {(close) => (
        <div class="bv-keys">
          <div class="bv-keys__head">
            <strong>Keyboard and mouse</strong>
            <button
              type="button"
              class="bv-btn bv-icon-btn"
              aria-label="Close keyboard shortcuts"
              onClick={close}
            >
              {'\u00d7'}
            </button>
          </div>
          <dl class="bv-keys__list" data-testid="keyboard-help-list">
            {SHORTCUTS.map((s) => (
              <div key={s.keys} class="bv-keys__row">
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{s.action}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </PopoverButton>
  );
}
