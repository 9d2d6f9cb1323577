/**
 * Ballots of anonymous rounds with places (`AnonymousBallots` kind 'places', ARCHITECTURE.md §6).
 *
 * The threat: anyone who can read everything stored on the board — every shared collection, every
 * item and its author, the member list — the facilitator included, must not be able to link a
 * ballot to a person. So:
 * - the ballot's key is random, made and kept by the voter's browser (`OwnBallots`, IndexedDB in
 *   the app), never computed from a user id;
 * - it sits at a random free place `aballot:<round>:<n>` among the round's places, so the order
 *   of places is not the order of voting;
 * - it stores no time (the round's start) and no name; Miro's storage keeps no author per value.
 *
 * Places are raced like the slot lists (slot-list.ts): the collection is last-write-wins with no
 * compare-and-set, so a voter writes, reads back, and takes another free place if someone else's
 * ballot won; a watch on the place catches a write that lands after the read-back. The browser
 * records the ballot before writing it, so a panel closed mid-write puts it back on next open
 * (`createPlacedBallots`' repair, the writer's `ensureListed`), the same code path as the first
 * write.
 *
 * What this does not stop, said in the Vote tab: one ballot per browser, not per person (a second
 * device or cleared site data gives a second ballot); someone watching the data change live while
 * a single person votes could guess whose ballot changed.
 */
import type { SharedCollection, Unsubscribe } from '../../board/port';
import { errorMessage, isRecord } from '../../domain/common';
import {
  pickFreePlace,
  randomVoterKey,
  VOTER_KEY_BYTES,
} from '../../domain/voting/anonymous-voter-key';
import { createBallot, sealAnonymous } from '../../domain/voting/ballot';
import type { VoteRound } from '../../domain/voting/vote-round';
import { accepted, changeVote, readMyBallot, refused, type VoteResult } from './my-ballot';

/** What this browser keeps of its ballot in one anonymous round. */
export interface OwnBallot {
  roundId: string;
  voterKey: string;
  place: number | null;
  /** The ballot as last written (opaque until validated), or null before the first vote. */
  ballot: unknown;
}

/** This browser's own ballots on this board. */
export interface OwnBallots {
  get(roundId: string): Promise<OwnBallot | undefined>;
  put(own: OwnBallot): Promise<void>;
}

/** Kept in memory only (tests; a panel without IndexedDB is refused anonymous votes instead). */
export function memoryOwnBallots(): OwnBallots {
  const rows = new Map<string, OwnBallot>();
  return {
    get: async (roundId) => {
      const row = rows.get(roundId);
      return row ? { ...row } : undefined;
    },
    put: async (own) => {
      rows.set(own.roundId, { ...own });
    },
  };
}

