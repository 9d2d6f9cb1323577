import { cloneElement, type ComponentChildren, type VNode } from 'preact';

/** What `Field` sets on its control; the control may bring a description of its own. */
interface ControlProps {
  id?: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
}

/**
 * A labelled form field, the panel's one way to write one: the label, the one control (an input,
 * a select, a textarea) and, below it, what else belongs to the field, a hint and the field's
 * error. The control gets `id` (the label's `for`). The hint and the error get ids of their own
 * (`<id>-hint`, `<id>-error`) and describe the control, after any description it brings (a warning
 * shown elsewhere); while there is an error the control is `aria-invalid`, so a screen reader reads
 * the error with the control.
 */
export function Field(props: {
  /** The control's id, unique on the page. */
  id: string;
  label: string;
  /** The one control: it gets the id and, from the hint and the error, its description. */
  children: VNode<ControlProps>;
  /** A line of help under the control (`tp-help`). */
  hint?: string | undefined;
  /** What is wrong with the value (`tp-field-error`); nothing when it is fine. */
  error?: string | undefined;
  /** What else belongs to the field, under the control: a second control, a button. */
  after?: ComponentChildren;
  /** What stands on the control's line, after it (a button); the control grows. */
  beside?: ComponentChildren;
}) {
  const { id, hint, error } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? fieldErrorId(id) : undefined;
  const describedBy = [props.children.props['aria-describedby'], hintId, errorId]
    .filter(Boolean)
    .join(' ');
  const control = cloneElement(props.children, {
    id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': errorId ? true : undefined,
  });
  return (
    <div class="tp-field">
      <label for={id}>{props.label}</label>
      {props.beside === undefined ? (
        control
      ) : (
        <div class="tp-row">
          {control}
          {props.beside}
        </div>
      )}
      {props.after}
      {hintId && (
        <p class="tp-help" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && (
        <p class="tp-field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The id of a field's error line: `Field` gives it to the line, and its control points to it. */
const fieldErrorId = (id: string): string => `${id}-error`;

/**
 * For a second control that belongs to a field (in `after`: a team named by hand, the stage a
 * round votes on): described by the field's error and invalid while there is one, as the field's
 * own control is.
 */
export const describedByFieldError = (fieldId: string, error: string | undefined): ControlProps =>
  error ? { 'aria-describedby': fieldErrorId(fieldId), 'aria-invalid': true } : {};

/** An event from a control that holds a value (Preact types a handler's `currentTarget`). */
export interface ControlEvent {
  readonly currentTarget: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
}

/** The value of the control an event came from (an input, a select, a textarea). */
export const controlValue = (event: ControlEvent): string => event.currentTarget.value;
