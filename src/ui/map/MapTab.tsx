import { countOf } from '../../domain/common';
import { useState } from 'preact/hooks';
import type { BoardSession } from '../../app/workshop';
import { MAX_LANES, MAX_STAGES } from '../../domain/journey/validate-spec';
import { EmptyState, Notice, Spinner } from '../components/Notice';
import { useTabModel } from '../components/tab-model';
import { ProgressBar } from '../components/ProgressBar';
import { FacilitatorsSection } from './FacilitatorsSection';
import { MapPreview } from './MapPreview';
import { createMapTabModel, type MapUseCases } from './map-tab-model';
import { NameListEditor } from './NameListEditor';

const NEW_MAP = '__new__';

interface MapTabProps {
  workshop: BoardSession;
  useCases: MapUseCases;
}

/** Map tab: pick a preset, edit title, persona, stages and lanes, create or update the map on the board. */
export function MapTab({ workshop, useCases }: MapTabProps) {
  const model = useTabModel(() => createMapTabModel(workshop, useCases), [workshop, useCases]);
  const [confirmRemoveMap, setConfirmRemoveMap] = useState(false);

  if (model.loading.value) return <Spinner label="Reading the board…" />;

  const spec = model.draft.value;
  const onBoard = model.onBoard.value;
  const job = model.job.value;
  const message = model.message.value;
  const problems = model.problemsByField.value;
  const validation = model.validation.value;
  const listProblems = (prefix: 'stages' | 'lanes', ids: { id: string }[]) =>
    Object.fromEntries(ids.map((item) => [item.id, problems[`${prefix}.${item.id}`]]));
  const generalProblems = validation.ok
    ? []
    : validation.problems.filter((p) => !/^(stages|lanes)\./.test(p.field) && p.field !== 'title');
  const busy = job !== null;

  const maps = model.maps.value;
  return (
    <div class="tp-map-tab">
      {maps.length > 0 && (
        <div class="tp-field">
          <label for="tp-map-picker">Map on this board</label>
          <select
            id="tp-map-picker"
            class="select"
            value={model.selectedId.value ?? NEW_MAP}
            disabled={busy}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
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
        </div>
      )}
      {onBoard ? (
        <Notice
          tone={onBoard.incomplete ? 'warning' : 'info'}
          title={`On this board: ${onBoard.spec.title}`}
        >
          {onBoard.incomplete
            ? 'The last change stopped halfway. Press “Update on board” to finish it.'
            : `${onBoard.spec.stages.length} stages × ${onBoard.spec.lanes.length} lanes. Edit below, then update.`}
        </Notice>
      ) : (
        <section class="tp-section">
          <h2 class="tp-section__title">Start from a preset</h2>
          <div class="tp-field">
            <label for="tp-preset">Preset</label>
            <select
              id="tp-preset"
              class="select"
              value={spec.presetId}
              onChange={(e) => model.choosePreset((e.currentTarget as HTMLSelectElement).value)}
            >
              {model.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <p class="tp-help">{model.presets.find((p) => p.id === spec.presetId)?.description}</p>
          </div>
        </section>
      )}

      <section class="tp-section">
        <h2 class="tp-section__title">Map</h2>
        <div class="tp-field">
          <label for="tp-title">Title</label>
          <input
            id="tp-title"
            class="input"
            value={spec.title}
            aria-invalid={problems['title'] ? true : undefined}
            onInput={(e) => model.setTitle((e.currentTarget as HTMLInputElement).value)}
          />
          {problems['title'] && <p class="tp-field-error">{problems['title']}</p>}
        </div>
        <div class="tp-field">
          <label for="tp-persona-name">Persona</label>
          <input
            id="tp-persona-name"
            class="input"
            placeholder="Name, e.g. Alex, first-time customer"
            value={spec.persona?.name ?? ''}
            onInput={(e) => model.setPersonaName((e.currentTarget as HTMLInputElement).value)}
          />
          <label class="tp-sr-only" for="tp-persona-summary">
            Persona in one line
          </label>
          <input
            id="tp-persona-summary"
            class="input"
            placeholder="In one line: what do they want?"
            value={spec.persona?.summary ?? ''}
            onInput={(e) => model.setPersonaSummary((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </section>

      <NameListEditor
        title="Stages"
        noun="stage"
        items={spec.stages}
        max={MAX_STAGES}
        problems={listProblems('stages', spec.stages)}
        onAdd={model.addStage}
        onRename={model.renameStage}
        onMove={model.moveStage}
        onRemove={model.removeStage}
      />
      <NameListEditor
        title="Lanes"
        noun="lane"
        items={spec.lanes}
        max={MAX_LANES}
        problems={listProblems('lanes', spec.lanes)}
        onAdd={model.addLane}
        onRename={model.renameLane}
        onMove={model.moveLane}
        onRemove={model.removeLane}
      />

      <section class="tp-section" aria-label="Preview">
        <h2 class="tp-section__title">Preview</h2>
        <MapPreview spec={spec} />
      </section>

      {generalProblems.length > 0 && (
        <Notice tone="error" title="Fix these before writing to the board">
          <ul>
            {generalProblems.map((p) => (
              <li key={p.field + p.message}>{p.message}</li>
            ))}
          </ul>
        </Notice>
      )}

      {model.confirmation.value && (
        <div class="tp-dialog" role="alertdialog" aria-labelledby="tp-confirm-title">
          <p id="tp-confirm-title">
            <strong>These still hold notes:</strong>
          </p>
          <ul>
            {model.confirmation.value.map((s) => (
              <li key={s.id}>
                {s.kind === 'stage' ? 'Stage' : 'Lane'} {s.name} — {countOf(s.notes, 'note')}
              </li>
            ))}
          </ul>
          <p class="tp-help">
            Removing them deletes their cells and header. The notes stay on the board, outside the
            map.
          </p>
          <div class="tp-actions">
            <button
              type="button"
              class="button button-danger button-small"
              onClick={() => void model.update(model.confirmation.value!.map((s) => s.id))}
            >
              Remove them
            </button>
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={model.dismissConfirmation}
            >
              Keep them
            </button>
          </div>
        </div>
      )}

      {job && (
        <ProgressBar label={job.label} done={job.done} total={job.total} onCancel={model.cancel} />
      )}
      {message && (
        <Notice tone={message.tone} title={message.title} focus={message.focus}>
          {message.body}
        </Notice>
      )}

      <div class="tp-actions">
        {onBoard ? (
          <>
            <button
              type="button"
              class="button button-primary"
              disabled={busy || !validation.ok || (!model.dirty.value && !onBoard.incomplete)}
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
            disabled={busy || !validation.ok}
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

      {onBoard && (
        <section class="tp-section tp-danger-zone">
          {confirmRemoveMap ? (
            <div class="tp-dialog" role="alertdialog" aria-labelledby="tp-remove-title">
              <p id="tp-remove-title">
                Remove the map's frame, headers, lane labels and cells? Notes, and anything
                Touchpoint did not create, stay on the board.
              </p>
              <div class="tp-actions">
                <button
                  type="button"
                  class="button button-danger button-small"
                  onClick={() => {
                    setConfirmRemoveMap(false);
                    void model.remove();
                  }}
                >
                  Remove map
                </button>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  onClick={() => setConfirmRemoveMap(false)}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              class="button button-tertiary button-small"
              disabled={busy}
              onClick={() => setConfirmRemoveMap(true)}
            >
              Remove map from board…
            </button>
          )}
        </section>
      )}
      {!onBoard && spec.stages.length === 0 && (
        <EmptyState title="No stages yet">Add a stage to start your map.</EmptyState>
      )}
      <FacilitatorsSection workshop={workshop} useCases={useCases} />
    </div>
  );
}
