/**
 * Insights tab › emotions › the map's own personas: each with its line's colour and a remove
 * button, and a form to add one (it keeps its own draft).
 */
import { useState } from 'preact/hooks';
import { MAX_PERSONAS, personaColor, type CurvePersona } from '../../domain/insights/personas';
import { controlValue } from '../components/Field';

/** "Personas (n of max)": the list and the form to add one, folded away. */
export function PersonaList({
  personas,
  busy,
  onRemove,
  onAdd,
}: {
  /** The map's own personas (none: the default one is used). */
  personas: CurvePersona[];
  busy: boolean;
  onRemove: (id: string) => void;
  /** Adds a persona; resolves true when it was saved. */
  onAdd: (name: string) => Promise<boolean>;
}) {
  return (
    <details class="tp-insights__personas">
      <summary>
        Personas ({personas.length} of {MAX_PERSONAS})
      </summary>
      <ul class="tp-list">
        {personas.map((p, index) => (
          <li key={p.id} class="tp-list__item">
            <span
              class="tp-insights__swatch"
              style={{ background: personaColor(index) }}
              aria-hidden="true"
              title="Colour of this persona's line"
            />
            <span class="tp-ellipsis">{p.name}</span>
            <button
              type="button"
              class="tp-icon-button"
              aria-label={`Remove persona ${p.name}`}
              disabled={busy}
              onClick={() => onRemove(p.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <NewPersona full={personas.length >= MAX_PERSONAS} busy={busy} onAdd={onAdd} />
    </details>
  );
}

/** The new persona's name and "Add"; the draft is cleared once the persona is saved. */
function NewPersona({
  full,
  busy,
  onAdd,
}: {
  /** The map has as many personas as it may. */
  full: boolean;
  busy: boolean;
  onAdd: (name: string) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  return (
    <form
      class="tp-row"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd(name).then((ok) => ok && setName(''));
      }}
    >
      <label class="tp-sr-only" for="tp-new-persona">
        New persona
      </label>
      <input
        id="tp-new-persona"
        class="input"
        value={name}
        placeholder="e.g. Small-business owner"
        onInput={(e) => setName(controlValue(e))}
      />
      <button type="submit" class="button button-secondary button-small" disabled={busy || full}>
        Add
      </button>
    </form>
  );
}
