/**
 * A participant's votes: read their own ballot, apply the domain's `castVote` / `retractVote`,
 * and store it where the round keeps ballots:
 * - open and secret rounds (and anonymous rounds of earlier versions): under the voter's own key,
 *   listed in the round's voter list. Only this participant writes this key;
 * - anonymous rounds with places: at a random place under a random key only this browser holds
 *   (anonymous-ballots.ts), recorded in this browser before it is written;
 * - anonymous rounds on the platform's voting session (MURAL): one platform vote per click; this
 *   browser keeps its own ballot to show what is left (the platform enforces the budget too).
 * This panel's own clicks are queued per round, so two quick clicks never read the same old ballot.
 */
import type { Board, Unsubscribe } from '../../board/port';
import { errorMessage } from '../../domain/common';
import {
  randomVoterKey,
  VOTER_KEY_BYTES,
  voterKeyFor,
} from '../../domain/voting/anonymous-voter-key';
import { createBallot, sealAnonymous } from '../../domain/voting/ballot';
import type { VoteRound } from '../../domain/voting/vote-round';
import {
  memoryOwnBallots,
  placeBallot,
  watchOwnPlace,
  type OwnBallot,
  type OwnBallots,
} from './anonymous-ballots';
import { createKeyedBallots } from './keyed-ballots';
import {
  accepted,
  changeVote,
  readMyBallot,
  refused,
  type MyBallot,
  type Voter,
  type VoteResult,
} from './my-ballot';
import { votes } from './vote-store';
import { createWriteQueue } from './write-queue';

export { readMyBallot, type MyBallot, type VoteResult };

export interface BallotWriter {
  /**
   * One vote more (+1) or less (−1) on `itemId`. The voter's name is stored with the ballot in
   * open and secret rounds (so the facilitator sees who has voted), never in anonymous ones.
   */
  change(round: VoteRound, voter: Voter, itemId: string, delta: 1 | -1): Promise<VoteResult>;
  /**
   * Repairs what a closed panel or a lost race left behind, when a panel opens a round: lists
   * this user's voter key if they have a ballot but are missing from the voter list; puts this
   * browser's anonymous ballot back if the board lacks it or holds an older copy.
   */
  ensureListed(round: VoteRound, userId: string): Promise<void>;
  /** This browser's own anonymous ballot of the round (rounds with places or on the platform). */
  ownBallot(round: VoteRound): Promise<OwnBallot | undefined>;
  /** Resolves when every queued write and voter-list repair has finished (for tests and close). */
  settled(): Promise<void>;
  close(): void;
}

export interface BallotWriterDeps {
  now?: () => string;
  /**
   * Where this browser keeps its anonymous ballots; null when its storage is unavailable, and
   * then anonymous votes are refused with `ownProblem` (a ballot whose key is forgotten on reload
   * could neither be changed nor kept to one per browser). Default: in memory (tests).
   */
  own?: OwnBallots | null;
  ownProblem?: string | null;
  /** Uniform in [0, 1): picks ballot places. */
  random?: () => number;
  /** CSPRNG bytes for voter keys. */
  randomBytes?: (n: number) => Uint8Array;
  /** Told when this browser's own anonymous ballot of a round changed (the view re-reads it). */
  onOwnChange?: (roundId: string) => void;
  /**
   * This device's id: in open and secret rounds each device writes its own part of the voter's
   * ballot (`part:` entries), so two devices voting at once never overwrite each other. Random
   * per writer by default; the panel passes one kept in the browser.
   */
  deviceId?: string;
}

const cryptoBytes = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));
const cryptoRandom = (): number => cryptoBytes(4).reduce((a, b) => a * 256 + b, 0) / 2 ** 32;

export const PLATFORM_NO_RETRACT =
  'Votes in this round are cast in the board platform’s own voting session, which Touchpoint cannot take back. Remove the vote on the board itself if you need to.';

