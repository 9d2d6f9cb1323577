/**
 * The Vote tab's live picture: every round, its ballots and this user's own ballot, followed per
 * key through the shared collection (no polling; round-watch.ts), and the board's notes and
 * selection followed through board events (vote-items-watch.ts). Each change re-derives the
 * tallies with the domain (`tallyVotes`, then `visibleTally` for what this viewer may see).
 */
import type { Board, BoardUser, Unsubscribe } from '../../board/port';
import { votesUsed } from '../../domain/voting/ballot';
import { remainingVotes } from '../../domain/voting/cast-vote';
import { isRecord } from '../../domain/voting/guards';
import { tallyRound, type PlatformTotal, type Tally } from '../../domain/voting/tally-votes';
import { visibleTally, type VisibleTally } from '../../domain/voting/visible-tally';
import { acceptsVotes, type VoteRound } from '../../domain/voting/vote-round';
import type { OwnBallots } from './anonymous-ballots';
import {
  createBallotWriter,
  readMyBallot,
  type BallotWriter,
  type MyBallot,
} from './ballot-writer';
import { mergedValue, partsOf } from './keyed-ballots';
import { createRoundWatches } from './round-watch';
import { itemsOfContext, type VotableItem, type VoteContext } from './vote-items';
import { watchVoteItems } from './vote-items-watch';
import { readRound, votes } from './vote-store';

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
    onOwnChange: (roundId) => void watches.readOwn(roundId),
  });
  const listeners = new Set<(state: VotingState) => void>();
  let state: VotingState = { status: 'loading' };
  let scheduled = false;
  let closed = false;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  const publish = (next: VotingState) => {
    state = next;
    for (const fn of [...listeners]) fn(state);
  };

  const schedule = () => {
    if (scheduled || closed) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!closed) recompute();
    });
  };

  function recompute(): void {
    const context = items.context();
    if (!context) return;
    const time = now();
    const views: RoundView[] = [];
    let nextExpiry = Infinity;
    for (const id of watches.roundIds()) {
      const watch = watches.watchOf(id);
      const round = watch ? readRound(watch.value, time) : null;
      if (!watch || !round) continue;
      watches.follow(id, watch, round);
      const mine = watches.myBallotValue(watch, round);
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
    publish({ status: 'ready', rounds: views, context, selectedIds: items.selectedIds() });
  }

  const watches = createRoundWatches(board, shared, {
    userId: user.id,
    now,
    platformTotalsMs: options.platformTotalsMs ?? PLATFORM_TOTALS_MS,
    ownBallot: (round) => writer.ownBallot(round),
    changed: schedule,
  });

  const items = watchVoteItems(board, {
    changed: schedule,
    failed: (message) => publish({ status: 'error', message }),
  });

  return {
    state: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    writer,
    refreshItems: items.refresh,
    close() {
      closed = true;
      clearTimeout(expiryTimer);
      watches.close();
      items.close();
      writer.close();
    },
  };
}
