/**
 * Vote tab › the action plan: drafts from a round's winners, the action form (`ActionFormView`),
 * the actions with edit and delete, and the impact × feasibility 2 × 2 with the plan on the board.
 * It reads the tab's model and gives each part what it shows.
 */
import { useState } from 'preact/hooks';
import type { Action, ActionDraft } from '../../domain/actions/action';
import { isOverdue } from '../../domain/actions/validate-action';
import { localIsoDate } from '../../domain/common';
import { EmptyState } from '../components/Notice';
import { ActionFormView } from './ActionFormView';
import { ImpactGrid } from './ImpactGrid';
import { actionDetailsLine } from './action-text';
import type { VoteTabModel } from './vote-tab-model';

export function ActionPlan({ model }: { model: VoteTabModel }) {
  const actions = model.actions.value;
  const drafts = model.drafts.value;
  const editable = model.canEditActions.value;
  const form = model.actionForm.value;
  const busy = model.busy.value !== null;
  return (
    <div class="tp-plan">
      {!editable && (
        <p class="tp-help">
          The facilitator (whoever started a round) edits the action plan; you see it live.
        </p>
      )}
      {editable && drafts.length > 0 && <DraftList drafts={drafts} onFill={model.editDraft} />}
      {form && (
        <ActionFormView
          form={form}
          problems={model.actionProblems.value}
          busy={busy}
          onChange={model.setActionForm}
          onSave={() => void model.saveAction()}
          onCancel={model.cancelAction}
        />
      )}
      <ActionList
        actions={actions}
        editable={editable}
        canAdd={editable && !form}
        unreadable={model.unreadableActions.value}
        onNew={model.newAction}
        onEdit={model.editAction}
        onDelete={(id) => void model.deleteAction(id)}
      />
      {actions.length > 0 && (
        <PlanGrid
          actions={actions}
          editable={editable}
          busy={busy}
          onPut={() => void model.putOnBoard()}
          onRemove={() => void model.removeFromBoard()}
        />
      )}
    </div>
  );
}

/** Actions drafted from a round's top results, each to fill in. */
function DraftList({
  drafts,
  onFill,
}: {
  drafts: readonly ActionDraft[];
  onFill: (index: number) => void;
}) {
  return (
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
              onClick={() => onFill(i)}
            >
              Fill in
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The plan's actions, overdue ones marked; edit and delete (once confirmed) where editable. */
function ActionList({
  actions,
  editable,
  canAdd,
  unreadable,
  onNew,
  onEdit,
  onDelete,
}: {
  actions: readonly Action[];
  editable: boolean;
  /** Whether "+ New action" shows (editable, and no form open). */
  canAdd: boolean;
  /** How many stored actions could not be read. */
  unreadable: number;
  onNew: () => void;
  onEdit: (action: Action) => void;
  onDelete: (id: string) => void;
}) {
  // The action whose delete waits for a second click.
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const today = localIsoDate();
  return (
    <section class="tp-section" aria-labelledby="tp-actions-title">
      <h3 id="tp-actions-title" class="tp-section__title">
        Actions ({actions.length})
        {canAdd && (
          <button type="button" class="button button-tertiary button-small" onClick={onNew}>
            + New action
          </button>
        )}
      </h3>
      {unreadable > 0 && <p class="tp-help">{unreadable} stored actions could not be read.</p>}
      {actions.length === 0 ? (
        <EmptyState title="No actions yet">
          Reveal a round, then draft actions from its top results, or add one yourself.
        </EmptyState>
      ) : (
        <ul class="tp-plan__list">
          {actions.map((a) => (
            <ActionRow
              key={a.id}
              action={a}
              overdue={isOverdue(a, today)}
              editable={editable}
              confirming={confirmId === a.id}
              onEdit={() => onEdit(a)}
              onAskDelete={() => setConfirmId(a.id)}
              onDelete={() => {
                setConfirmId(null);
                onDelete(a.id);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One action: its title and line, "Overdue" when it is; Edit and Delete, then Confirm delete. */
function ActionRow({
  action,
  overdue,
  editable,
  confirming,
  onEdit,
  onAskDelete,
  onDelete,
}: {
  action: Action;
  overdue: boolean;
  editable: boolean;
  /** Whether its delete waits for the second click. */
  confirming: boolean;
  onEdit: () => void;
  onAskDelete: () => void;
  onDelete: () => void;
}) {
  return (
    <li class="tp-plan__row" data-testid="action-row">
      <span class="tp-plan__title">
        {action.title}
        <span class="tp-muted">{actionDetailsLine(action)}</span>
        {overdue && (
          <span class="tp-chip tp-chip--overdue" data-testid="action-overdue">
            ⚠ Overdue: was due {action.dueDate}
          </span>
        )}
      </span>
      {editable && (
        <span class="tp-plan__buttons">
          <button
            type="button"
            class="button button-tertiary button-small"
            aria-label={`Edit ${action.title}`}
            onClick={onEdit}
          >
            Edit
          </button>
          {confirming ? (
            <button type="button" class="button button-danger button-small" onClick={onDelete}>
              Confirm delete
            </button>
          ) : (
            <button
              type="button"
              class="button button-tertiary button-small"
              aria-label={`Delete ${action.title}`}
              onClick={onAskDelete}
            >
              Delete
            </button>
          )}
        </span>
      )}
    </li>
  );
}

/** The impact × feasibility 2 × 2, and putting the plan on the board or taking it off. */
function PlanGrid({
  actions,
  editable,
  busy,
  onPut,
  onRemove,
}: {
  actions: readonly Action[];
  editable: boolean;
  busy: boolean;
  onPut: () => void;
  onRemove: () => void;
}) {
  return (
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
            disabled={busy}
            onClick={onPut}
          >
            Put the plan on the board
          </button>
          <button
            type="button"
            class="button button-tertiary button-small"
            disabled={busy}
            onClick={onRemove}
          >
            Remove it from the board
          </button>
        </div>
      )}
    </section>
  );
}
