import { anonymityLimits } from '../../app/voting/anonymity-limits';
import type { NamedGroup, VoteContext } from '../../app/voting/vote-items';
import type { Privacy, RoundTargetKind } from '../../domain/voting/vote-round';
import { Field, controlValue, describedByFieldError } from '../components/Field';
import { useFocusOnMount } from '../components/use-focus';
import { parseWeights } from './round-form-model';
import type { VoteTabModel } from './vote-tab-model';

const PRIVACY: { id: Privacy; label: string; help: string }[] = [
  {
    id: 'secret-until-reveal',
    label: 'Secret until reveal',
    help: 'Totals hidden from everyone until you reveal.',
  },
  {
    id: 'anonymous',
    label: 'Anonymous',
    help: 'Nobody, you included, sees who voted for what (limits below).',
  },
  { id: 'open', label: 'Open', help: 'Live totals; who voted for what is shown and exported.' },
];

export function StartRoundForm({
  model,
  context,
  selected,
}: {
  model: VoteTabModel;
  context: VoteContext;
  selected: number;
}) {
  const form = model.form.value;
  const problems = model.problemsByField.value;
  const titleInput = useFocusOnMount<HTMLInputElement>();
  const ranked = form.weights.trim() !== '';
  const several = context.maps.length > 1;
  const onlyMap = context.maps.length === 1 ? context.maps[0] : undefined;
  const targets: { id: RoundTargetKind; label: string }[] = [
    {
      id: 'map',
      label: several
        ? 'Whole map'
        : onlyMap
          ? `Whole map (${onlyMap.notes} notes)`
          : `Whole board (${context.mapNoteIds.length} notes)`,
    },
    { id: 'selection', label: `Selected notes (${selected})` },
    ...(context.stages.length > 0 ? [{ id: 'stage' as const, label: 'One stage' }] : []),
    ...(context.lanes.length > 0 ? [{ id: 'lane' as const, label: 'One lane' }] : []),
    ...(context.clusters
      ? [{ id: 'clusters' as const, label: `Clusters (${context.clusters.length})` }]
      : []),
  ];
  const groups: readonly NamedGroup[] | null =
    form.targetKind === 'stage'
      ? context.stages
      : form.targetKind === 'lane'
        ? context.lanes
        : form.targetKind === 'map' && several
          ? context.maps
          : null;
  const groupLabel =
    form.targetKind === 'stage' ? 'Stage' : form.targetKind === 'lane' ? 'Lane' : 'Map';
  // Stages and lanes of several maps are grouped by map, so each option stays short at 320 px.
  const byMap =
    several && form.targetKind !== 'map' && groups
      ? context.maps.map((m) => ({ map: m, items: groups.filter((g) => g.mapId === m.id) }))
      : null;
  const option = (g: NamedGroup) => (
    <option key={g.id} value={g.id}>
      {g.name} ({g.notes} notes)
    </option>
  );
  // The stage, lane or map to vote on, under "Vote on" when it asks for one.
  const groupPicker = groups && (
    <>
      <label class="tp-sr-only" for="tp-round-group">
        {groupLabel}
      </label>
      <select
        id="tp-round-group"
        class="select"
        {...describedByFieldError('tp-round-target', problems['target'])}
        value={form.refId}
        onChange={(e) => model.setForm({ refId: controlValue(e) })}
      >
        {byMap
          ? byMap.map(({ map, items }) => (
              <optgroup key={map.id} label={map.name}>
                {items.map(option)}
              </optgroup>
            ))
          : groups.map(option)}
      </select>
    </>
  );
  return (
    <form
      class="tp-card tp-vote-form"
      aria-label="Start a round"
      onSubmit={(e) => {
        e.preventDefault();
        void model.start();
      }}
    >
      <Field id="tp-round-title" label="Title" error={problems['title']}>
        <input
          ref={titleInput}
          class="input"
          value={form.title}
          onInput={(e) => model.setForm({ title: controlValue(e) })}
        />
      </Field>
      <Field id="tp-round-target" label="Vote on" error={problems['target']} after={groupPicker}>
        <select
          class="select"
          value={form.targetKind}
          onChange={(e) => {
            const kind = controlValue(e) as RoundTargetKind;
            const first =
              kind === 'stage'
                ? context.stages[0]?.id
                : kind === 'lane'
                  ? context.lanes[0]?.id
                  : kind === 'map'
                    ? context.maps[0]?.id
                    : '';
            model.setForm({ targetKind: kind, refId: first ?? '' });
          }}
        >
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </Field>
      <div class="tp-row tp-vote-form__numbers">
        <Field id="tp-round-votes" label="Votes per person" error={problems['votesPerPerson']}>
          <input
            class="input"
            type="number"
            min={1}
            max={99}
            disabled={ranked}
            value={ranked ? String(parseWeights(form.weights)?.length ?? 0) : form.votesPerPerson}
            onInput={(e) => model.setForm({ votesPerPerson: controlValue(e) })}
          />
        </Field>
        <Field id="tp-round-cap" label="Max on one note" error={problems['perItemCap']}>
          <input
            class="input"
            type="number"
            min={1}
            disabled={form.stacking || ranked}
            value={ranked ? '1' : form.stacking ? '' : form.cap}
            onInput={(e) => model.setForm({ cap: controlValue(e) })}
          />
        </Field>
      </div>
      <label class="tp-check">
        <input
          type="checkbox"
          checked={form.stacking}
          disabled={ranked}
          onChange={(e) => model.setForm({ stacking: e.currentTarget.checked })}
        />
        Allow stacking (any number of votes on one note)
      </label>
      <Field id="tp-round-weights" label="Ranked weights (optional)" error={problems['weights']}>
        <input
          class="input"
          placeholder="e.g. 3-2-1"
          value={form.weights}
          onInput={(e) => model.setForm({ weights: controlValue(e) })}
        />
      </Field>
      <fieldset class="tp-fieldset">
        <legend>Privacy</legend>
        {PRIVACY.map((p) => (
          <label key={p.id} class="tp-radio">
            <input
              type="radio"
              name="tp-round-privacy"
              value={p.id}
              checked={form.privacy === p.id}
              onChange={() => model.setForm({ privacy: p.id })}
            />
            <span>
              <strong>{p.label}</strong>
              <span class="tp-muted"> — {p.help}</span>
            </span>
          </label>
        ))}
        {form.privacy === 'anonymous' && (
          <ul
            class="tp-limits"
            aria-label="What anonymous means here"
            data-testid="anonymity-limits"
          >
            {anonymityLimits(model.anonymousDesign).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <Field
        id="tp-round-duration"
        label="Time box in minutes (optional)"
        error={problems['durationMinutes']}
      >
        <input
          class="input"
          type="number"
          min={1}
          placeholder="No time limit"
          value={form.duration}
          onInput={(e) => model.setForm({ duration: controlValue(e) })}
        />
      </Field>
      <div class="tp-actions">
        <button
          type="submit"
          class="button button-primary"
          disabled={!model.validation.value.ok || model.busy.value !== null}
        >
          Start round
        </button>
        <button
          type="button"
          class="button button-secondary"
          onClick={() => (model.formOpen.value = false)}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
