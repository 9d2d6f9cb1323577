/**
 * The Vote tab's watch on every round: the round list, each round's stored value and starter,
 * its ballots followed the way its design keeps them (keyed: the voter list and each listed
 * ballot key; places: every place; platform: the platform's totals, read again while the round
 * is open), and this browser's own anonymous ballot. Followed per key through the shared
 * collection (no polling but the platform's totals); each change calls `changed`. One round and
 * its ballots are followed in `round-follow.ts`; this file keeps the list and puts them together.
 */
import type { Board, SharedCollection, Unsubscribe } from '../../board/port';
import { voterKeyFor } from '../../domain/voting/anonymous-voter-key';
import { ownBallotValue } from '../../domain/voting/own-ballot-value';
import type { PlatformTotal } from '../../domain/voting/tally-votes';
import type { VoteRound } from '../../domain/voting/vote-round';
import type { OwnBallot } from './anonymous-ballots';
import { mergedValue, partsOf } from './keyed-ballots';
import { followBallots, watchRound, type RoundFollowContext } from './round-follow';
import { watchSlots } from './slot-list';
import { readRound, ROUND_SLOTS } from './vote-store';

export interface RoundWatch {
  value: unknown;
  starter: string | null;
  /** Stored ballots by voter key (keyed rounds) or by place (`place:<n>`, anonymous rounds). */
  ballots: Map<string, unknown>;
  stop: Unsubscribe[];
  voterStops: Map<string, Unsubscribe>;
  listed: boolean;
  /** Which ballot design is followed ('keyed', 'places', 'platform'), once the round is read. */
  following: 'keyed' | 'places' | 'platform' | null;
  /** This browser's own anonymous ballot, when it has one. */
  own: OwnBallot | undefined;
  /** The platform's totals (platform rounds); null until first read. */
  totals: PlatformTotal[] | null;
  /** Reads the platform's totals now (platform rounds). */
  readTotals?: () => void;
}

export interface RoundWatches {
  /** The listed round ids, in list order. */
  roundIds(): string[];
  watchOf(id: string): RoundWatch | undefined;
  /** Starts following the round's ballots the way its design keeps them (once). */
  follow(id: string, watch: RoundWatch, round: VoteRound): void;
  /** This user's stored ballot: by their key, or (anonymous) the copy under their random key. */
  myBallotValue(watch: RoundWatch, round: VoteRound): unknown;
  /** Reads this browser's own anonymous ballot of the round again (after an own vote). */
  readOwn(roundId: string): Promise<void>;
  close(): void;
}

export interface RoundWatchDeps {
  userId: string;
  now: () => string;
  /** How often an open platform round's totals are read again. */
  platformTotalsMs: number;
  /** This browser's own anonymous ballot of the round (the ballot writer's). */
  ownBallot: (round: VoteRound) => Promise<OwnBallot | undefined>;
  /** Something watched changed: the view derives its state again. */
  changed: () => void;
}

export function createRoundWatches(
  board: Board,
  shared: SharedCollection,
  { userId, now, platformTotalsMs, ownBallot, changed: schedule }: RoundWatchDeps,
): RoundWatches {
  const rounds = new Map<string, RoundWatch>();
  let roundIds: string[] = [];
  const context: RoundFollowContext = { board, shared, now, platformTotalsMs, schedule };

  async function readOwn(roundId: string): Promise<void> {
    const watch = rounds.get(roundId);
    const round = watch ? readRound(watch.value, now()) : null;
    if (!watch || !round || voterKeyFor(round, userId) !== null) return;
    watch.own = await ownBallot(round).catch(() => undefined);
    watch.readTotals?.();
    schedule();
  }

  /** Starts following the round's ballots the way its design keeps them (once). */
  const follow = (id: string, watch: RoundWatch, round: VoteRound): void =>
    followBallots(context, id, watch, round, (roundId) => void readOwn(roundId));

  function followRound(id: string): void {
    const watch = newRoundWatch();
    rounds.set(id, watch);
    watchRound(context, id, watch, follow);
  }

  const stopRoundList = watchSlots(shared, ROUND_SLOTS, (ids) => {
    roundIds = ids;
    for (const id of ids) if (!rounds.has(id)) followRound(id);
    schedule();
  });

  return {
    roundIds: () => roundIds,
    watchOf: (id) => rounds.get(id),
    follow,
    myBallotValue: (watch, round) => myBallotValue(userId, watch, round),
    readOwn,
    close() {
      stopRoundList();
      for (const watch of rounds.values()) {
        for (const stop of watch.stop) stop();
        for (const stop of watch.voterStops.values()) stop();
      }
    },
  };
}

/** This user's stored ballot: by their key, or (anonymous) the copy under their random key. */
function myBallotValue(userId: string, watch: RoundWatch, round: VoteRound): unknown {
  const key = voterKeyFor(round, userId);
  if (key !== null) return mergedValue(partsOf(watch.ballots, key), round);
  const own = watch.own;
  if (!own) return undefined;
  return ownBallotValue(round, watch.ballots.values(), own);
}

function newRoundWatch(): RoundWatch {
  return {
    value: undefined,
    starter: null,
    ballots: new Map(),
    stop: [],
    voterStops: new Map(),
    listed: false,
    following: null,
    own: undefined,
    totals: null,
  };
}
