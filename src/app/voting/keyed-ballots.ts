/**
 * Ballots of open and secret rounds (and anonymous rounds of earlier versions), kept under the
 * voter's own key (vote-store.ts, CONTEXT.md "Why no vote is lost"). Each device writes its own
 * part of the voter's ballot, `<voterKey>~<deviceId>`, so two devices voting at once never
 * overwrite each other, and lists that part in the round's voter list (slot-list.ts) before
 * writing it: a ballot the facilitator cannot find would be a lost vote.
 */
import type { SharedCollection, Unsubscribe } from '../../board/port';
import { createBallot, mergeParts, type Ballot } from '../../domain/voting/ballot';
import { isRecord } from '../../domain/voting/guards';
import { ballotKey } from '../../domain/voting/vote-storage-keys';
import type { VoteRound } from '../../domain/voting/vote-round';
import {
  accepted,
  changeVote,
  readMyBallot,
  type MyBallot,
  type Voter,
  type VoteResult,
} from './my-ballot';
import { claimSlot, keepClaimed, readSlots } from './slot-list';
import { voterSlots } from './vote-store';

/** Between a voter key and a device id in voter-list entries: `<voterKey>~<deviceId>`. */
export const PART_SEPARATOR = '~';

/** The stored parts (one per device) of one voter's ballot. */
export const partsOf = (ballots: ReadonlyMap<string, unknown>, voterKey: string): unknown[] =>
  [...ballots.values()].filter((b) => isRecord(b) && b.voterKey === voterKey);

/** A voter's parts as one stored-shape ballot (the domain merges; the tally checks the budget). */
export function mergedValue(raws: readonly unknown[], round: VoteRound): unknown {
  if (raws.length <= 1) return raws[0];
  const parts = raws.flatMap((raw) => readMyBallot(raw, round).ballot ?? []);
  return mergeParts(parts) ?? undefined;
}

export interface KeyedBallots {
  /** One vote more or less in this device's part of the voter's ballot, listed first. */
  apply(
    round: VoteRound,
    voter: Voter,
    voterKey: string,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult>;
  /**
   * Lists this device's part, and a ballot an older panel stored under the plain voter key, when
   * stored but missing from the voter list.
   */
  repair(round: VoteRound, voterKey: string): Promise<void>;
  /** Stops watching the voter-list slots claimed. */
  close(): void;
}

export interface KeyedBallotsDeps {
  now: () => string;
  deviceId: string;
  /** Given each re-claim of a voter-list slot, so the writer can wait for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

export function createKeyedBallots(
  shared: SharedCollection,
  { now, deviceId, track }: KeyedBallotsDeps,
): KeyedBallots {
  const claimed = new Map<string, Unsubscribe>();
  const slotOf = new Map<string, number>();

  async function register(round: VoteRound, voterKey: string): Promise<void> {
    const listKey = `${round.id}\u0000${voterKey}`;
    if (claimed.has(listKey)) return;
    const prefix = voterSlots(round.id);
    const slot = await claimSlot(shared, prefix, voterKey);
    slotOf.set(listKey, slot);
    if (claimed.has(listKey)) return;
    claimed.set(
      listKey,
      keepClaimed(shared, prefix, voterKey, slot, (work) => void track(work)),
    );
  }

  /** This device's part of a voter's ballot: its voter-list entry and storage key. */
  const entryOf = (voterKey: string) => `${voterKey}${PART_SEPARATOR}${deviceId}`;

  async function applyKeyed(
    round: VoteRound,
    voter: Voter,
    voterKey: string,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const time = now();
    let entry = entryOf(voterKey);
    let mine = readMyBallot(await shared.get(ballotKey(round.id, entry)), round);
    if (delta < 0 && !holds(mine.ballot, itemId)) {
      // The vote to take back may be in a part another device wrote (or an older panel's).
      const other = await otherPartHolding(round, voterKey, itemId, entry);
      if (other) ({ entry, mine } = other);
    }
    const ballot = mine.ballot ?? { ...createBallot(round, voterKey, time), part: deviceId };
    const changed = changeVote(
      { ...ballot, part: ballot.part ?? deviceId },
      round,
      itemId,
      delta,
      time,
    );
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    // The voter list first: a ballot the facilitator cannot find would be a lost vote.
    await register(round, entry);
    const named =
      round.privacy !== 'anonymous' && voter.name
        ? { ...changed.ballot, voterName: voter.name }
        : changed.ballot;
    await shared.set(ballotKey(round.id, entry), named);
    await confirmListed(round, entry);
    return accepted(changed.ballot, round);
  }

  const holds = (ballot: Ballot | null, itemId: string): boolean =>
    ballot !== null &&
    (ballot.ranking
      ? ballot.ranking.includes(itemId)
      : ballot.votes.some((v) => v.itemId === itemId));

  async function otherPartHolding(
    round: VoteRound,
    voterKey: string,
    itemId: string,
    except: string,
  ): Promise<{ entry: string; mine: MyBallot } | null> {
    const entries = (await readSlots(shared, voterSlots(round.id))).filter(
      (e) => e !== except && (e === voterKey || e.startsWith(`${voterKey}${PART_SEPARATOR}`)),
    );
    for (const entry of entries) {
      const mine = readMyBallot(await shared.get(ballotKey(round.id, entry)), round);
      if (holds(mine.ballot, itemId)) return { entry, mine };
    }
    return null;
  }

  /**
   * A second look at our voter-list slot, one round trip after the read-back: a racing write that
   * was still in flight then has landed by now. The panel may close right after voting, and the
   * watch kept on the slot closes with it.
   */
  async function confirmListed(round: VoteRound, voterKey: string): Promise<void> {
    const slot = slotOf.get(`${round.id}\u0000${voterKey}`);
    if (slot === undefined) return;
    const prefix = voterSlots(round.id);
    if ((await shared.get(`${prefix}${slot}`)) !== voterKey) {
      slotOf.set(`${round.id}\u0000${voterKey}`, await claimSlot(shared, prefix, voterKey));
    }
  }

  return {
    apply: applyKeyed,
    async repair(round, voterKey) {
      // This device's part, and a ballot an older panel stored under the plain voter key.
      for (const entry of [entryOf(voterKey), voterKey])
        if ((await shared.get(ballotKey(round.id, entry))) !== undefined)
          await register(round, entry);
    },
    close() {
      for (const unwatch of claimed.values()) unwatch();
      claimed.clear();
    },
  };
}
