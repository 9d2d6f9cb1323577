import { countOf } from '../../domain/common';
import { useState } from 'preact/hooks';
import {
  ACTION_STATUSES,
  KNOWN_TEAMS,
  TEAM_LABELS,
  type KnownTeam,
  type Score,
} from '../../domain/actions/action';
import { QUADRANTS, quadrantOf } from '../../domain/actions/quadrant-of';
import { checkDueDate, isOverdue } from '../../domain/actions/validate-action';
import { localIsoDate } from '../../domain/common';
import { Field, controlValue, describedByFieldError } from '../components/Field';
import { EmptyState } from '../components/Notice';
import { useFocusOnMount } from '../components/use-focus';
import { ImpactGrid } from './ImpactGrid';
import { CUSTOM_TEAM } from './action-plan-model';
import type { VoteTabModel } from './vote-tab-model';

const STATUS_LABEL = { todo: 'To do', doing: 'Doing', done: 'Done' };
const teamName = (team: string) => TEAM_LABELS[team as KnownTeam] ?? team;

export function ActionPlan({ model }: { model: VoteTabModel }) {
  const actions = model.actions.value;
  const drafts = model.drafts.value;
  const editable = model.canEditActions.value;
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const today = localIsoDate();
  return (
    <div class="tp-plan">
      {!editable && (
        <p class="tp-help">
          The facilitator (whoever started a round) edits the action plan; you see it live.
        </p>
      )}
      {editable && drafts.length > 0 && (
        <section class="tp-section" aria-labelledby="tp-drafts">
          <h3 id="tp-drafts" class="tp-section__title">
            Drafts from the results
          </h3>
          <ul class="tp-plan__list">
            {drafts.map((d, i) => (
              <li key={`${d.title}-${i}`} class="tp-plan__row">
                <span class="tp-plan__title">
                  <span class="tp-chip">#{d.rank}</span> {d.title}
                </span>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  onClick={() => model.editDraft(i)}
                >
                  Fill in
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.actionForm.value && <ActionFormView model={model} />}

      <section class="tp-section" aria-labelledby="tp-actions-title">
        <h3 id="tp-actions-title" class="tp-section__title">
          Actions ({actions.length})
          {editable && !model.actionForm.value && (
            <button
              type="button"
              class="button button-tertiary button-small"
              onClick={model.newAction}
            >
              + New action
            </button>
          )}
        </h3>
        {model.unreadableActions.value > 0 && (
          <p class="tp-help">{model.unreadableActions.value} stored actions could not be read.</p>
        )}
        {actions.length === 0 ? (
          <EmptyState title="No actions yet">
            Reveal a round, then draft actions from its top results, or add one yourself.
          </EmptyState>
        ) : (
          <ul class="tp-plan__list">
            {actions.map((a) => (
              <li key={a.id} class="tp-plan__row" data-testid="action-row">
                <span class="tp-plan__title">
                  {a.title}
                  <span class="tp-muted">
                    {teamName(a.ownerTeam)} · due {a.dueDate} · I{a.impact} F{a.feasibility} ·{' '}
                    {STATUS_LABEL[a.status]}
                  </span>
                  {isOverdue(a, today) && (
                    <span class="tp-chip tp-chip--overdue" data-testid="action-overdue">
                      ⚠ Overdue: was due {a.dueDate}
                    </span>
                  )}
                </span>
                {editable && (
                  <span class="tp-plan__buttons">
                    <button
                      type="button"
                      class="button button-tertiary button-small"
                      aria-label={`Edit ${a.title}`}
                      onClick={() => model.editAction(a)}
                    >
                      Edit
                    </button>
                    {confirmId === a.id ? (
                      <button
                        type="button"
                        class="button button-danger button-small"
                        onClick={() => {
                          setConfirmId(null);
                          void model.deleteAction(a.id);
                        }}
                      >
                        Confirm delete
                      </button>
                    ) : (
                      <button
                        type="button"
                        class="button button-tertiary button-small"
                        aria-label={`Delete ${a.title}`}
                        onClick={() => setConfirmId(a.id)}
                      >
                        Delete
                      </button>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {actions.length > 0 && (
        <section class="tp-section" aria-labelledby="tp-grid-title">
          <h3 id="tp-grid-title" class="tp-section__title">
            Impact × feasibility
          </h3>
          <ImpactGrid actions={actions} />
          {editable && (
            <div class="tp-actions">
              <button
                type="button"
                class="button button-secondary button-small"
                disabled={model.busy.value !== null}
                onClick={() => void model.putOnBoard()}
              >
                Put the plan on the board
              </button>
              <button
                type="button"
                class="button button-tertiary button-small"
                disabled={model.busy.value !== null}
                onClick={() => void model.removeFromBoard()}
              >
                Remove it from the board
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function ActionFormView({ model }: { model: VoteTabModel }) {
  const f = model.actionForm.value!;
  const problems = model.actionProblems.value;
  const scores = ['1', '2', '3', '4', '5'];
  // Focus moves into the form as it opens, and again when it switches to another action or draft.
  const titleInput = useFocusOnMount<HTMLInputElement>(true, `${f.id}/${f.fromDraft}`);
  const pastDue = checkDueDate(f.dueDate) === null && f.dueDate < localIsoDate();
  const impact = Number(f.impact) as Score;
  const feasibility = Number(f.feasibility) as Score;
  const quadrant = QUADRANTS[quadrantOf({ impact, feasibility })];
  // A team not in the list is named under "Owner team".
  const customTeam = f.team === CUSTOM_TEAM && (
    <>
      <label class="tp-sr-only" for="tp-action-custom-team">
        Team name
      </label>
      <input
        id="tp-action-custom-team"
        class="input"
        {...describedByFieldError('tp-action-team', problems['ownerTeam'])}
        placeholder="Team name"
        value={f.customTeam}
        onInput={(e) => model.setActionForm({ customTeam: controlValue(e) })}
      />
    </>
  );
  return (
    <form
      class="tp-card"
      aria-label={f.id ? 'Edit action' : 'New action'}
      onSubmit={(e) => {
        e.preventDefault();
        void model.saveAction();
      }}
    >
      <Field id="tp-action-title" label="Action" error={problems['title']}>
        <input
          ref={titleInput}
          class="input"
          value={f.title}
          onInput={(e) => model.setActionForm({ title: controlValue(e) })}
        />
      </Field>
      <Field
        id="tp-action-team"
        label="Owner team"
        error={problems['ownerTeam']}
        after={customTeam}
      >
        <select
          class="select"
          value={f.team}
          onChange={(e) => model.setActionForm({ team: controlValue(e) })}
        >
          {KNOWN_TEAMS.map((t) => (
            <option key={t} value={t}>
              {TEAM_LABELS[t]}
            </option>
          ))}
          <option value={CUSTOM_TEAM}>Other team…</option>
        </select>
      </Field>
      <div class="tp-row">
        <Field id="tp-action-due" label="Due" error={problems['dueDate']}>
          <input
            class="input"
            type="date"
            value={f.dueDate}
            aria-describedby={pastDue ? 'tp-action-due-past' : undefined}
            onInput={(e) => model.setActionForm({ dueDate: controlValue(e) })}
          />
        </Field>
        <Field id="tp-action-status" label="Status">
          <select
            class="select"
            value={f.status}
            onChange={(e) => model.setActionForm({ status: controlValue(e) as typeof f.status })}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {pastDue && (
        <p id="tp-action-due-past" class="tp-field-warning" role="status">
          ⚠ {f.dueDate} has already passed: the action shows as overdue.
        </p>
      )}
      <div class="tp-row">
        <Field id="tp-action-impact" label="Impact (1–5)">
          <select
            class="select"
            value={f.impact}
            onChange={(e) => model.setActionForm({ impact: controlValue(e) })}
          >
            {scores.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field id="tp-action-feasibility" label="Feasibility (1–5)">
          <select
            class="select"
            value={f.feasibility}
            onChange={(e) => model.setActionForm({ feasibility: controlValue(e) })}
          >
            {scores.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
      </div>
      <p class="tp-help" data-testid="action-quadrant" aria-live="polite">
        Lands in <strong>{quadrant.label}</strong>: {quadrant.advice}
      </p>
      {f.sourceItemIds.length > 0 && (
        <p class="tp-help">Linked to {countOf(f.sourceItemIds.length, 'source note')}.</p>
      )}
      <div class="tp-actions">
        <button
          type="submit"
          class="button button-primary button-small"
          disabled={model.busy.value !== null}
        >
          Save action
        </button>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={model.cancelAction}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
