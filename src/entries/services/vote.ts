/** Wires the Vote tab (`VoteUseCases`) to app/voting and app/actions. */
import { hexOf } from '../../domain/common';
import {
  deleteAction,
  loadActions,
  saveAction,
  watchActions,
} from '../../app/actions/action-store';
import { putActionsOnBoard, removePlacedPlan } from '../../app/actions/put-actions-on-board';
import { followBadges, placeBadges, removeBadges } from '../../app/voting/badges';
import { anonymousDesignOf } from '../../app/voting/anonymity-limits';
import { guard } from '../../app/roles/facilitators';
import { ownBallotsIn } from '../../app/voting/own-ballots';
import { changeRound, deleteRound, startRound } from '../../app/voting/rounds';
import { readOtherVoteSources } from '../../app/voting/vote-sources';
import { createVotingView } from '../../app/voting/voting-view';
import type { VoteUseCases } from '../../ui/vote/vote-tab-model';

const DEVICE_KEY = 'touchpoint.device';

/**
 * This browser's id for the part of a voter's ballot it writes (open and secret rounds): kept in
 * localStorage so a reopened panel edits the same part; random for the session where storage is
 * refused (a new part then, which the tally merges all the same).
 */
function browserDeviceId(): string {
  const fresh = () => hexOf(crypto.getRandomValues(new Uint8Array(6)));
  try {
    const known = localStorage.getItem(DEVICE_KEY);
    if (known && /^[0-9a-f]{12}$/.test(known)) return known;
    const id = fresh();
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return fresh();
  }
}

export const voteUseCases: VoteUseCases = {
  openView(workshop) {
    const { db, problem } = workshop.local;
    const view = createVotingView(workshop.board, workshop.user, {
      own: db ? ownBallotsIn(db, workshop.info.id) : null,
      ownProblem: problem,
      deviceId: browserDeviceId(),
    });
    // Badges this user placed follow their notes while the Vote tab is open.
    const stopBadges = followBadges(workshop.board, workshop.user);
    return {
      state: () => view.state(),
      subscribe: (fn) => view.subscribe(fn),
      vote: (round, itemId, delta) => view.writer.change(round, workshop.user, itemId, delta),
      close: () => {
        stopBadges();
        view.close();
      },
    };
  },
  async startRound(workshop, settings) {
    const allowed = await guard(workshop.board, workshop.user, 'start-round');
    if (!allowed.ok) return allowed;
    return startRound(workshop.board, workshop.user, settings);
  },
  anonymousDesign: (workshop) => anonymousDesignOf(workshop.board),
  changeRound: (workshop, roundId, change) => changeRound(workshop.board, roundId, change),
  deleteRound: (workshop, roundId) => deleteRound(workshop.board, roundId),
  otherSources: (workshop, itemIds) => readOtherVoteSources(workshop.board, itemIds),
  placeBadges: (workshop, roundId, entries) =>
    placeBadges(workshop.board, roundId, entries, workshop.user),
  removeBadges: (workshop) => removeBadges(workshop.board),
  loadActions: (workshop) => loadActions(workshop.board),
  watchActions: (workshop, fn) => watchActions(workshop.board, fn),
  saveAction: (workshop, input) => saveAction(workshop.board, input),
  deleteAction: (workshop, id) => deleteAction(workshop.board, id),
  putActionsOnBoard: (workshop, actions) => putActionsOnBoard(workshop.board, actions),
  removePlanFromBoard: (workshop) => removePlacedPlan(workshop.board),
};
