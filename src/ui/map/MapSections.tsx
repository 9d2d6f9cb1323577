/**
 * The Map tab's sections, each for one concern of the tab: which map, where it starts from and
 * what it is called, the notes a change would orphan, the writes to the board, and removing it.
 * They read and change the tab's model (`map-tab-model.ts`); `MapTab` lays them out.
 */
import { countOf } from '../../domain/common';
import { useState } from 'preact/hooks';
import type { MapSpec } from '../../domain/journey/map-spec';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field, controlValue } from '../components/Field';
import type { MapTabModel } from './map-tab-model';

const NEW_MAP = '__new__';

/** Which of the board's maps to edit, or a new one (shown once the board holds a map). */
export function MapChoice({ model, busy }: { model: MapTabModel; busy: boolean }) {
  const maps = model.maps.value;
  if (maps.length === 0) return null;
  return (
    <Field id="tp-map-picker" label="Map on this board">
      <select
        class="select"
        value={model.selectedId.value ?? NEW_MAP}
        disabled={busy}
        onChange={(e) => {
          const value = controlValue(e);
          if (value === NEW_MAP) model.newMap();
          else model.selectMap(value);
        }}
      >
        {maps.map((m) => (
          <option key={m.spec.id} value={m.spec.id}>
            {m.spec.title || 'Untitled map'}
          </option>
        ))}
        <option value={NEW_MAP}>+ New map…</option>
      </select>
    </Field>
  );
}

/** A new map's preset: the stages and lanes it starts with. */
export function PresetSection({ model, spec }: { model: MapTabModel; spec: MapSpec }) {
  return (
    <section class="tp-section">
      <h2 class="tp-section__title">Start from a preset</h2>
      <Field
        id="tp-preset"
        label="Preset"
        hint={model.presets.find((p) => p.id === spec.presetId)?.description}
      >
        <select
          class="select"
          value={spec.presetId}
          onChange={(e) => model.choosePreset(controlValue(e))}
        >
          {model.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
    </section>
  );
}

/** The map's title and persona. */
export function TitleSection({
  model,
  spec,
  titleProblem,
}: {
  model: MapTabModel;
  spec: MapSpec;
  titleProblem: string | undefined;
}) {
  return (
    <section class="tp-section">
      <h2 class="tp-section__title">Map</h2>
      <Field id="tp-title" label="Title" error={titleProblem}>
        <input class="input" value={spec.title} onInput={(e) => model.setTitle(controlValue(e))} />
      </Field>
      <Field
        id="tp-persona-name"
        label="Persona"
        after={
          <>
            <label class="tp-sr-only" for="tp-persona-summary">
              Persona in one line
            </label>
            <input
              id="tp-persona-summary"
              class="input"
              placeholder="In one line: what do they want?"
              value={spec.persona?.summary ?? ''}
              onInput={(e) => model.setPersonaSummary(controlValue(e))}
            />
          </>
        }
      >
        <input
          class="input"
          placeholder="Name, e.g. Alex, first-time customer"
          value={spec.persona?.name ?? ''}
          onInput={(e) => model.setPersonaName(controlValue(e))}
        />
      </Field>
    </section>
  );
}

/** Stages and lanes an update would remove while they hold notes: remove them, or keep them. */
export function RemovalConfirmation({ model }: { model: MapTabModel }) {
  const items = model.confirmation.value;
  if (!items) return null;
  return (
    <ConfirmDialog
      question={<strong>These still hold notes:</strong>}
      confirm="Remove them"
      keep="Keep them"
      onConfirm={() => void model.update(items.map((s) => s.id))}
      onKeep={model.dismissConfirmation}
    >
      <ul>
        {items.map((s) => (
          <li key={s.id}>
            {s.kind === 'stage' ? 'Stage' : 'Lane'} {s.name} — {countOf(s.notes, 'note')}
          </li>
        ))}
      </ul>
      <p class="tp-help">
        Removing them deletes their cells and header. The notes stay on the board, outside the map.
      </p>
    </ConfirmDialog>
  );
}

/** Create the map, or update and show the one on the board, or discard the edits. */
export function BoardActions({ model, busy }: { model: MapTabModel; busy: boolean }) {
  const onBoard = model.onBoard.value;
  const valid = model.validation.value.ok;
  return (
    <>
      <div class="tp-actions">
        {onBoard ? (
          <>
            <button
              type="button"
              class="button button-primary"
              disabled={busy || !valid || (!model.dirty.value && !onBoard.incomplete)}
              onClick={() => void model.update()}
            >
              Update on board
            </button>
            <button
              type="button"
              class="button button-secondary"
              disabled={busy}
              onClick={() => void model.zoom()}
            >
              Show on board
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button button-primary"
            disabled={busy || !valid}
            onClick={() => void model.create()}
          >
            Create on board
          </button>
        )}
      </div>
      {onBoard && model.dirty.value && (
        <button
          type="button"
          class="button button-tertiary button-small"
          disabled={busy}
          onClick={model.discardChanges}
        >
          Discard changes
        </button>
      )}
    </>
  );
}

/** Removing the map from the board, after a confirmation saying what goes and what stays. */
export function RemoveMapSection({ model, busy }: { model: MapTabModel; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="tp-section tp-danger-zone">
      {confirming ? (
        <ConfirmDialog
          question="Remove the map's frame, headers, lane labels and cells? Notes, and anything Touchpoint did not create, stay on the board."
          confirm="Remove map"
          keep="Cancel"
          onConfirm={() => {
            setConfirming(false);
            void model.remove();
          }}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <button
          type="button"
          class="button button-tertiary button-small"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          Remove map from board…
        </button>
      )}
    </section>
  );
}
