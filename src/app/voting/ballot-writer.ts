/**
 * A participant's votes: read their own ballot, apply the domain's `castVote` / `retractVote`
 * (my-ballot.ts), and store it where the round keeps ballots:
 * - open and secret rounds (and anonymous rounds of earlier versions): under the voter's own key,
 *   listed in the round's voter list. Only this participant writes this key (keyed-ballots.ts);
 * - anonymous rounds with places: at a random place under a random key only this browser holds,
 *   recorded in this browser before it is written (anonymous-ballots.ts);
 * - anonymous rounds on the platform's voting session (MURAL): one platform vote per click; this
 *   browser keeps its own ballot to show what is left (the platform enforces the budget too;
 *   platform-ballots.ts).
 * This panel's own clicks are queued per round, so two quick clicks never read the same old ballot
 * (round-queue.ts).
 */
import { hexOf } from '../../domain/common';
import type { Board } from '../../board/port';
import { voterKeyFor } from '../../domain/voting/anonymous-voter-key';
import type { VoteRound } from '../../domain/voting/vote-round';
import {
  createPlacedBallots,
  memoryOwnBallots,
  type OwnBallot,
  type OwnBallots,
} from './anonymous-ballots';
import { createKeyedBallots } from './keyed-ballots';
import { readMyBallot, refused, type MyBallot, type Voter, type VoteResult } from './my-ballot';
import { createPlatformBallots } from './platform-ballots';
import { votes } from './vote-store';
import { createRoundQueue } from './round-queue';

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

export function createBallotWriter(board: Board, deps: BallotWriterDeps = {}): BallotWriter {
  const now = deps.now ?? (() => new Date().toISOString());
  const own = deps.own === undefined ? memoryOwnBallots() : deps.own;
  const random = deps.random ?? cryptoRandom;
  const randomBytes = deps.randomBytes ?? cryptoBytes;
  const deviceId = deps.deviceId ?? hexOf(randomBytes(6));
  const shared = votes(board);
  const queue = createRoundQueue();
  const track = queue.track;
  const keyed = createKeyedBallots(shared, { now, deviceId, track });
  const placed = createPlacedBallots(shared, {
    random,
    randomBytes,
    track,
    onOwnChange: deps.onOwnChange,
  });
  const platform = createPlatformBallots(board, { randomBytes, onOwnChange: deps.onOwnChange });

  async function apply(
    round: VoteRound,
    voter: Voter,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const voterKey = voterKeyFor(round, voter.id);
    if (voterKey !== null) return keyed.apply(round, voter, voterKey, itemId, delta);
    if (!own)
      return refused(
        deps.ownProblem ??
          'Anonymous votes need this browser’s storage, which is unavailable here, so your vote was not cast.',
      );
    if (round.anonymous?.kind === 'platform') return platform.apply(own, round, itemId, delta);
    return placed.apply(own, round, itemId, delta);
  }

  async function repair(round: VoteRound, userId: string): Promise<void> {
    const voterKey = voterKeyFor(round, userId);
    if (voterKey !== null) return keyed.repair(round, voterKey);
    if (!own || round.anonymous?.kind !== 'places') return;
    await placed.repair(own, round);
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
      placed.close();
    },
  };
}
