import { shortMapName } from '../../domain/journey/map-spec';
import { countOf } from '../../domain/common';
import type { Workshop } from '../../app/workshop';
import { EmptyState, Notice } from '../components/Notice';
import { Field, controlValue } from '../components/Field';
import { boardReadState, useTabModel } from '../components/tab-model';
import { JobProgress, ProgressBar } from '../components/ProgressBar';
import { GroupCard } from './GroupCard';
import { GRANULARITY_STEPS } from './group-preview-model';
import {
  createGroupTabModel,
  scopeValue,
  type GroupPhase,
  type GroupTabModel,
  type GroupUseCases,
} from './group-tab-model';

interface GroupTabProps {
  workshop: Workshop;
  useCases: GroupUseCases;
}

const notes = (n: number) => countOf(n, 'note');

/** Group tab: pick a scope, group its notes, edit the preview, apply to the board, undo. */
export function GroupTab({ workshop, useCases }: GroupTabProps) {
  const model = useTabModel(() => createGroupTabModel(workshop, useCases), [workshop, useCases]);
  const waiting = boardReadState(model.snapshot.value);
  if (waiting) return waiting;

  const job = model.job.value;
  const running = model.running.value;
  const busy = model.busy.value || job !== null;
  const preview = model.preview.value;
  const count = model.scopeNotes.value;
  const scope = model.scope.value;

  return (
    <div class="tp-group-tab">
      <section class="tp-section" aria-labelledby="tp-group-scope-title">
        <h2 class="tp-section__title" id="tp-group-scope-title">
          <span>What to group</span>
          <span class="tp-group-tab__count">{notes(count)}</span>
        </h2>
        <ScopePicker model={model} disabled={busy || running !== null} />
        <ModePicker model={model} disabled={busy || running !== null} />
        <Settings model={model} disabled={busy} />
        {count === 0 ? (
          <EmptyState title="No notes in this scope">
            {scope.kind === 'selection'
              ? 'Select sticky notes on the board, or pick a stage, a lane or the whole map.'
              : 'Pick another stage or lane, or add notes to this one first.'}
          </EmptyState>
        ) : (
          <div class="tp-actions">
            <button
              type="button"
              class="button button-primary button-small"
              disabled={busy || running !== null}
              onClick={model.group}
            >
              {preview ? 'Group again' : 'Group notes'}
            </button>
          </div>
        )}
        {running && (
          <ProgressBar
            label={runLabel(running.phase, running.inWorker)}
            done={Math.round(running.fraction * 100)}
            total={100}
            onCancel={running.inWorker ? model.cancelRun : undefined}
          />
        )}
      </section>

      {model.message.value && (
        <Notice tone={model.message.value.tone} title={model.message.value.title}>
          {model.message.value.body}
        </Notice>
      )}

      {preview && <Preview model={model} busy={busy} />}

      <JobProgress job={job} onCancel={model.cancelJob} />
      <UndoControls model={model} busy={busy} />
    </div>
  );
}

const PHASE_LABELS = {
  model: 'Loading the meaning model (downloaded once, then kept in this browser)',
  embed: 'Reading what the notes mean',
  group: 'Grouping by meaning',
} as const;

function runLabel(phase: GroupPhase | null, inWorker: boolean): string {
  if (phase) return PHASE_LABELS[phase];
  return inWorker ? 'Grouping (in the background)' : 'Grouping';
}

const MODES = [
  { value: 'lexical', name: 'Shared words', note: '(instant, any language)' },
  {
    value: 'meaning',
    name: 'Meaning',
    note: '(English model on this device; 26 MB the first time)',
  },
] as const;