/** This browser's record of the round, made (with a fresh random key) on first use. */
export async function ownRecord(
  store: OwnBallots,
  round: VoteRound,
  randomBytes: (n: number) => Uint8Array,
): Promise<OwnBallot> {
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

/** Most places taken after losing races, before saying so rather than spinning. */
const MAX_LOST_RACES = 50;

export const placeKey = (roundId: string, n: number): string =>
  `aballot:${encodeURIComponent(roundId)}:${n}`;

export const placesOf = (round: VoteRound): number =>
  round.anonymous?.kind === 'places' ? round.anonymous.places : 0;

const keyIn = (value: unknown): string | undefined =>
  isRecord(value) && typeof value.voterKey === 'string' ? value.voterKey : undefined;

const isEmpty = (value: unknown): boolean => value === undefined || value === null;

/** Every place's stored value, by place (absent places left out). */
export async function readPlaces(
  shared: SharedCollection,
  round: VoteRound,
): Promise<Map<number, unknown>> {
  const n = placesOf(round);
  const values = await Promise.all(
    Array.from({ length: n }, (_, i) => shared.get(placeKey(round.id, i))),
  );
  const out = new Map<number, unknown>();
  values.forEach((value, i) => {
    if (!isEmpty(value)) out.set(i, value);
  });
  return out;
}

/**
 * Writes `ballot` (keyed `voterKey`) at `preferred` if that place is free or already ours,
 * otherwise at a random free place; reads back, and takes another place when a race was lost.
 * Returns the place that holds it.
 */
export async function placeBallot(
  shared: SharedCollection,
  round: VoteRound,
  voterKey: string,
  ballot: unknown,
  preferred: number | null,
  random: () => number,
): Promise<number> {
  let place = preferred;
  for (let attempt = 0; attempt < MAX_LOST_RACES; attempt += 1) {
    if (place !== null) {
      const current: unknown = await shared.get(placeKey(round.id, place));
      if (!isEmpty(current) && keyIn(current) !== voterKey) place = null;
    }
    if (place === null) {
      const values = await readPlaces(shared, round);
      const mine = [...values].find(([, v]) => keyIn(v) === voterKey);
      place = mine ? mine[0] : pickFreePlace(placesOf(round), new Set(values.keys()), random);
      if (place === null)
        throw new Error(
          'Every ballot place of this round is taken. Ask the facilitator to start a new round.',
        );
    }
    const key = placeKey(round.id, place);
    await shared.set(key, ballot);
    if (keyIn(await shared.get(key)) === voterKey) return place;
    place = null;
  }
  throw new Error('The board did not keep your ballot; please try again.');
}

/** Calls `onLost` when another ballot replaces ours at `place` (a write that landed late). */
export function watchOwnPlace(
  shared: SharedCollection,
  round: VoteRound,
  voterKey: string,
  place: number,
  onLost: () => void,
): Unsubscribe {
  return shared.watch(placeKey(round.id, place), (value) => {
    if (!isEmpty(value) && keyIn(value) !== voterKey) onLost();
  });
}

/** Follows every place of the round; `fn` gets the stored ballots (any order, copies included). */
export function watchPlaces(
  shared: SharedCollection,
  round: VoteRound,
  fn: (ballots: ReadonlyMap<number, unknown>) => void,
): Unsubscribe {
  const values = new Map<number, unknown>();
  const stops = Array.from({ length: placesOf(round) }, (_, i) =>
    shared.watch(placeKey(round.id, i), (value) => {
      if (isEmpty(value)) values.delete(i);
      else values.set(i, value);
      fn(values);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}

/** Removes every place of the round (when it is deleted). */
export async function clearPlaces(shared: SharedCollection, round: VoteRound): Promise<void> {
  const values = await readPlaces(shared, round);
  await Promise.all([...values.keys()].map((i) => shared.remove(placeKey(round.id, i))));
}

/** The ballot writer's design for rounds with places: this browser's ballot, at its place. */
export interface PlacedBallots {
  /**
   * One vote more or less: recorded in this browser, then written at its place. A failure is
   * the answer, saying whether this browser kept the vote to write it again.
   */
  apply(store: OwnBallots, round: VoteRound, itemId: string, delta: 1 | -1): Promise<VoteResult>;
  /** Puts this browser's recorded ballot back at its place (a panel closed mid-write). */
  repair(store: OwnBallots, round: VoteRound): Promise<void>;
  /** Stops watching the places written. */
  close(): void;
}

export interface PlacedBallotsDeps {
  /** Uniform in [0, 1): picks ballot places. */
  random: () => number;
  /** CSPRNG bytes for this browser's voter key of the round. */
  randomBytes: (n: number) => Uint8Array;
  /** Given each re-placing after a late write took our place, so the writer can wait for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
  /** Told when this browser's own ballot of a round changed. */
  onOwnChange?: ((roundId: string) => void) | undefined;
}

export function createPlacedBallots(
  shared: SharedCollection,
  { random, randomBytes, track, onOwnChange }: PlacedBallotsDeps,
): PlacedBallots {
  const placed = new Map<string, Unsubscribe>();

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
    const record = await ownRecord(store, round, randomBytes);
    const mine = readMyBallot(record.ballot, round);
    const ballot = mine.ballot ?? createBallot(round, record.voterKey, round.createdAt);
    const changed = changeVote(ballot, round, itemId, delta, round.createdAt);
    if (!changed.ok) return { ok: false, reason: changed.reason, notices: mine.notices };
    const sealed = sealAnonymous(changed.ballot, round, mine.ballot);
    // Intent before effect: this browser knows the ballot before the board does, so a panel
    // closed halfway puts it back when it opens the round again.
    const next = { ...record, ballot: sealed };
    await store.put(next);
    onOwnChange?.(round.id);
    await place(store, round, next);
    return accepted(sealed, round);
  }

  return {
    async apply(store, round, itemId, delta) {
      const before = readMyBallot(
        (await store.get(round.id).catch(() => undefined))?.ballot,
        round,
      ).ballot;
      try {
        return await applyPlaces(store, round, itemId, delta);
      } catch (error) {
        // This browser recorded the ballot before writing it (unless recording is what failed).
        const kept = readMyBallot(
          (await store.get(round.id).catch(() => undefined))?.ballot,
          round,
        );
        const changedHere =
          kept.ballot !== null && JSON.stringify(kept.ballot) !== JSON.stringify(before);
        return refused(
          changedHere
            ? `The board did not confirm your vote (${errorMessage(error)}). This browser keeps it and writes it again when you next open this round.`
            : `Your vote was not cast: ${errorMessage(error)}`,
        );
      }
    },
    async repair(store, round) {
      const record = await store.get(round.id);
      if (!record || readMyBallot(record.ballot, round).ballot === null) return;
      await place(store, round, record);
    },
    close() {
      for (const unwatch of placed.values()) unwatch();
      placed.clear();
    },
  };
}
