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
import { createBallot, sealAnonymous, type Ballot } from '../../domain/voting/ballot';
import { castVote, remainingVotes, retractVote } from '../../domain/voting/cast-vote';
import { validateBallot, type BallotNotice } from '../../domain/voting/validate-ballot';
import { ballotKey } from '../../domain/voting/vote-storage-keys';
import type { VoteRound } from '../../domain/voting/vote-round';
import {
  memoryOwnBallots,
  placeBallot,
  watchOwnPlace,
  type OwnBallot,
  type OwnBallots,
} from './anonymous-ballots';
import { claimSlot, keepClaimed, readSlots } from './slot-list';
import { voterSlots, votes } from './vote-store';
import { createWriteQueue } from './write-queue';

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

/** Between a voter key and a device id in voter-list entries: `<voterKey>~<deviceId>`. */
export const PART_SEPARATOR = '~';

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
  const claimed = new Map<string, Unsubscribe>();
  const placed = new Map<string, Unsubscribe>();
  const refused = (reason: string): VoteResult => ({ ok: false, reason, notices: [] });

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

  function change(
    ballot: Ballot,
    round: VoteRound,
    itemId: string,
    delta: 1 | -1,
    time: string,
  ): ReturnType<typeof castVote> {
    return delta > 0
      ? castVote(ballot, itemId, round, time)
      : retractVote(ballot, itemId, round, time);
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
    const changed = change(
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
    return done(changed.ballot, round);
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

  const done = (ballot: Ballot, round: VoteRound): VoteResult => ({
    ok: true,
    ballot,
    remaining: remainingVotes(ballot, round),
    notices: [],
  });

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
    const changed = change(ballot, round, itemId, delta, round.createdAt);
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    const sealed = sealAnonymous(changed.ballot, round, mine.ballot);
    // Intent before effect: this browser knows the ballot before the board does, so a panel
    // closed halfway puts it back when it opens the round again.
    const next = { ...record, ballot: sealed };
    await store.put(next);
    deps.onOwnChange?.(round.id);
    await place(store, round, next);
    return done(sealed, round);
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
    const changed = change(ballot, round, itemId, delta, round.createdAt);
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    await voting.vote(itemId);
    await store.put({ ...record, ballot: sealAnonymous(changed.ballot, round, mine.ballot) });
    deps.onOwnChange?.(round.id);
    return done(changed.ballot, round);
  }

  async function apply(
    round: VoteRound,
    voter: Voter,
    itemId: string,
    delta: 1 | -1,
  ): Promise<VoteResult> {
    const keyed = voterKeyFor(round, voter.id);
    if (keyed !== null) return applyKeyed(round, voter, keyed, itemId, delta);
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
    const keyed = voterKeyFor(round, userId);
    if (keyed !== null) {
      // This device's part, and a ballot an older panel stored under the plain voter key.
      for (const entry of [entryOf(keyed), keyed])
        if ((await shared.get(ballotKey(round.id, entry))) !== undefined)
          await register(round, entry);
      return;
    }
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
      for (const unwatch of [...claimed.values(), ...placed.values()]) unwatch();
      claimed.clear();
      placed.clear();
    },
  };
}
