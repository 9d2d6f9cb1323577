/**
 * The Vote tab's live picture: every round, its ballots and this user's own ballot, followed per
 * key through the shared collection (no polling), and the board's notes and selection followed
 * through board events. Each change re-derives the tallies with the domain (`tallyVotes`, then
 * `visibleTally` for what this viewer may see).
 */
import { errorMessage } from '../../domain/common';
import type { Board, BoardUser, Unsubscribe } from '../../board/port';
import { voterKeyFor } from '../../domain/voting/anonymous-voter-key';
import { mergeParts, votesUsed } from '../../domain/voting/ballot';
import { remainingVotes } from '../../domain/voting/cast-vote';
import { isRecord } from '../../domain/voting/guards';
import { tallyRound, type PlatformTotal, type Tally } from '../../domain/voting/tally-votes';
import { visibleTally, type VisibleTally } from '../../domain/voting/visible-tally';
import { ballotKey, roundKey } from '../../domain/voting/vote-storage-keys';
import { acceptsVotes, type VoteRound } from '../../domain/voting/vote-round';
import { watchPlaces, type OwnBallot, type OwnBallots } from './anonymous-ballots';
import {
  createBallotWriter,
  readMyBallot,
  type BallotWriter,
  type MyBallot,
} from './ballot-writer';
import { watchSlots } from './slot-list';
import { itemsOfContext, loadVoteContext, type VotableItem, type VoteContext } from './vote-items';
import { readRound, ROUND_SLOTS, starterKey, voterSlots, votes } from './vote-store';

export interface RoundView {
  round: VoteRound;
  /** Display name of who started it, when stored. */
  starterName: string | null;
  startedByMe: boolean;
  /** The round's items that still exist, in the round's order. */
  items: VotableItem[];
  /** What this viewer may see (secret rounds hide totals until the reveal). */
  tally: VisibleTally;
  mine: MyBallot;
  remaining: number;
  open: boolean;
  /**
   * Who has voted and how many votes each has left, where this viewer may see it (never in
   * anonymous rounds, whose view shows counts only: `tally.voters`, `tally.votesCast`).
   */
  voters: VoterProgress[] | null;
}

export interface VoterProgress {
  voterKey: string;
  /** The name stored with the ballot, or null (an older panel wrote it). */
  name: string | null;
  used: number;
  remaining: number;
}

export type VotingState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; rounds: RoundView[]; context: VoteContext; selectedIds: string[] };

export interface VotingView {
  state(): VotingState;
  subscribe(fn: (state: VotingState) => void): Unsubscribe;
  writer: BallotWriter;
  /** Reads the notes (and maps, clusters) again. */
  refreshItems(): Promise<void>;
  close(): void;
}

