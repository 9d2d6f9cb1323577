/**
 * A participant's votes: read their own ballot, apply the domain's `castVote` / `retractVote`,
 * write it back under their own key, and make sure their voter key is in the round's voter list.
 * Only this participant writes this key, so other voters can never overwrite it; this panel's own
 * clicks are queued per key, so two quick clicks never read the same old ballot.
 */
import type { Board, Unsubscribe } from '../../board/port';
import { voterKeyFor } from '../../domain/voting/anonymous-voter-key';
import { createBallot, type Ballot } from '../../domain/voting/ballot';
import { castVote, remainingVotes, retractVote } from '../../domain/voting/cast-vote';
import { validateBallot, type BallotNotice } from '../../domain/voting/validate-ballot';
import { ballotKey } from '../../domain/voting/vote-storage-keys';
import type { VoteRound } from '../../domain/voting/vote-round';
import { claimSlot, keepClaimed } from './slot-list';
import { voterSlots, votes } from './vote-store';

export type VoteResult =
  | { ok: true; ballot: Ballot; remaining: number; notices: BallotNotice[] }
  | { ok: false; reason: string; notices: BallotNotice[] };

export interface MyBallot {
  ballot: Ballot | null;
  /** Why votes on the stored ballot were not counted (trimmed by the domain rules). */
  notices: BallotNotice[];
}

/** The stored ballot as the tally will count it (trimmed), or none. */
export function readMyBallot(value: unknown, round: VoteRound): MyBallot {
  if (value === undefined || value === null) return { ballot: null, notices: [] };
  const checked = validateBallot(value, round);
  if (!checked.ok)
    return {
      ballot: null,
      notices: [{ code: 'invalid-entry', message: checked.reason, uncounted: 0 }],
    };
  return { ballot: checked.ballot, notices: checked.notices };
}

export interface Voter {
  id: string;
  name?: string;
}

export interface BallotWriter {
  /**
   * One vote more (+1) or less (−1) on `itemId`. The voter's name is stored with the ballot in
   * open and secret rounds (so the facilitator sees who has voted), never in anonymous ones.
   */
  change(round: VoteRound, voter: Voter, itemId: string, delta: 1 | -1): Promise<VoteResult>;
  /**
   * Lists this user's voter key if they have a ballot but are missing from the voter list (a
   * race lost while their panel was closed); called when a panel opens a round.
   */
  ensureListed(round: VoteRound, userId: string): Promise<void>;
  /** Resolves when every queued write and voter-list repair has finished (for tests and close). */
  settled(): Promise<void>;
  close(): void;
}

export function createBallotWriter(
  board: Board,
  now: () => string = () => new Date().toISOString(),
): BallotWriter {
  const shared = votes(board);
  const queues = new Map<string, Promise<unknown>>();
  const claimed = new Map<string, Unsubscribe>();
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    const done = () => pending.delete(work);
    work.then(done, done);
    return work;
  };

  async function register(round: VoteRound, voterKey: string): Promise<void> {
    const listKey = `${round.id}\u0000${voterKey}`;
    if (claimed.has(listKey)) return;
    const prefix = voterSlots(round.id);
    const slot = await claimSlot(shared, prefix, voterKey);
    if (claimed.has(listKey)) return;
    claimed.set(
      listKey,
      keepClaimed(shared, prefix, voterKey, slot, (work) => void track(work)),
    );
  }

  async function apply(
    round: VoteRound,
    voter: Voter,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const voterKey = voterKeyFor(round, voter.id);
    const key = ballotKey(round.id, voterKey);
    const time = now();
    const mine = readMyBallot(await shared.get(key), round);
    const ballot = mine.ballot ?? createBallot(round, voterKey, time);
    const changed =
      delta > 0 ? castVote(ballot, itemId, round, time) : retractVote(ballot, itemId, round, time);
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    // The voter list first: a ballot the facilitator cannot find would be a lost vote.
    await register(round, voterKey);
    const named =
      round.privacy !== 'anonymous' && voter.name
        ? { ...changed.ballot, voterName: voter.name }
        : changed.ballot;
    await shared.set(key, named);
    return {
      ok: true,
      ballot: changed.ballot,
      remaining: remainingVotes(changed.ballot, round),
      notices: [],
    };
  }

  return {
    change(round, voter, itemId, delta) {
      const key = ballotKey(round.id, voterKeyFor(round, voter.id));
      const previous = queues.get(key) ?? Promise.resolve();
      const next = previous.then(
        () => apply(round, voter, itemId, delta),
        () => apply(round, voter, itemId, delta),
      );
      queues.set(key, next);
      return track(next);
    },
    ensureListed(round, userId) {
      const voterKey = voterKeyFor(round, userId);
      return track(
        (async () => {
          if ((await shared.get(ballotKey(round.id, voterKey))) !== undefined)
            await register(round, voterKey);
        })(),
      );
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close() {
      for (const unwatch of claimed.values()) unwatch();
      claimed.clear();
    },
  };
}
