/**
 * Vote tab › the shown round, one part a concern: its head (`RoundSummary.tsx`), its progress
 * (`RoundProgress`), the starter's controls (`RoundControls`), this person's ballot (`Ballot`) and
 * the results (`RoundResults`). It reads the tab's model and gives each part what it shows.
 */
import type { RoundView } from '../../app/voting/voting-view';
import { Ballot } from './Ballot';
import { RoundControls } from './RoundControls';
import { RoundProgress } from './RoundProgress';
import { RoundResults } from './RoundResults';
import { AnonymityDetails, RoundHeading, RoundSummary } from './RoundSummary';
import type { VoteTabModel } from './vote-tab-model';

export function RoundDetail({ model, view }: { model: VoteTabModel; view: RoundView }) {
  const { round } = view;
  const textOf = (id: string) =>
    view.items.find((i) => i.id === id)?.text ?? 'A note no longer on the board';
  return (
    <section class="tp-card tp-round" aria-labelledby="tp-round-heading">
      <RoundHeading round={round} focusRound={model.focusRound} />
      <RoundSummary round={round} startedByMe={view.startedByMe} starterName={view.starterName} />
      {round.anonymous && <AnonymityDetails design={round.anonymous.kind} />}
      <RoundProgress round={round} tally={view.tally} voters={view.voters} textOf={textOf} />
      {view.startedByMe && (
        <RoundControls
          round={round}
          busy={model.busy.value !== null}
          onChange={(change) => void model.change(round.id, change)}
          onDelete={() => void model.remove(round.id)}
        />
      )}
      {view.open && (
        <Ballot
          view={view}
          notice={model.voteNotice.value}
          selectedCount={model.ready.value?.selectedIds.length ?? 0}
          onVote={(itemId, delta) => void model.vote(itemId, delta)}
          onVoteSelection={() => void model.voteSelection()}
        />
      )}
      <RoundResults model={model} view={view} textOf={textOf} />
    </section>
  );
}
