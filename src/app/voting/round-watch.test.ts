/**
 * The Vote tab's watch on rounds, per ballot design, without the view around it. The view's
 * picture built on it is in voting.test.ts and test/app/mural-anonymous-round.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { Board, BoardUser, PlatformVoting } from '../../board/port';
import { roundKey } from '../../domain/voting/vote-storage-keys';
import {
  createVoteRound,
  type AnonymousBallots,
  type VoteRound,
} from '../../domain/voting/vote-round';
import { memoryOwnBallots, placeKey, readPlaces } from './anonymous-ballots';
import { createBallotWriter } from './ballot-writer';
import { readMyBallot } from './my-ballot';
import { createRoundWatches } from './round-watch';
import { claimSlot } from './slot-list';
import { ROUND_SLOTS, starterKey, votes } from './vote-store';

const T = '2026-11-22T10:00:00.000Z';
const FAC: BoardUser = { id: 'u-fac', name: 'Fran' };
const ANN: BoardUser = { id: 'u-ann', name: 'Ann' };

async function setup(
  anonymous: Extract<AnonymousBallots, { kind: 'places' | 'platform' }> | null,
  durationMinutes: number | null = null,
) {
  const local = createLocalBoard();
  const connect = (user: BoardUser): Board =>
    createMiroBoard(local.connect(user), { platform: 'playground' });
  const board = connect(FAC);
  const round: VoteRound = createVoteRound(
    {
      title: 'Biggest pain',
      target: { kind: 'selection', refId: null, description: 'Two notes', itemIds: ['A', 'B'] },
      votesPerPerson: 3,
      perItemCap: 2,
      weights: null,
      privacy: anonymous ? 'anonymous' : 'open',
      durationMinutes,
    },
    { id: 'r1', now: T, createdBy: FAC.id, ...(anonymous ? { anonymous } : {}) },
  );
  await votes(board).set(roundKey(round.id), round);
  await claimSlot(votes(board), ROUND_SLOTS, round.id);
  return { local, connect, board, round };
}

/** Waits until `check` holds (watches deliver on their own time). */
async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createRoundWatches', () => {
  it('follows the round list, each round and its starter, and a keyed round’s voter list and ballots; this user’s ballot is their parts merged', async () => {
    const { connect, board, round } = await setup(null);
    await votes(board).set(starterKey(round.id), 'Fran');
    for (const deviceId of ['laptop', 'phone']) {
      const writer = createBallotWriter(connect(ANN), { now: () => T, deviceId });
      await writer.change(round, ANN, 'A', 1);
      writer.close();
    }
    let changes = 0;
    const watches = createRoundWatches(connect(ANN), votes(board), {
      userId: ANN.id,
      now: () => T,
      platformTotalsMs: 1_000,
      ownBallot: async () => undefined,
      changed: () => (changes += 1),
    });
    await until(() => watches.watchOf(round.id)?.ballots.size === 2);
    expect(watches.roundIds()).toEqual([round.id]);
    const watch = watches.watchOf(round.id)!;
    expect(watch.following).toBe('keyed');
    expect(watch.starter).toBe('Fran');
    expect(changes).toBeGreaterThan(0);
    const mine = readMyBallot(watches.myBallotValue(watch, round), round).ballot;
    expect(mine?.votes).toEqual([{ itemId: 'A', count: 2 }]);
    watches.close();
  });

  it('places: this user’s ballot is the copy at its place under this browser’s key, else the browser’s record', async () => {
    const { connect, board, round } = await setup({ kind: 'places', places: 24 });
    const own = memoryOwnBallots();
    const writer = createBallotWriter(connect(ANN), { own });
    await writer.change(round, ANN, 'A', 1);
    await writer.settled();
    writer.close();
    const record = (await own.get(round.id))!;
    const [place] = [...(await readPlaces(votes(board), round)).keys()];
    // A newer copy of this browser's ballot than its record (written by another tab, say).
    const newer = { ...(record.ballot as object), votes: [{ itemId: 'B', count: 1 }] };
    await votes(board).set(placeKey(round.id, place!), newer);
    const watches = createRoundWatches(connect(ANN), votes(board), {
      userId: ANN.id,
      now: () => T,
      platformTotalsMs: 1_000,
      ownBallot: (r) => own.get(r.id),
      changed: () => undefined,
    });
    await until(() => {
      const watch = watches.watchOf(round.id);
      return watch?.own !== undefined && watch.ballots.size === 1;
    });
    const watch = watches.watchOf(round.id)!;
    expect(watch.following).toBe('places');
    expect(watches.myBallotValue(watch, round)).toEqual(newer);
    await votes(board).remove(placeKey(round.id, place!));
    await until(() => watch.ballots.size === 0);
    expect(watches.myBallotValue(watch, round)).toEqual(record.ballot);
    watches.close();
  });

  /**
   * A platform round watched with the platform's totals read every 10 ms; the session counts its
   * totals reads (by session id).
   */
  async function platformRound(
    now: () => string,
    durationMinutes: number | null = null,
    { totalsMs = 10, readMs = 0 } = {},
  ) {
    const sessions: string[] = [];
    /** Reads running now, and the most that ever ran at once. */
    const reads = { running: 0, most: 0 };
    const voting: PlatformVoting = {
      start: async () => ({ sessionId: 's1' }),
      vote: async () => undefined,
      end: async () => undefined,
      remove: async () => undefined,
      totals: async (sessionId) => {
        sessions.push(sessionId);
        reads.running += 1;
        reads.most = Math.max(reads.most, reads.running);
        if (readMs > 0) await wait(readMs);
        reads.running -= 1;
        return [{ itemId: 'A', votes: sessions.length, voters: 1 }];
      },
    };
    const { connect, board, round } = await setup(
      { kind: 'platform', sessionId: 's1' },
      durationMinutes,
    );
    const watches = createRoundWatches({ ...connect(ANN), platformVoting: voting }, votes(board), {
      userId: ANN.id,
      now,
      platformTotalsMs: totalsMs,
      ownBallot: async () => undefined,
      changed: () => undefined,
    });
    return { sessions, reads, watches, round };
  }

  it('platform: reads the totals at once and again while the round is open, and no more once closed', async () => {
    const { sessions, watches, round } = await platformRound(() => T);
    await until(() => sessions.length >= 3);
    expect(new Set(sessions)).toEqual(new Set(['s1']));
    expect(watches.watchOf(round.id)?.following).toBe('platform');
    expect(watches.watchOf(round.id)?.totals?.[0]?.itemId).toBe('A');
    watches.close();
    // A read already due may still land; none after it.
    await wait(30);
    const closedAt = sessions.length;
    await wait(50);
    expect(sessions.length).toBe(closedAt);
  });

  it('platform: an own vote during a read reads again right after it, never two reads at once', async () => {
    // Reads take 40 ms; the next periodic read would come five seconds later.
    const { sessions, reads, watches, round } = await platformRound(() => T, null, {
      totalsMs: 5_000,
      readMs: 40,
    });
    await until(() => reads.running > 0);
    const before = sessions.length;
    // Three own votes while a read runs.
    await Promise.all([1, 2, 3].map(() => watches.readOwn(round.id)));
    // Right after the running read (40 ms), not at the next periodic read.
    await until(() => sessions.length > before);
    await wait(150);
    // One read again for the votes (not one each, not a second polling chain), well before the
    // next periodic read; never two reads at once.
    expect(sessions.length - before).toBe(1);
    expect(reads.most).toBe(1);
    const closedAt = sessions.length;
    watches.close();
    await wait(80);
    expect(sessions.length).toBe(closedAt);
  });

  it('platform: stops reading the totals once the round’s time is up', async () => {
    let clock = T;
    const { sessions, watches } = await platformRound(() => clock, 1);
    await until(() => sessions.length >= 2);
    clock = '2026-11-22T10:05:00.000Z';
    await wait(30);
    const endedAt = sessions.length;
    await wait(50);
    expect(sessions.length).toBe(endedAt);
    watches.close();
  });
});
