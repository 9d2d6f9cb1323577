import { Field, controlValue } from './Field';

/**
 * The "Map" picker a tab shows when the board holds more than one journey map (nothing when it
 * holds one): the same control, wording and order in every tab.
 */
export function MapPicker(props: {
  /** The element id, unique on the page (one picker per tab). */
  id: string;
  maps: readonly { id: string; title: string }[];
  value: string;
  disabled?: boolean;
  onChoose(id: string): void;
}) {
  if (props.maps.length < 2) return null;
  return (
    <Field id={props.id} label="Map">
      <select
        class="select"
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChoose(controlValue(e))}
      >
        {props.maps.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title || 'Untitled map'}
          </option>
        ))}
      </select>
    </Field>
  );
}
