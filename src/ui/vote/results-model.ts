/** Vote tab › a round's results: the tally with dot stickers counted in, and count badges. */
import { computed, signal } from '@preact/signals';
import { countOf } from '../../domain/common';
import { mergeResults, type OtherVoteSources } from '../../app/voting/vote-sources';
import type { Workshop } from '../../app/workshop';
import type { ActionRunner } from '../components/action-runner';
import type { RoundsModel } from './rounds-model';
import type { VoteUseCases } from './vote-tab-model';

export function createResultsModel(
  workshop: Workshop,
  useCases: Pick<VoteUseCases, 'otherSources' | 'placeBadges' | 'removeBadges'>,
  { run, message }: ActionRunner,
  { selectedRound }: Pick<RoundsModel, 'selectedRound'>,
) {
  /** Dot stickers and other votes on the board, counted for one round. */
  const other = signal<{ roundId: string; sources: OtherVoteSources } | null>(null);
  /** The shown round's results, with the other sources when they were counted for it. */
  const merged = computed(() => {
    const round = selectedRound.value;
    if (!round) return [];
    const extra = other.value?.roundId === round.round.id ? other.value.sources : null;
    return mergeResults(round.tally, extra);
  });

  return {
    other,
    merged,

    async loadOtherSources() {
      const round = selectedRound.value;
      if (!round) return;
      const sources = await run('Counting dot stickers', () =>
        useCases.otherSources(workshop, round.round.target.itemIds),
      );
      if (sources) other.value = { roundId: round.round.id, sources };
    },
    async placeBadges(top: number) {
      const round = selectedRound.value;
      if (!round) return;
      const entries = merged.value
        .filter((m) => m.rank <= top && m.total > 0)
        .map((m) => ({ itemId: m.itemId, count: m.total }));
      const outcome = await run('Placing badges', () =>
        useCases.placeBadges(workshop, round.round.id, entries),
      );
      if (!outcome) return;
      message.value = outcome.ok
        ? {
            tone: 'success',
            title: `${countOf(outcome.placed, 'count badge')} on the board.`,
          }
        : { tone: 'error', title: outcome.reason };
    },
    async removeBadges() {
      const outcome = await run('Removing badges', () => useCases.removeBadges(workshop));
      if (outcome)
        message.value = outcome.ok
          ? { tone: 'info', title: 'Badges removed from the board.' }
          : { tone: 'error', title: outcome.reason };
    },
  };
}

export type ResultsModel = ReturnType<typeof createResultsModel>;