interface RoundWatch {
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

/** How often an open platform round's totals are read again while the Vote tab is open. */
export const PLATFORM_TOTALS_MS = 15_000;

/** Derives one round's view (pure; exported for tests). */
export function deriveRoundView(
  round: VoteRound,
  ballots: ReadonlyMap<string, unknown>,
  context: VoteContext,
  user: BoardUser,
  starterName: string | null,
  myValue: unknown,
  now: string,
  platformTotals: readonly PlatformTotal[] | null = null,
): RoundView {
  const all = itemsOfContext(context, round.target.kind);
  const byId = new Map(all.map((i) => [i.id, i]));
  const items = round.target.itemIds.flatMap((id) => byId.get(id) ?? []);
  const tally: Tally = tallyRound(round, { ballots: [...ballots.values()], platformTotals }, items);
  const mine = readMyBallot(myValue, round);
  const visible = visibleTally(tally, round, { isFacilitator: round.createdBy === user.id });
  return {
    round,
    starterName,
    startedByMe: round.createdBy === user.id,
    items,
    tally: visible,
    mine,
    remaining: remainingVotes(mine.ballot, round),
    open: acceptsVotes(round, now),
    voters:
      round.privacy === 'anonymous' || !visible.voterKeys
        ? null
        : visible.voterKeys.map((voterKey) => {
            // One part per device the voter used: their name from any, their votes merged.
            const raws = partsOf(ballots, voterKey);
            const counted = readMyBallot(mergedValue(raws, round), round).ballot;
            const named = raws.find((raw) => isRecord(raw) && typeof raw.voterName === 'string');
            const name = isRecord(named) ? (named.voterName as string) : null;
            const used = counted ? votesUsed(counted) : 0;
            return { voterKey, name, used, remaining: Math.max(0, round.votesPerPerson - used) };
          }),
  };
}

/** The stored parts (one per device) of one voter's ballot. */
const partsOf = (ballots: ReadonlyMap<string, unknown>, voterKey: string): unknown[] =>
  [...ballots.values()].filter((b) => isRecord(b) && b.voterKey === voterKey);

/** A voter's parts as one stored-shape ballot (the domain merges; the tally checks the budget). */
function mergedValue(raws: readonly unknown[], round: VoteRound): unknown {
  if (raws.length <= 1) return raws[0];
  const parts = raws.flatMap((raw) => readMyBallot(raw, round).ballot ?? []);
  return mergeParts(parts) ?? undefined;
}

export interface VotingViewOptions {
  now?: () => string;
  /** This browser's anonymous ballots (null: storage unavailable, see `ownProblem`). */
  own?: OwnBallots | null;
  ownProblem?: string | null;
  /** Platform rounds' totals are read this often while open (default PLATFORM_TOTALS_MS). */
  platformTotalsMs?: number;
  /** This browser's device id for its part of the user's ballots (see BallotWriterDeps). */
  deviceId?: string;
}

export function createVotingView(
  board: Board,
  user: BoardUser,
  options: VotingViewOptions = {},
): VotingView {
  const now = options.now ?? (() => new Date().toISOString());
  const shared = votes(board);
  const writer = createBallotWriter(board, {
    now,
    ...(options.own !== undefined ? { own: options.own } : {}),
    ownProblem: options.ownProblem ?? null,
    ...(options.deviceId ? { deviceId: options.deviceId } : {}),
    onOwnChange: (roundId) => void readOwn(roundId),
  });
  const listeners = new Set<(state: VotingState) => void>();
  const rounds = new Map<string, RoundWatch>();
  let roundIds: string[] = [];
  let context: VoteContext | null = null;
  let selectedIds: string[] = [];
  let state: VotingState = { status: 'loading' };
  let scheduled = false;
  let closed = false;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (scheduled || closed) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!closed) recompute();
    });
  };

  function recompute(): void {
    if (!context) return;
    const time = now();
    const views: RoundView[] = [];
    let nextExpiry = Infinity;
    for (const id of roundIds) {
      const watch = rounds.get(id);
      const round = watch ? readRound(watch.value, time) : null;
      if (!watch || !round) continue;
      follow(id, watch, round);
      const mine = myBallotValue(watch, round);
      if (!watch.listed) {
        watch.listed = true;
        // A ballot of ours missing from the voter list or its place (a race lost, or a panel
        // closed mid-write) is put back, so it is counted.
        if (mine === undefined && round.status === 'open') void writer.ensureListed(round, user.id);
      }
      views.push(
        deriveRoundView(
          round,
          watch.ballots,
          context,
          user,
          watch.starter,
          mine,
          time,
          watch.totals,
        ),
      );
      if (round.status === 'open' && round.endsAt)
        nextExpiry = Math.min(nextExpiry, Date.parse(round.endsAt));
    }
    clearTimeout(expiryTimer);
    if (Number.isFinite(nextExpiry)) {
      // A time box ends without any write: look again when it runs out.
      expiryTimer = setTimeout(schedule, Math.max(0, nextExpiry - Date.parse(time)) + 50);
    }
    state = { status: 'ready', rounds: views, context, selectedIds };
    for (const fn of [...listeners]) fn(state);
  }

  /** This user's stored ballot: by their key, or (anonymous) the copy under their random key. */
  function myBallotValue(watch: RoundWatch, round: VoteRound): unknown {
    const key = voterKeyFor(round, user.id);
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
    if (!watch || !round || voterKeyFor(round, user.id) !== null) return;
    watch.own = await writer.ownBallot(round).catch(() => undefined);
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

  /** Reads the platform's totals now, then every `platformTotalsMs` while the round is open. */
  function followTotals(id: string, watch: RoundWatch, first: VoteRound): Unsubscribe {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const sessionId = first.anonymous?.kind === 'platform' ? first.anonymous.sessionId : '';
    const read = async () => {
      try {
        watch.totals = (await board.platformVoting?.totals(sessionId)) ?? [];
        schedule();
      } catch {
        // Kept as last read; the next read may work.
      }
      const round = readRound(watch.value, now());
      if (!stopped && round?.status === 'open')
        timer = setTimeout(() => void read(), options.platformTotalsMs ?? PLATFORM_TOTALS_MS);
    };
    const again = () => {
      clearTimeout(timer);
      if (!stopped) void read();
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

  let reading: Promise<void> | null = null;
  let again = false;
  async function refreshItems(): Promise<void> {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        try {
          context = await loadVoteContext(board);
        } catch (error) {
          if (!context) {
            state = {
              status: 'error',
              message: errorMessage(error),
            };
            for (const fn of [...listeners]) fn(state);
          }
        }
      } while (again && !closed);
      reading = null;
      schedule();
    })();
    return reading;
  }

  const stops: Unsubscribe[] = [
    board.on('selection', ({ items }) => {
      selectedIds = items.filter((i) => i.kind === 'note').map((i) => i.id);
      schedule();
    }),
    board.on('items:create', () => void refreshItems()),
    board.on('items:update', () => void refreshItems()),
    board.on('items:delete', () => void refreshItems()),
  ];
  void board.selection().then(
    (items) => {
      selectedIds = items.filter((i) => i.kind === 'note').map((i) => i.id);
      schedule();
    },
    () => undefined,
  );
  void refreshItems();

  return {
    state: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    writer,
    refreshItems,
    close() {
      closed = true;
      clearTimeout(expiryTimer);
      stopRoundList();
      for (const stop of stops) stop();
      for (const watch of rounds.values()) {
        for (const stop of watch.stop) stop();
        for (const stop of watch.voterStops.values()) stop();
      }
      writer.close();
    },
  };
}
