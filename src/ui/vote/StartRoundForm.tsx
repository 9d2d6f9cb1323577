/**
 * Vote tab › "Start a round": the title, what it votes on (`RoundTargetField`), the budget, the
 * privacy and the time box, each field with the domain validator's message, checked live.
 */
import { anonymityLimits, type AnonymousDesign } from '../../app/voting/anonymity-limits';
import type { VoteContext } from '../../app/voting/vote-items';
import type { Privacy } from '../../domain/voting/vote-round';
import { Field, controlValue } from '../components/Field';
import { useFocusOnMount } from '../components/use-focus';
import { RoundTargetField } from './RoundTargetField';
import { parseWeights, type RoundForm } from './round-form-model';
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

/** The form's fields' problems, by field. */
type Problems = Readonly<Record<string, string>>;

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
      <RoundTargetField
        context={context}
        selected={selected}
        targetKind={form.targetKind}
        refId={form.refId}
        error={problems['target']}
        onChange={model.setForm}
      />
      <BudgetFields form={form} problems={problems} onChange={model.setForm} />
      <PrivacyChoice
        privacy={form.privacy}
        design={model.anonymousDesign}
        onChange={(privacy) => model.setForm({ privacy })}
      />
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

/**
 * Votes per person, the most on one note or stacking, and ranked weights; ranked weights set the
 * budget (one vote a pick) and a cap of one, so those fields show that and are off.
 */
function BudgetFields({
  form,
  problems,
  onChange,
}: {
  form: Pick<RoundForm, 'votesPerPerson' | 'cap' | 'stacking' | 'weights'>;
  problems: Problems;
  onChange: (patch: Partial<RoundForm>) => void;
}) {
  const ranked = form.weights.trim() !== '';
  return (
    <>
      <div class="tp-row tp-vote-form__numbers">
        <Field id="tp-round-votes" label="Votes per person" error={problems['votesPerPerson']}>
          <input
            class="input"
            type="number"
            min={1}
            max={99}
            disabled={ranked}
            value={ranked ? String(parseWeights(form.weights)?.length ?? 0) : form.votesPerPerson}
            onInput={(e) => onChange({ votesPerPerson: controlValue(e) })}
          />
        </Field>
        <Field id="tp-round-cap" label="Max on one note" error={problems['perItemCap']}>
          <input
            class="input"
            type="number"
            min={1}
            disabled={form.stacking || ranked}
            value={ranked ? '1' : form.stacking ? '' : form.cap}
            onInput={(e) => onChange({ cap: controlValue(e) })}
          />
        </Field>
      </div>
      <label class="tp-check">
        <input
          type="checkbox"
          checked={form.stacking}
          disabled={ranked}
          onChange={(e) => onChange({ stacking: e.currentTarget.checked })}
        />
        Allow stacking (any number of votes on one note)
      </label>
      <Field id="tp-round-weights" label="Ranked weights (optional)" error={problems['weights']}>
        <input
          class="input"
          placeholder="e.g. 3-2-1"
          value={form.weights}
          onInput={(e) => onChange({ weights: controlValue(e) })}
        />
      </Field>
    </>
  );
}

/** Who sees what of the round; with anonymous chosen, what anonymous means on this board. */
function PrivacyChoice({
  privacy,
  design,
  onChange,
}: {
  privacy: Privacy;
  /** Where a new anonymous round's ballots go on this board. */
  design: AnonymousDesign;
  onChange: (privacy: Privacy) => void;
}) {
  return (
    <fieldset class="tp-fieldset">
      <legend>Privacy</legend>
      {PRIVACY.map((p) => (
        <label key={p.id} class="tp-radio">
          <input
            type="radio"
            name="tp-round-privacy"
            value={p.id}
            checked={privacy === p.id}
            onChange={() => onChange(p.id)}
          />
          <span>
            <strong>{p.label}</strong>
            <span class="tp-muted"> — {p.help}</span>
          </span>
        </label>
      ))}
      {privacy === 'anonymous' && (
        <ul class="tp-limits" aria-label="What anonymous means here" data-testid="anonymity-limits">
          {anonymityLimits(design).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
