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
 * (`ensurePlaced`), the same code path as the first write.
 *
 * What this does not stop, said in the Vote tab: one ballot per browser, not per person (a second
 * device or cleared site data gives a second ballot); someone watching the data change live while
 * a single person votes could guess whose ballot changed.
 */
import type { SharedCollection, Unsubscribe } from '../../board/port';
import { isRecord } from '../../domain/common';
import { pickFreePlace } from '../../domain/voting/anonymous-voter-key';
import type { VoteRound } from '../../domain/voting/vote-round';

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
