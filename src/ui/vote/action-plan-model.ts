/** Vote tab › the action plan: drafts from a round's winners, the action form, the plan on the board. */
import { computed, signal, type Signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import { randomToken } from '../../app/voting/rounds';
import type { Workshop } from '../../app/workshop';
import type { Action, ActionDraft, ActionStatus, Score } from '../../domain/actions/action';
import { actionsFromTopResults } from '../../domain/actions/actions-from-top-results';
import { DEFAULT_SCORES } from '../../domain/actions/quadrant-of';
import type { ActionRunner } from '../components/action-runner';
import type { ResultsModel } from './results-model';
import { toNumber } from './round-form-model';
import type { RoundsModel } from './rounds-model';
import type { VoteUseCases } from './vote-tab-model';

export interface ActionForm {
  id: string | null;
  title: string;
  team: string;
  customTeam: string;
  dueDate: string;
  impact: string;
  feasibility: string;
  status: ActionStatus;
  sourceItemIds: string[];
  /** The draft this form fills in, dropped from the drafts once saved. */
  fromDraft: number | null;
}

export const CUSTOM_TEAM = '__custom__';

/** The saved action's field whose problems a form field shows: its own name, but for the team. */
const problemFieldOf = (key: string): string =>
  key === 'team' || key === 'customTeam' ? 'ownerTeam' : key;

const KNOWN = ['marketing', 'sales', 'support', 'product', 'hr', 'training', 'it', 'leadership'];

/** Today + 14 days, YYYY-MM-DD: a sensible first due date the facilitator changes. */
function defaultDueDate(now = new Date()): string {
  return new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
}

function actionFormFrom(
  draft: Partial<ActionDraft> & { title: string },
  fromDraft: number | null,
): ActionForm {
  return {
    fromDraft,
    id: null,
    title: draft.title,
    team: 'product',
    customTeam: '',
    dueDate: defaultDueDate(),
    impact: String(DEFAULT_SCORES.impact),
    feasibility: String(DEFAULT_SCORES.feasibility),
    status: draft.status ?? 'todo',
    sourceItemIds: draft.sourceItemIds ? [...draft.sourceItemIds] : [],
  };
}

function actionFormOf(action: Action): ActionForm {
  const known = KNOWN.includes(action.ownerTeam);
  return {
    id: action.id,
    title: action.title,
    team: known ? action.ownerTeam : CUSTOM_TEAM,
    customTeam: known ? '' : action.ownerTeam,
    dueDate: action.dueDate,
    impact: String(action.impact),
    feasibility: String(action.feasibility),
    status: action.status,
    sourceItemIds: [...action.sourceItemIds],
    fromDraft: null,
  };
}

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
  { run, message }: ActionRunner,
  round: Pick<RoundsModel, 'rounds' | 'selectedRound'> &
    Pick<ResultsModel, 'merged'> & {
      /** Which part of the tab shows; drafting switches to the plan. */
      section: Signal<'rounds' | 'actions'>;
    },
) {
  const actions = signal<Action[]>([]);
  const unreadableActions = signal(0);
  const drafts = signal<ActionDraft[]>([]);
  const actionForm = signal<ActionForm | null>(null);
  const actionProblems = signal<Record<string, string>>({});
  /** Whoever started a round may edit the plan (Miro has no roles). */
  const canEditActions = computed(() => round.rounds.value.some((r) => r.startedByMe));

  async function refreshActions(): Promise<void> {
    try {
      const loaded = await useCases.loadActions(workshop);
      actions.value = loaded.actions;
      unreadableActions.value = loaded.unreadable;
    } catch (error) {
      message.value = {
        tone: 'error',
        title: 'Could not read the action plan',
        body: errorMessage(error),
      };
    }
  }

  const fill = (form: ActionForm | null) => {
    actionForm.value = form;
    actionProblems.value = {};
  };

  /** Puts the plan on the board or takes it off; says how that went. */
  async function placePlan(
    label: string,
    done: string,
    work: () => ReturnType<PlanUseCases['removePlanFromBoard']>,
  ) {
    const outcome = await run(label, work);
    if (outcome)
      message.value = outcome.ok
        ? { tone: 'success', title: done }
        : { tone: 'error', title: outcome.reason };
  }

  return {
    actions,
    unreadableActions,
    drafts,
    actionForm,
    actionProblems,
    canEditActions,

    /** Reads the plan and follows it; returns what stops following. */
    open(): () => void {
      const stop = useCases.watchActions(workshop, () => void refreshActions());
      void refreshActions();
      return stop;
    },
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
    editDraft(index: number) {
      const draft = drafts.value[index];
      if (draft) fill(actionFormFrom(draft, index));
    },
    newAction: () => fill(actionFormFrom({ title: '' }, null)),
    editAction: (action: Action) => fill(actionFormOf(action)),
    setActionForm(patch: Partial<ActionForm>) {
      if (!actionForm.value) return;
      actionForm.value = { ...actionForm.value, ...patch };
      // A field's error speaks of what was saved; once the field is edited it goes, the others
      // stay until the next save says again.
      const edited = new Set(Object.keys(patch).map(problemFieldOf));
      const problems = Object.entries(actionProblems.value);
      if (problems.some(([field]) => edited.has(field)))
        actionProblems.value = Object.fromEntries(problems.filter(([field]) => !edited.has(field)));
    },
    cancelAction: () => fill(null),
    async saveAction() {
      const f = actionForm.value;
      if (!f) return;
      const existing = f.id ? actions.value.find((a) => a.id === f.id) : undefined;
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
      if (f.fromDraft !== null) drafts.value = drafts.value.filter((_, i) => i !== f.fromDraft);
      fill(null);
      await refreshActions();
    },
    async deleteAction(id: string) {
      await run('Deleting the action', () => useCases.deleteAction(workshop, id));
      await refreshActions();
    },
    putOnBoard: () =>
      placePlan('Putting the plan on the board', 'The action plan is on the board.', () =>
        useCases.putActionsOnBoard(workshop, actions.value),
      ),
    removeFromBoard: () =>
      placePlan('Removing the plan from the board', 'The action plan is off the board.', () =>
        useCases.removePlanFromBoard(workshop),
      ),
  };
}
