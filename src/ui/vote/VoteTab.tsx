import { countOf } from '../../domain/common';
import type { Workshop } from '../../app/workshop';
import { EmptyState, Notice, Spinner } from '../components/Notice';
import { boardReadState, useTabModel } from '../components/tab-model';
import { ActionPlan } from './ActionPlan';
import { RoundDetail } from './RoundDetail';
import { STATUS_LABEL } from './RoundSummary';
import { StartRoundForm } from './StartRoundForm';
import { createVoteTabModel, type VoteUseCases } from './vote-tab-model';

interface VoteTabProps {
  workshop: Workshop;
  useCases: VoteUseCases;
}

/** Vote tab: start and run rounds, vote, see results, and turn the winners into an action plan. */
export function VoteTab({ workshop, useCases }: VoteTabProps) {
  const model = useTabModel(() => createVoteTabModel(workshop, useCases), [workshop, useCases]);
  const state = model.state.value;
  const waiting = boardReadState(state, 'Reading the votes on this board…');
  if (waiting || state.status !== 'ready') return waiting;

  const rounds = model.rounds.value;
  const selected = model.selectedRound.value;
  const message = model.message.value;
  const section = model.section.value;
  return (
    <div class="tp-vote-tab">
      <div class="tp-segmented" role="group" aria-label="Vote tab sections">
        <button
          type="button"
          aria-pressed={section === 'rounds'}
          onClick={() => (model.section.value = 'rounds')}
        >
          Rounds
        </button>
        <button
          type="button"
          aria-pressed={section === 'actions'}
          onClick={() => (model.section.value = 'actions')}
        >
          Action plan{model.actions.value.length > 0 ? ` (${model.actions.value.length})` : ''}
        </button>
      </div>
      {model.busy.value && <Spinner label={`${model.busy.value}…`} />}
      {message && (
        <Notice tone={message.tone} title={message.title}>
          {message.body}
        </Notice>
      )}
      {section === 'actions' ? (
        <ActionPlan model={model} />
      ) : (
        <>
          {model.formOpen.value ? (
            <StartRoundForm
              model={model}
              context={state.context}
              selected={state.selectedIds.length}
            />
          ) : (
            <div class="tp-actions">
              <button
                type="button"
                class="button button-primary"
                onClick={() => (model.formOpen.value = true)}
              >
                Start a round…
              </button>
            </div>
          )}
          {rounds.length === 0 ? (
            !model.formOpen.value && (
              <EmptyState title="No voting rounds yet">
                Start a round to let everyone on the board dot-vote on notes, with a budget, a cap
                and a reveal.
              </EmptyState>
            )
          ) : (
            <section class="tp-section" aria-labelledby="tp-rounds-title">
              <h2 id="tp-rounds-title" class="tp-section__title">
                Rounds
              </h2>
              <ul class="tp-rounds" role="list">
                {[...rounds].reverse().map((r) => (
                  <li key={r.round.id}>
                    <button
                      type="button"
                      class="tp-rounds__item"
                      aria-current={selected?.round.id === r.round.id ? 'true' : undefined}
                      onClick={() => (model.selectedRoundId.value = r.round.id)}
                    >
                      <span class="tp-ellipsis">{r.round.title}</span>
                      <span class={`tp-chip tp-chip--${r.round.status}`}>
                        {STATUS_LABEL[r.round.status]}
                      </span>
                      <span class="tp-muted">
                        {r.round.anonymous?.kind === 'platform' || r.round.recorded
                          ? countOf(r.tally.votesCast, 'vote')
                          : `${r.tally.voters} voted`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {selected && <RoundDetail key={selected.round.id} model={model} view={selected} />}
        </>
      )}
    </div>
  );
}