function ModePicker({ model, disabled }: { model: GroupTabModel; disabled: boolean }) {
  const mode = model.mode.value;
  return (
    <fieldset class="tp-fieldset">
      <legend>Group by</legend>
      {MODES.map((m) => (
        <label key={m.value} class="tp-radio">
          <input
            type="radio"
            name="tp-group-mode"
            value={m.value}
            checked={mode === m.value}
            disabled={disabled}
            onChange={() => model.setMode(m.value)}
          />
          <span>
            {m.name} <span class="tp-muted">{m.note}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function ScopePicker({ model, disabled }: { model: GroupTabModel; disabled: boolean }) {
  const maps = model.maps.value;
  const several = maps.length > 1;
  return (
    <Field id="tp-group-scope" label="Notes">
      <select
        class="select"
        value={scopeValue(model.scope.value)}
        disabled={disabled}
        onChange={(e) => model.chooseScope(controlValue(e))}
      >
        <option value="selection">
          Selected on the board ({notes(model.selectedNotes.value)})
        </option>
        {maps.map((m) => {
          // The stage or lane first, the map's short name after: a closed picker at 320 px
          // still shows which lane, and which map it belongs to.
          const of = several ? ` · ${shortMapName(m.title)}` : '';
          return (
            <optgroup key={m.id} label={m.title || 'Untitled map'}>
              <option value={`map:${m.id}`}>Whole map{of}</option>
              {m.stages.map((s) => (
                <option key={s.id} value={`stage:${m.id}:${s.id}`}>
                  Stage: {s.name}
                  {of}
                </option>
              ))}
              {m.lanes.map((l) => (
                <option key={l.id} value={`lane:${m.id}:${l.id}`}>
                  Lane: {l.name}
                  {of}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </Field>
  );
}

function Settings({ model, disabled }: { model: GroupTabModel; disabled: boolean }) {
  const k = model.exactK.value;
  return (
    <>
      <Field
        id="tp-group-granularity"
        label="Granularity"
        after={
          <div
            class="tp-group-tab__scale tp-muted"
            id="tp-group-granularity-help"
            aria-hidden="true"
          >
            <span>fewer, broader</span>
            <span>more, finer</span>
          </div>
        }
      >
        <input
          type="range"
          class="tp-group-tab__slider"
          min={-GRANULARITY_STEPS}
          max={GRANULARITY_STEPS}
          step={1}
          value={model.granularityStep.value}
          disabled={disabled || k !== null}
          aria-describedby="tp-group-granularity-help"
          aria-valuetext={
            model.granularityStep.value < 0
              ? 'fewer, broader groups'
              : model.granularityStep.value > 0
                ? 'more, finer groups'
                : 'balanced'
          }
          onInput={(e) => model.setGranularity(Number(controlValue(e)))}
        />
      </Field>
      <div class="tp-row tp-group-tab__k">
        <label class="tp-check">
          <input
            type="checkbox"
            checked={k !== null}
            disabled={disabled}
            onChange={(e) => model.setExactK(e.currentTarget.checked ? 5 : null)}
          />
          Exactly
        </label>
        <label class="tp-sr-only" for="tp-group-k">
          Number of groups
        </label>
        <input
          id="tp-group-k"
          type="number"
          class="input tp-group-tab__k-input"
          min={1}
          max={50}
          value={k ?? ''}
          placeholder="—"
          disabled={disabled || k === null}
          onChange={(e) => model.setExactK(Number(controlValue(e)))}
        />
        <span class="tp-muted">groups</span>
      </div>
      <label class="tp-check">
        <input
          type="checkbox"
          checked={model.keepTeamGroups.value}
          disabled={disabled}
          onChange={(e) => model.setKeepTeamGroups(e.currentTarget.checked)}
        />
        Pin the team’s own groups (same colour, touching)
      </label>
    </>
  );
}

function Preview({ model, busy }: { model: GroupTabModel; busy: boolean }) {
  const preview = model.preview.value;
  if (!preview) return null;
  const groups = preview.groups;
  const themed = groups.filter((g) => !g.unsorted).length;
  return (
    <section class="tp-section" aria-labelledby="tp-group-preview-title">
      <h2 class="tp-section__title" id="tp-group-preview-title">
        <span>Preview</span>
        <span class="tp-group-tab__count">{countOf(themed, 'group')}</span>
      </h2>
      <p class="tp-help">
        Nothing moves until you apply. Rename, merge, split or move notes first.
      </p>
      <ul class="tp-group-tab__groups">
        {groups.map((group) => (
          <GroupCard
            key={group.id}
            group={group}
            groups={groups}
            texts={model.texts.value}
            pinnedNotes={preview.pinned}
            busy={busy}
            onRename={(label) => model.rename(group.id, label)}
            onMerge={(fromId) => model.merge(group.id, fromId)}
            onSplit={() => void model.split(group.id)}
            onDissolve={() => model.dissolve(group.id)}
            onPin={() => model.pin(group.id)}
            onUnpin={() => model.unpin(group.id)}
            onMoveNote={(noteId, groupId) => model.moveNote(noteId, groupId)}
          />
        ))}
      </ul>
      <fieldset class="tp-group-tab__apply">
        <legend class="tp-sr-only">How to apply</legend>
        <label class="tp-check">
          <input
            type="checkbox"
            checked={model.colorGroups.value}
            disabled={busy}
            onChange={(e) => {
              model.colorGroups.value = e.currentTarget.checked;
            }}
          />
          Colour each group
        </label>
        <label class="tp-check">
          <input
            type="checkbox"
            checked={model.labelGroups.value}
            disabled={busy}
            onChange={(e) => {
              model.labelGroups.value = e.currentTarget.checked;
            }}
          />
          Put a label above each group
        </label>
      </fieldset>
      <div class="tp-actions">
        <button
          type="button"
          class="button button-primary button-small"
          disabled={busy}
          onClick={() => void model.apply()}
        >
          Apply to board
        </button>
        <button
          type="button"
          class="button button-tertiary button-small"
          disabled={busy}
          onClick={model.discard}
        >
          Discard
        </button>
      </div>
    </section>
  );
}

function UndoControls({ model, busy }: { model: GroupTabModel; busy: boolean }) {
  const undo = model.undo.value;
  if (!undo) return null;
  if (!undo.available)
    return undo.reason ? <p class="tp-help">Undo is not offered: {undo.reason}</p> : null;
  return (
    <section class="tp-section" aria-labelledby="tp-group-undo-title">
      <h2 class="tp-section__title" id="tp-group-undo-title">
        <span>Last grouping</span>
      </h2>
      {undo.pending && <p class="tp-help">It stopped partway: finish it, or undo what was done.</p>}
      <div class="tp-actions">
        {undo.pending && (
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={busy}
            onClick={() => void model.resume()}
          >
            Resume
          </button>
        )}
        <button
          type="button"
          class="button button-tertiary button-small"
          disabled={busy}
          onClick={() => void model.undoGrouping()}
        >
          Undo grouping ({notes(undo.notes)})
        </button>
      </div>
    </section>
  );
}
