/** Vote tab › the rounds: the live voting picture, which round is shown, end / reveal / delete. */
import { computed, signal } from '@preact/signals';
import type { RoundChange } from '../../app/voting/rounds';
import type { RoundView, VotingState } from '../../app/voting/voting-view';
import type { Workshop } from '../../app/workshop';
import type { ActionRunner } from '../components/action-runner';
import type { VoteUseCases, VotingViewHandle } from './vote-tab-model';

const CHANGE_LABELS: Record<RoundChange, string> = {
  end: 'Ending the round',
  reveal: 'Revealing',
  reopen: 'Reopening',
};

export function createRoundsModel(
  workshop: Workshop,
  useCases: Pick<VoteUseCases, 'openView' | 'changeRound' | 'deleteRound'>,
  { run, message }: ActionRunner,
) {
  const view = signal<VotingViewHandle | null>(null);
  const state = signal<VotingState>({ status: 'loading' });
  const selectedRoundId = signal<string | null>(null);
  /** A round just started here: its detail takes focus once when it shows. */
  const focusRound = signal<string | null>(null);

  const ready = computed(() => (state.value.status === 'ready' ? state.value : null));
  const rounds = computed(() => ready.value?.rounds ?? []);
  const selectedRound = computed<RoundView | null>(() => {
    const list = rounds.value;
    const chosen = list.find((r) => r.round.id === selectedRoundId.value);
    if (chosen) return chosen;
    // Default: the newest open round, else the newest round.
    return [...list].reverse().find((r) => r.open) ?? list.at(-1) ?? null;
  });

  return {
    view,
    state,
    ready,
    rounds,
    selectedRoundId,
    selectedRound,
    focusRound,

    /** Opens the live voting view; returns what closes it. */
    open(): () => void {
      const handle = useCases.openView(workshop);
      view.value = handle;
      state.value = handle.state();
      const stop = handle.subscribe((s) => (state.value = s));
      return () => {
        stop();
        handle.close();
      };
    },
    /** Shows a round just started here; its detail takes focus once. */
    show(roundId: string) {
      selectedRoundId.value = roundId;
      focusRound.value = roundId;
    },
    async change(roundId: string, change: RoundChange) {
      const outcome = await run(CHANGE_LABELS[change], () =>
        useCases.changeRound(workshop, roundId, change),
      );
      if (outcome && !outcome.ok) message.value = { tone: 'error', title: outcome.reason };
    },
    async remove(roundId: string) {
      await run('Deleting the round', () => useCases.deleteRound(workshop, roundId));
      if (selectedRoundId.value === roundId) selectedRoundId.value = null;
    },
  };
}

export type RoundsModel = ReturnType<typeof createRoundsModel>;
