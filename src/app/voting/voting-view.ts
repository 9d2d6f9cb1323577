/**
 * The Vote tab's live picture: every round, its ballots and this user's own ballot, followed per
 * key through the shared collection (no polling), and the board's notes and selection followed
 * through board events. Each change re-derives the tallies with the domain (`tallyVotes`, then
 * `visibleTally` for what this viewer may see).
 */
import { errorMessage } from '../../domain/common';
import type { Board, BoardUser, Unsubscribe } from '../../board/port';
import { voterKeyFor } from '../../domain/voting/anonymous-voter-key';
import { votesUsed } from '../../domain/voting/ballot';
import { remainingVotes } from '../../domain/voting/cast-vote';
import { isRecord } from '../../domain/voting/guards';
import { tallyVotes, type Tally } from '../../domain/voting/tally-votes';
import { visibleTally, type VisibleTally } from '../../domain/voting/visible-tally';
import { ballotKey, roundKey } from '../../domain/voting/vote-storage-keys';
import { acceptsVotes, type VoteRound } from '../../domain/voting/vote-round';
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
  ballots: Map<string, unknown>;
  stop: Unsubscribe[];
  voterStops: Map<string, Unsubscribe>;
  listed: boolean;
}

/** Derives one round's view (pure; exported for tests). */
export function deriveRoundView(
  round: VoteRound,
  ballots: ReadonlyMap<string, unknown>,
  context: VoteContext,
  user: BoardUser,
  starterName: string | null,
  myValue: unknown,
  now: string,
): RoundView {
  const all = itemsOfContext(context, round.target.kind);
  const byId = new Map(all.map((i) => [i.id, i]));
  const items = round.target.itemIds.flatMap((id) => byId.get(id) ?? []);
  const tally: Tally = tallyVotes(round, [...ballots.values()], items);
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
            const raw = ballots.get(voterKey);
            const counted = readMyBallot(raw, round).ballot;
            const name = isRecord(raw) && typeof raw.voterName === 'string' ? raw.voterName : null;
            const used = counted ? votesUsed(counted) : 0;
            return { voterKey, name, used, remaining: Math.max(0, round.votesPerPerson - used) };
          }),
  };
}

export function createVotingView(
  board: Board,
  user: BoardUser,
  now: () => string = () => new Date().toISOString(),
): VotingView {
  const shared = votes(board);
  const writer = createBallotWriter(board, now);
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
      const mine = watch.ballots.get(voterKeyFor(round, user.id));
      if (!watch.listed) {
        watch.listed = true;
        // A ballot of ours missing from the voter list (a race lost while this panel was closed)
        // is listed again, so it is counted.
        if (mine === undefined && round.status === 'open') void writer.ensureListed(round, user.id);
      }
      views.push(deriveRoundView(round, watch.ballots, context, user, watch.starter, mine, time));
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

  function followRound(id: string): void {
    const watch: RoundWatch = {
      value: undefined,
      starter: null,
      ballots: new Map(),
      stop: [],
      voterStops: new Map(),
      listed: false,
    };
    rounds.set(id, watch);
    watch.stop.push(
      shared.watch(roundKey(id), (value) => {
        watch.value = value;
        schedule();
      }),
      shared.watch(starterKey(id), (value) => {
        watch.starter = typeof value === 'string' ? value : null;
        schedule();
      }),
      watchSlots(shared, voterSlots(id), (voterKeys) => {
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
