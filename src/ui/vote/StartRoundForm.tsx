import { anonymityLimits } from '../../app/voting/anonymity-limits';
import type { NamedGroup, VoteContext } from '../../app/voting/vote-items';
import type { Privacy, RoundTargetKind } from '../../domain/voting/vote-round';
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

const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

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
  return (
    <form
      class="tp-card tp-vote-form"
      aria-label="Start a round"
      onSubmit={(e) => {
        e.preventDefault();
        void model.start();
      }}
    >
      <div class="tp-field">
        <label for="tp-round-title">Title</label>
        <input
          ref={titleInput}
          id="tp-round-title"
          class="input"
          value={form.title}
          aria-invalid={problems['title'] ? true : undefined}
          onInput={(e) => model.setForm({ title: value(e) })}
        />
        {problems['title'] && <p class="tp-field-error">{problems['title']}</p>}
      </div>
      <div class="tp-field">
        <label for="tp-round-target">Vote on</label>
        <select
          id="tp-round-target"
          class="select"
          value={form.targetKind}
          onChange={(e) => {
            const kind = value(e) as RoundTargetKind;
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
        {groups && (
          <>
            <label class="tp-sr-only" for="tp-round-group">
              {groupLabel}
            </label>
            <select
              id="tp-round-group"
              class="select"
              value={form.refId}
              onChange={(e) => model.setForm({ refId: value(e) })}
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
        )}
        {problems['target'] && <p class="tp-field-error">{problems['target']}</p>}
      </div>
      <div class="tp-row tp-vote-form__numbers">
        <div class="tp-field">
          <label for="tp-round-votes">Votes per person</label>
          <input
            id="tp-round-votes"
            class="input"
            type="number"
            min={1}
            max={99}
            disabled={ranked}
            value={ranked ? String(parseWeights(form.weights)?.length ?? 0) : form.votesPerPerson}
            aria-invalid={problems['votesPerPerson'] ? true : undefined}
            onInput={(e) => model.setForm({ votesPerPerson: value(e) })}
          />
        </div>
        <div class="tp-field">
          <label for="tp-round-cap">Max on one note</label>
          <input
            id="tp-round-cap"
            class="input"
            type="number"
            min={1}
            disabled={form.stacking || ranked}
            value={ranked ? '1' : form.stacking ? '' : form.cap}
            aria-invalid={problems['perItemCap'] ? true : undefined}
            onInput={(e) => model.setForm({ cap: value(e) })}
          />
        </div>
      </div>
      {problems['votesPerPerson'] && <p class="tp-field-error">{problems['votesPerPerson']}</p>}
      {problems['perItemCap'] && <p class="tp-field-error">{problems['perItemCap']}</p>}
      <label class="tp-check">
        <input
          type="checkbox"
          checked={form.stacking}
          disabled={ranked}
          onChange={(e) =>
            model.setForm({ stacking: (e.currentTarget as HTMLInputElement).checked })
          }
        />
        Allow stacking (any number of votes on one note)
      </label>
      <div class="tp-field">
        <label for="tp-round-weights">Ranked weights (optional)</label>
        <input
          id="tp-round-weights"
          class="input"
          placeholder="e.g. 3-2-1"
          value={form.weights}
          aria-invalid={problems['weights'] ? true : undefined}
          onInput={(e) => model.setForm({ weights: value(e) })}
        />
        {problems['weights'] && <p class="tp-field-error">{problems['weights']}</p>}
      </div>
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
      <div class="tp-field">
        <label for="tp-round-duration">Time box in minutes (optional)</label>
        <input
          id="tp-round-duration"
          class="input"
          type="number"
          min={1}
          placeholder="No time limit"
          value={form.duration}
          aria-invalid={problems['durationMinutes'] ? true : undefined}
          onInput={(e) => model.setForm({ duration: value(e) })}
        />
        {problems['durationMinutes'] && <p class="tp-field-error">{problems['durationMinutes']}</p>}
      </div>
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
