/** Vote tab › the participant's ballot: +/− on one note, or a vote on each selected note. */
import { signal } from '@preact/signals';
import { countOf, errorMessage } from '../../domain/common';
import type { TabMessage } from '../components/action-runner';
import type { RoundsModel } from './rounds-model';

export function createBallotModel({
  view,
  ready,
  selectedRound,
}: Pick<RoundsModel, 'view' | 'ready' | 'selectedRound'>) {
  /** How the last vote went; apart from the tab's message, beside the ballot. */
  const voteNotice = signal<TabMessage | null>(null);

  return {
    voteNotice,

    async vote(itemId: string, delta: 1 | -1) {
      const round = selectedRound.value;
      const handle = view.value;
      if (!round || !handle) return;
      voteNotice.value = null;
      try {
        const result = await handle.vote(round.round, itemId, delta);
        if (!result.ok) voteNotice.value = { tone: 'warning', title: result.reason };
      } catch (error) {
        voteNotice.value = {
          tone: 'error',
          title: 'Your vote was not saved',
          body: errorMessage(error),
        };
      }
    },
    /** One vote on each selected note of the round, in selection order, until the budget runs out. */
    async voteSelection() {
      const round = selectedRound.value;
      const handle = view.value;
      const selected = ready.value?.selectedIds ?? [];
      if (!round || !handle) return;
      const inRound = selected.filter((id) => round.round.target.itemIds.includes(id));
      if (inRound.length === 0) {
        voteNotice.value = {
          tone: 'info',
          title: 'Select one or more notes of this round on the board first.',
        };
        return;
      }
      voteNotice.value = null;
      let cast = 0;
      for (const id of inRound) {
        const result = await handle.vote(round.round, id, 1);
        if (result.ok) cast += 1;
        else {
          voteNotice.value = {
            tone: 'warning',
            title: `${cast} of ${inRound.length} selected notes got your vote.`,
            body: result.reason,
          };
          return;
        }
      }
      voteNotice.value = {
        tone: 'success',
        title: `Voted for ${countOf(cast, 'selected note')}.`,
      };
    },
  };
}
