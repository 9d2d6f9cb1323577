/**
 * One round followed: its stored value and starter, and its ballots the way its design keeps them
 * (keyed: the voter list and each listed ballot key; places: every place; platform: the
 * platform's totals, `platform-totals-watch.ts`). Each change calls `schedule`.
 */
import type { Board, SharedCollection, Unsubscribe } from '../../board/port';
import { ballotKey, roundKey } from '../../domain/voting/vote-storage-keys';
import type { VoteRound } from '../../domain/voting/vote-round';
import { watchPlaces } from './anonymous-ballots';
import { followTotals } from './platform-totals-watch';
import type { RoundWatch } from './round-watch';
import { watchSlots } from './slot-list';
import { readRound, starterKey, voterSlots } from './vote-store';

/** What following a round needs: the board, its collection, the clock and whom to tell. */
export interface RoundFollowContext {
  board: Board;
  shared: SharedCollection;
  now: () => string;
  platformTotalsMs: number;
  schedule: () => void;
}

/** Follows the round's value (then its ballots, at once) and its starter. */
export function watchRound(
  { shared, now, schedule }: RoundFollowContext,
  id: string,
  watch: RoundWatch,
  follow: (id: string, watch: RoundWatch, round: VoteRound) => void,
): void {
  watch.stop.push(
    shared.watch(roundKey(id), (value) => {
      watch.value = value;
      // Follow the ballots at once: the voter list's repairs need its races seen from the start.
      const round = readRound(value, now());
      if (round) follow(id, watch, round);
      schedule();
    }),
    shared.watch(starterKey(id), (value) => {
      watch.starter = typeof value === 'string' ? value : null;
      schedule();
    }),
  );
}

/** Starts following the round's ballots the way its design keeps them (once). */
export function followBallots(
  context: RoundFollowContext,
  id: string,
  watch: RoundWatch,
  round: VoteRound,
  readOwn: (id: string) => void,
): void {
  if (watch.following) return;
  const kind = round.anonymous?.kind;
  if (kind === 'places') {
    watch.following = 'places';
    readOwn(id);
    watch.stop.push(
      watchPlaces(context.shared, round, (byPlace) => {
        watch.ballots = new Map([...byPlace].map(([n, v]) => [`place:${n}`, v]));
        context.schedule();
      }),
    );
  } else if (kind === 'platform') {
    watch.following = 'platform';
    readOwn(id);
    watch.stop.push(followTotals(context, id, watch, round));
  } else {
    watch.following = 'keyed';
    watch.stop.push(followVoterList(context, id, watch));
  }
}

function followVoterList(
  { shared, schedule }: RoundFollowContext,
  id: string,
  watch: RoundWatch,
): Unsubscribe {
  return watchSlots(shared, voterSlots(id), (voterKeys) => {
    for (const key of voterKeys) {
      if (watch.voterStops.has(key)) continue;
      watch.voterStops.set(
        key,
        shared.watch(ballotKey(id, key), (ballot) => {
          if (ballot === undefined || ballot === null) watch.ballots.delete(key);
          else watch.ballots.set(key, ballot);
          schedule();
        }),
      );
    }
  });
}