export function createBallotWriter(board: Board, deps: BallotWriterDeps = {}): BallotWriter {
  const now = deps.now ?? (() => new Date().toISOString());
  const own = deps.own === undefined ? memoryOwnBallots() : deps.own;
  const random = deps.random ?? cryptoRandom;
  const randomBytes = deps.randomBytes ?? cryptoBytes;
  const deviceId =
    deps.deviceId ?? Array.from(randomBytes(6), (b) => b.toString(16).padStart(2, '0')).join('');
  const shared = votes(board);
  const queue = createWriteQueue();
  const track = queue.track;
  const keyed = createKeyedBallots(shared, { now, deviceId, track });
  const placed = new Map<string, Unsubscribe>();

  /** This browser's record of the round, made (with a fresh random key) on first use. */
  async function ownRecord(store: OwnBallots, round: VoteRound): Promise<OwnBallot> {
    const known = await store.get(round.id);
    if (known) return known;
    const fresh = {
      roundId: round.id,
      voterKey: randomVoterKey(randomBytes(VOTER_KEY_BYTES)),
      place: null,
      ballot: null,
    };
    await store.put(fresh);
    return fresh;
  }

  /** Writes the recorded ballot at its place (or a new one), records the place, keeps watch. */
  async function place(store: OwnBallots, round: VoteRound, record: OwnBallot): Promise<void> {
    const at = await placeBallot(
      shared,
      round,
      record.voterKey,
      record.ballot,
      record.place,
      random,
    );
    if (at !== record.place) await store.put({ ...record, place: at });
    const watchKey = round.id;
    placed.get(watchKey)?.();
    placed.set(
      watchKey,
      watchOwnPlace(shared, round, record.voterKey, at, () => {
        // A late write by another voter took our place: put our ballot at another one.
        void track(
          (async () => {
            const latest = await store.get(round.id);
            if (latest?.ballot) await place(store, round, { ...latest, place: null });
          })().catch(() => undefined),
        );
      }),
    );
  }

  async function applyPlaces(
    store: OwnBallots,
    round: VoteRound,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const record = await ownRecord(store, round);
    const mine = readMyBallot(record.ballot, round);
    const ballot = mine.ballot ?? createBallot(round, record.voterKey, round.createdAt);
    const changed = changeVote(ballot, round, itemId, delta, round.createdAt);
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    const sealed = sealAnonymous(changed.ballot, round, mine.ballot);
    // Intent before effect: this browser knows the ballot before the board does, so a panel
    // closed halfway puts it back when it opens the round again.
    const next = { ...record, ballot: sealed };
    await store.put(next);
    deps.onOwnChange?.(round.id);
    await place(store, round, next);
    return accepted(sealed, round);
  }

  async function applyPlatform(
    store: OwnBallots,
    round: VoteRound,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const voting = board.platformVoting;
    if (!voting) return refused('This board cannot run the platform’s voting session.');
    if (delta < 0) return refused(PLATFORM_NO_RETRACT);
    const record = await ownRecord(store, round);
    const mine = readMyBallot(record.ballot, round);
    const ballot = mine.ballot ?? createBallot(round, record.voterKey, round.createdAt);
    const changed = changeVote(ballot, round, itemId, delta, round.createdAt);
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    await voting.vote(itemId);
    await store.put({ ...record, ballot: sealAnonymous(changed.ballot, round, mine.ballot) });
    deps.onOwnChange?.(round.id);
    return accepted(changed.ballot, round);
  }

  async function apply(
    round: VoteRound,
    voter: Voter,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const voterKey = voterKeyFor(round, voter.id);
    if (voterKey !== null) return keyed.apply(round, voter, voterKey, itemId, delta);
    const before = own
      ? readMyBallot((await own.get(round.id).catch(() => undefined))?.ballot, round).ballot
      : null;
    if (!own)
      return refused(
        deps.ownProblem ??
          'Anonymous votes need this browser’s storage, which is unavailable here, so your vote was not cast.',
      );
    if (round.anonymous?.kind === 'platform') {
      try {
        return await applyPlatform(own, round, itemId, delta);
      } catch (error) {
        return refused(`Your vote was not cast: ${errorMessage(error)}`);
      }
    }
    try {
      return await applyPlaces(own, round, itemId, delta);
    } catch (error) {
      // This browser recorded the ballot before writing it (unless recording is what failed).
      const kept = readMyBallot((await own.get(round.id).catch(() => undefined))?.ballot, round);
      const changedHere =
        kept.ballot !== null && JSON.stringify(kept.ballot) !== JSON.stringify(before);
      return refused(
        changedHere
          ? `The board did not confirm your vote (${errorMessage(error)}). This browser keeps it and writes it again when you next open this round.`
          : `Your vote was not cast: ${errorMessage(error)}`,
      );
    }
  }

  async function repair(round: VoteRound, userId: string): Promise<void> {
    const voterKey = voterKeyFor(round, userId);
    if (voterKey !== null) return keyed.repair(round, voterKey);
    if (!own || round.anonymous?.kind !== 'places') return;
    const record = await own.get(round.id);
    if (!record || readMyBallot(record.ballot, round).ballot === null) return;
    await place(own, round, record);
  }

  return {
    change(round, voter, itemId, delta) {
      return track(queue.after(round.id, () => apply(round, voter, itemId, delta)));
    },
    ensureListed(round, userId) {
      return track(queue.after(round.id, () => repair(round, userId)).catch(() => undefined));
    },
    async ownBallot(round) {
      return own ? own.get(round.id) : undefined;
    },
    settled: queue.settled,
    close() {
      keyed.close();
      for (const unwatch of placed.values()) unwatch();
      placed.clear();
    },
  };
}
