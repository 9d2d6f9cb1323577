/**
 * Vote tab › the action plan as stored: read and followed while the tab is open, an action
 * deleted, the plan put on the board or taken off.
 */
import { signal } from '@preact/signals';
import type { Workshop } from '../../app/workshop';
import type { Action } from '../../domain/actions/action';
import { errorMessage } from '../../domain/common';
import type { ActionRunner } from '../components/action-runner';
import type { VoteUseCases } from './vote-tab-model';

type ListUseCases = Pick<
  VoteUseCases,
  'loadActions' | 'watchActions' | 'deleteAction' | 'putActionsOnBoard' | 'removePlanFromBoard'
>;

export function createActionList(
  workshop: Workshop,
  useCases: ListUseCases,
  { run, message }: ActionRunner,
) {
  const actions = signal<Action[]>([]);
  const unreadableActions = signal(0);

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

  /** Puts the plan on the board or takes it off; says how that went. */
  async function placePlan(
    label: string,
    done: string,
    work: () => ReturnType<ListUseCases['removePlanFromBoard']>,
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
    refreshActions,
    /** Reads the plan and follows it; returns what stops following. */
    open(): () => void {
      const stop = useCases.watchActions(workshop, () => void refreshActions());
      void refreshActions();
      return stop;
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
