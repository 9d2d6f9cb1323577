/**
 * Vote tab › the action form, new or edited: the title, the owner team (a known one or one named
 * by hand), the due date (warned about once passed) and status, impact and feasibility with the
 * quadrant they land in, and the notes it came from.
 */
import {
  ACTION_STATUSES,
  KNOWN_TEAMS,
  TEAM_LABELS,
  type ActionStatus,
  type Score,
} from '../../domain/actions/action';
import { QUADRANTS, quadrantOf } from '../../domain/actions/quadrant-of';
import { isOverdue } from '../../domain/actions/validate-action';
import { countOf, localIsoDate } from '../../domain/common';
import { Field, controlValue, describedByFieldError } from '../components/Field';
import { useFocusOnMount } from '../components/use-focus';
import { CUSTOM_TEAM, type ActionForm } from '../../domain/actions/action-form';
import { ACTION_STATUS_LABEL } from './action-text';

const SCORES = ['1', '2', '3', '4', '5'];

export function ActionFormView({
  form: f,
  problems,
  busy,
  onChange,
  onSave,
  onCancel,
}: {
  form: ActionForm;
  /** Why the last save was refused, by the saved action's field. */
  problems: Readonly<Record<string, string>>;
  busy: boolean;
  onChange: (patch: Partial<ActionForm>) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  // Focus moves into the form as it opens, and again when it switches to another action or draft.
  const titleInput = useFocusOnMount<HTMLInputElement>(true, `${f.id}/${f.fromDraft}`);
  return (
    <form
      class="tp-card"
      aria-label={f.id ? 'Edit action' : 'New action'}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <Field id="tp-action-title" label="Action" error={problems['title']}>
        <input
          ref={titleInput}
          class="input"
          value={f.title}
          onInput={(e) => onChange({ title: controlValue(e) })}
        />
      </Field>
      <OwnerTeamField
        team={f.team}
        customTeam={f.customTeam}
        error={problems['ownerTeam']}
        onChange={onChange}
      />
      <DueAndStatusFields
        dueDate={f.dueDate}
        status={f.status}
        error={problems['dueDate']}
        onChange={onChange}
      />
      <ScoreFields impact={f.impact} feasibility={f.feasibility} onChange={onChange} />
      {f.sourceItemIds.length > 0 && (
        <p class="tp-help">Linked to {countOf(f.sourceItemIds.length, 'source note')}.</p>
      )}
      <div class="tp-actions">
        <button type="submit" class="button button-primary button-small" disabled={busy}>
          Save action
        </button>
        <button type="button" class="button button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The due date, warned about once passed on an action not done, and the status. */
function DueAndStatusFields({
  dueDate,
  status,
  error,
  onChange,
}: {
  dueDate: string;
  status: ActionStatus;
  error: string | undefined;
  onChange: (patch: Partial<Pick<ActionForm, 'dueDate' | 'status'>>) => void;
}) {
  // Warned about as the list will show it: past due and not done.
  const pastDue = isOverdue({ dueDate, status }, localIsoDate());
  return (
    <>
      <div class="tp-row">
        <Field id="tp-action-due" label="Due" error={error}>
          <input
            class="input"
            type="date"
            value={dueDate}
            aria-describedby={pastDue ? 'tp-action-due-past' : undefined}
            onInput={(e) => onChange({ dueDate: controlValue(e) })}
          />
        </Field>
        <Field id="tp-action-status" label="Status">
          <select
            class="select"
            value={status}
            onChange={(e) => onChange({ status: controlValue(e) as ActionStatus })}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {pastDue && (
        <p id="tp-action-due-past" class="tp-field-warning" role="status">
          ⚠ {dueDate} has already passed: the action shows as overdue.
        </p>
      )}
    </>
  );
}

/** The owner team: a known one, or "Other team…" with the name typed under it. */
function OwnerTeamField({
  team,
  customTeam,
  error,
  onChange,
}: {
  team: string;
  customTeam: string;
  error: string | undefined;
  onChange: (patch: Partial<Pick<ActionForm, 'team' | 'customTeam'>>) => void;
}) {
  // A team not in the list is named under "Owner team".
  const named = team === CUSTOM_TEAM && (
    <>
      <label class="tp-sr-only" for="tp-action-custom-team">
        Team name
      </label>
      <input
        id="tp-action-custom-team"
        class="input"
        {...describedByFieldError('tp-action-team', error)}
        placeholder="Team name"
        value={customTeam}
        onInput={(e) => onChange({ customTeam: controlValue(e) })}
      />
    </>
  );
  return (
    <Field id="tp-action-team" label="Owner team" error={error} after={named}>
      <select class="select" value={team} onChange={(e) => onChange({ team: controlValue(e) })}>
        {KNOWN_TEAMS.map((t) => (
          <option key={t} value={t}>
            {TEAM_LABELS[t]}
          </option>
        ))}
        <option value={CUSTOM_TEAM}>Other team…</option>
      </select>
    </Field>
  );
}

/** Impact and feasibility, 1 to 5, and the quadrant of the 2 × 2 they land in. */
function ScoreFields({
  impact,
  feasibility,
  onChange,
}: {
  impact: string;
  feasibility: string;
  onChange: (patch: Partial<Pick<ActionForm, 'impact' | 'feasibility'>>) => void;
}) {
  const scores = { impact: Number(impact) as Score, feasibility: Number(feasibility) as Score };
  const quadrant = QUADRANTS[quadrantOf(scores)];
  return (
    <>
      <div class="tp-row">
        <ScoreSelect
          id="tp-action-impact"
          label="Impact (1–5)"
          score={impact}
          onPick={(score) => onChange({ impact: score })}
        />
        <ScoreSelect
          id="tp-action-feasibility"
          label="Feasibility (1–5)"
          score={feasibility}
          onPick={(score) => onChange({ feasibility: score })}
        />
      </div>
      <p class="tp-help" data-testid="action-quadrant" aria-live="polite">
        Lands in <strong>{quadrant.label}</strong>: {quadrant.advice}
      </p>
    </>
  );
}

/** A score from 1 to 5. */
function ScoreSelect({
  id,
  label,
  score,
  onPick,
}: {
  id: string;
  label: string;
  score: string;
  onPick: (score: string) => void;
}) {
  return (
    <Field id={id} label={label}>
      <select class="select" value={score} onChange={(e) => onPick(controlValue(e))}>
        {SCORES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
    </Field>
  );
}
