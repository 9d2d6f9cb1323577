/**
 * The Vote tab's watch on every round: the round list, each round's stored value and starter,
 * its ballots followed the way its design keeps them (keyed: the voter list and each listed
 * ballot key; places: every place; platform: the platform's totals, read again while the round
 * is open), and this browser's own anonymous ballot. Followed per key through the shared
 * collection (no polling but the platform's totals); each change calls `changed`.
 */
import type { Board, SharedCollection, Unsubscribe } from '../../board/port';
import { voterKeyFor } from '../../domain/voting/anonymous-voter-key';
import { isRecord } from '../../domain/voting/guards';
import type { PlatformTotal } from '../../domain/voting/tally-votes';
import { ballotKey, roundKey } from '../../domain/voting/vote-storage-keys';
import type { VoteRound } from '../../domain/voting/vote-round';
import { watchPlaces, type OwnBallot } from './anonymous-ballots';
import { mergedValue, partsOf } from './keyed-ballots';
import { watchSlots } from './slot-list';
import { readRound, ROUND_SLOTS, starterKey, voterSlots } from './vote-store';

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

  /** This user's stored ballot: by their key, or (anonymous) the copy under their random key. */
  function myBallotValue(watch: RoundWatch, round: VoteRound): unknown {
    const key = voterKeyFor(round, userId);
    if (key !== null) return mergedValue(partsOf(watch.ballots, key), round);
    const own = watch.own;
    if (!own) return undefined;
    if (round.anonymous?.kind === 'places') {
      for (const value of watch.ballots.values())
        if (isRecord(value) && value.voterKey === own.voterKey) return value;
    }
    return own.ballot ?? undefined;
  }

  async function readOwn(roundId: string): Promise<void> {
    const watch = rounds.get(roundId);
    const round = watch ? readRound(watch.value, now()) : null;
    if (!watch || !round || voterKeyFor(round, userId) !== null) return;
    watch.own = await ownBallot(round).catch(() => undefined);
    watch.readTotals?.();
    schedule();
  }

  /** Starts following the round's ballots the way its design keeps them (once). */
  function follow(id: string, watch: RoundWatch, round: VoteRound): void {
    if (watch.following) return;
    const kind = round.anonymous?.kind;
    if (kind === 'places') {
      watch.following = 'places';
      void readOwn(id);
      watch.stop.push(
        watchPlaces(shared, round, (byPlace) => {
          watch.ballots = new Map([...byPlace].map(([n, v]) => [`place:${n}`, v]));
          schedule();
        }),
      );
    } else if (kind === 'platform') {
      watch.following = 'platform';
      void readOwn(id);
      watch.stop.push(followTotals(id, watch, round));
    } else {
      watch.following = 'keyed';
      watch.stop.push(followVoterList(id, watch));
    }
  }

  /**
   * Reads the platform's totals now, then every `platformTotalsMs` while the round is open: one
   * read at a time, and one timer. A read asked for while one runs (an own vote, the round's end)
   * is made once, right after it; starting another would run two polling chains from then on.
   */
  function followTotals(id: string, watch: RoundWatch, first: VoteRound): Unsubscribe {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let reading = false;
    let readAgain = false;
    const sessionId = first.anonymous?.kind === 'platform' ? first.anonymous.sessionId : '';
    const read = async () => {
      reading = true;
      try {
        watch.totals = (await board.platformVoting?.totals(sessionId)) ?? [];
        schedule();
      } catch {
        // Kept as last read; the next read may work.
      }
      reading = false;
      if (stopped) return;
      if (readAgain) {
        readAgain = false;
        void read();
        return;
      }
      const round = readRound(watch.value, now());
      if (round?.status === 'open') timer = setTimeout(() => void read(), platformTotalsMs);
    };
    const again = () => {
      if (stopped) return;
      clearTimeout(timer);
      if (reading) readAgain = true;
      else void read();
    };
    // An own vote or the round's end shows at once rather than at the next read.
    watch.readTotals = again;
    const stopRound = shared.watch(roundKey(id), again);
    return () => {
      stopped = true;
      clearTimeout(timer);
      stopRound();
    };
  }

  function followVoterList(id: string, watch: RoundWatch): Unsubscribe {
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

  function followRound(id: string): void {
    const watch: RoundWatch = {
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
    rounds.set(id, watch);
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

  const stopRoundList = watchSlots(shared, ROUND_SLOTS, (ids) => {
    roundIds = ids;
    for (const id of ids) if (!rounds.has(id)) followRound(id);
    schedule();
  });

  return {
    roundIds: () => roundIds,
    watchOf: (id) => rounds.get(id),
    follow,
    myBallotValue,
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
