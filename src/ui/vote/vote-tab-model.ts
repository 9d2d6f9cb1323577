/**
 * The Vote tab's model: its use cases (`VoteUseCases`) and one model made of small ones, each for
 * one concern: the rounds (`rounds-model`), the start form (`round-form-model`), the ballot
 * (`ballot-model`), the results and badges (`results-model`), and the action plan
 * (`action-plan-model`). They share one action runner: one action at a time, one message.
 */
import { signal } from '@preact/signals';
import type { LoadedActions, SaveActionOutcome } from '../../app/actions/action-store';
import type { PutOutcome } from '../../app/actions/put-actions-on-board';
import type { AnonymousDesign } from '../../app/voting/anonymity-limits';
import type { BadgeEntry, BadgeOutcome } from '../../app/voting/badges';
import type { VoteResult } from '../../app/voting/ballot-writer';
import type { RoundChange, RoundOutcome } from '../../app/voting/rounds';
import type { OtherVoteSources } from '../../app/voting/vote-sources';
import type { VotingState } from '../../app/voting/voting-view';
import type { Workshop } from '../../app/workshop';
import type { Action } from '../../domain/actions/action';
import type { VoteRound } from '../../domain/voting/vote-round';
import { createActionRunner } from '../components/action-runner';
import type { TabModel } from '../components/tab-model';
import { createActionPlanModel } from './action-plan-model';
import { createBallotModel } from './ballot-model';
import { createResultsModel } from './results-model';
import { createRoundFormModel } from './round-form-model';
import { createRoundsModel } from './rounds-model';

/** What the Vote tab needs from app/voting and app/actions; injected so tests can use fakes. */
export interface VoteUseCases {
  openView(workshop: Workshop): VotingViewHandle;
  startRound(workshop: Workshop, settings: unknown): Promise<RoundOutcome>;
  /** Where a new anonymous round's ballots go on this board (what the Start form explains). */
  anonymousDesign(workshop: Workshop): AnonymousDesign;
  changeRound(workshop: Workshop, roundId: string, change: RoundChange): Promise<RoundOutcome>;
  deleteRound(workshop: Workshop, roundId: string): Promise<void>;
  otherSources(workshop: Workshop, itemIds: readonly string[]): Promise<OtherVoteSources>;
  placeBadges(workshop: Workshop, roundId: string, entries: BadgeEntry[]): Promise<BadgeOutcome>;
  removeBadges(workshop: Workshop): Promise<BadgeOutcome>;
  loadActions(workshop: Workshop): Promise<LoadedActions>;
  watchActions(workshop: Workshop, fn: () => void): () => void;
  saveAction(workshop: Workshop, input: unknown): Promise<SaveActionOutcome>;
  deleteAction(workshop: Workshop, id: string): Promise<void>;
  putActionsOnBoard(workshop: Workshop, actions: readonly Action[]): Promise<PutOutcome>;
  removePlanFromBoard(workshop: Workshop): Promise<PutOutcome>;
}

/** The live voting picture for this user (app/voting `createVotingView`). */
export interface VotingViewHandle {
  state(): VotingState;
  subscribe(fn: (state: VotingState) => void): () => void;
  vote(round: VoteRound, itemId: string, delta: 1 | -1): Promise<VoteResult>;
  close(): void;
}

export function createVoteTabModel(workshop: Workshop, useCases: VoteUseCases) {
  const runner = createActionRunner();
  /** Rounds, or the action plan. */
  const section = signal<'rounds' | 'actions'>('rounds');
  const rounds = createRoundsModel(workshop, useCases, runner);
  const form = createRoundFormModel(workshop, useCases, runner, rounds);
  const ballot = createBallotModel(rounds);
  const results = createResultsModel(workshop, useCases, runner, rounds);
  const plan = createActionPlanModel(workshop, useCases, runner, {
    ...rounds,
    ...results,
    section,
  });

  const model = {
    busy: runner.busy,
    message: runner.message,
    section,
    ...rounds,
    ...form,
    ...ballot,
    ...results,
    ...plan,
    /** Opens the live view and the action plan; returns the cleanup. */
    open(): () => void {
      const closeRounds = rounds.open();
      const closePlan = plan.open();
      return () => {
        closePlan();
        closeRounds();
      };
    },
  };
  return model satisfies TabModel;
}

export type VoteTabModel = ReturnType<typeof createVoteTabModel>;
