/**
 * Vote tab › the action form: filled from a draft, a new action or a saved one; edited (a field's
 * saved problem goes once it is edited); saved, which drops its draft and reads the plan again.
 */
import { signal, type Signal } from '@preact/signals';
import { randomToken } from '../../app/voting/rounds';
import type { Workshop } from '../../app/workshop';
import type { Action, ActionDraft, Score } from '../../domain/actions/action';
import {
  actionFormFrom,
  actionFormOf,
  CUSTOM_TEAM,
  problemsAfterEdit,
  type ActionForm,
} from '../../domain/actions/action-form';
import type { ActionRunner } from '../components/action-runner';
import { toNumber } from './round-form-model';
import type { VoteUseCases } from './vote-tab-model';

export function createActionFormModel(
  workshop: Workshop,
  useCases: Pick<VoteUseCases, 'saveAction'>,
  { run }: ActionRunner,
  plan: {
    actions: Signal<Action[]>;
    drafts: Signal<ActionDraft[]>;
    refreshActions: () => Promise<void>;
  },
) {
  const actionForm = signal<ActionForm | null>(null);
  const actionProblems = signal<Record<string, string>>({});

  const fill = (form: ActionForm | null) => {
    actionForm.value = form;
    actionProblems.value = {};
  };

  return {
    actionForm,
    actionProblems,
    editDraft(index: number) {
      const draft = plan.drafts.value[index];
      if (draft) fill(actionFormFrom(draft, index, new Date()));
    },
    newAction: () => fill(actionFormFrom({ title: '' }, null, new Date())),
    editAction: (action: Action) => fill(actionFormOf(action)),
    setActionForm(patch: Partial<ActionForm>) {
      if (!actionForm.value) return;
      actionForm.value = { ...actionForm.value, ...patch };
      const problems = problemsAfterEdit(actionProblems.value, Object.keys(patch));
      if (problems) actionProblems.value = problems;
    },
    cancelAction: () => fill(null),
    async saveAction() {
      const f = actionForm.value;
      if (!f) return;
      const existing = f.id ? plan.actions.value.find((a) => a.id === f.id) : undefined;
      const input = {
        id: f.id ?? `a${randomToken(6)}`,
        title: f.title,
        ownerTeam: f.team === CUSTOM_TEAM ? f.customTeam : f.team,
        dueDate: f.dueDate,
        impact: toNumber(f.impact) as Score,
        feasibility: toNumber(f.feasibility) as Score,
        status: f.status,
        sourceItemIds: f.sourceItemIds,
        createdAt: existing?.createdAt ?? new Date().toISOString(),
      };
      const outcome = await run('Saving the action', () => useCases.saveAction(workshop, input));
      if (!outcome) return;
      if (!outcome.ok) {
        actionProblems.value = Object.fromEntries(
          outcome.problems.map((p) => [p.field, p.message]),
        );
        return;
      }
      const { drafts } = plan;
      if (f.fromDraft !== null) drafts.value = drafts.value.filter((_, i) => i !== f.fromDraft);
      fill(null);
      await plan.refreshActions();
    },
  };
}
