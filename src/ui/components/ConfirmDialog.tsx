import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useFocusOnMount } from './use-focus';

/**
 * The panel's one confirmation, for a step that cannot be undone: the question, what it affects,
 * a danger button and the safe one. As it opens, focus moves to the safe choice (an alert dialog
 * takes focus, and the button that opened it is often gone); Escape keeps, as the safe button does.
 */
export function ConfirmDialog(props: {
  /** What it asks: the dialog's name. */
  question: ComponentChildren;
  /** What the step affects, read after the question (a list, a consequence). */
  children?: ComponentChildren;
  /** The danger button's text (e.g. "Remove map"). */
  confirm: string;
  /** The safe button's text (e.g. "Keep them", "Cancel"). */
  keep: string;
  onConfirm(): void;
  onKeep(): void;
}) {
  const id = useId();
  const keepRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <div
      class="tp-dialog"
      role="alertdialog"
      aria-labelledby={`${id}-q`}
      aria-describedby={props.children === undefined ? undefined : `${id}-d`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        props.onKeep();
      }}
    >
      <p id={`${id}-q`}>{props.question}</p>
      {props.children !== undefined && <div id={`${id}-d`}>{props.children}</div>}
      <div class="tp-actions">
        <button
          type="button"
          class="button button-danger button-small"
          onClick={() => props.onConfirm()}
        >
          {props.confirm}
        </button>
        <button
          ref={keepRef}
          type="button"
          class="button button-secondary button-small"
          onClick={() => props.onKeep()}
        >
          {props.keep}
        </button>
      </div>
    </div>
  );
}
