/**
 * Vote tab › the action plan: drafts from a round's winners, the action form
 * (`action-form-model.ts`), the plan as stored and on the board (`action-plan-list.ts`).
 */
import { computed, signal, type Signal } from '@preact/signals';
import type { Workshop } from '../../app/workshop';
import type { ActionDraft } from '../../domain/actions/action';
import { actionsFromTopResults } from '../../domain/actions/actions-from-top-results';
import type { ActionRunner } from '../components/action-runner';
import { createActionFormModel } from './action-form-model';
import { createActionList } from './action-plan-list';
import type { ResultsModel } from './results-model';
import type { RoundsModel } from './rounds-model';
import type { VoteUseCases } from './vote-tab-model';

type PlanUseCases = Pick<
  VoteUseCases,
  | 'loadActions'
  | 'watchActions'
  | 'saveAction'
  | 'deleteAction'
  | 'putActionsOnBoard'
  | 'removePlanFromBoard'
>;

export function createActionPlanModel(
  workshop: Workshop,
  useCases: PlanUseCases,
  runner: ActionRunner,
  round: Pick<RoundsModel, 'rounds' | 'selectedRound'> &
    Pick<ResultsModel, 'merged'> & {
      /** Which part of the tab shows; drafting switches to the plan. */
      section: Signal<'rounds' | 'actions'>;
    },
) {
  const { refreshActions, ...list } = createActionList(workshop, useCases, runner);
  const drafts = signal<ActionDraft[]>([]);
  const form = createActionFormModel(workshop, useCases, runner, {
    actions: list.actions,
    drafts,
    refreshActions,
  });
  /** Whoever started a round may edit the plan (Miro has no roles). */
  const canEditActions = computed(() => round.rounds.value.some((r) => r.startedByMe));

  return {
    ...list,
    ...form,
    drafts,
    canEditActions,
    draftFromTop(n: number) {
      const shown = round.selectedRound.value;
      if (!shown) return;
      const items = shown.items.map((i) => ({ id: i.id, text: i.text, memberIds: i.memberIds }));
      drafts.value = actionsFromTopResults(
        round.merged.value.map((m) => ({ itemId: m.itemId, rank: m.rank, score: m.total })),
        items,
        n,
      );
      round.section.value = 'actions';
    },
  };
}
