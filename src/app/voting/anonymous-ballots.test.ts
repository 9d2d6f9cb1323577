/**
 * Anonymous rounds with ballot places on the local board through the Miro adapter: every ballot
 * is counted through races, late writes and panels closed mid-write, and nothing stored names a
 * voter. The attacker's view is in test/app/anonymity-attack.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { Board, BoardUser, SharedCollection } from '../../board/port';
import { tallyVotes } from '../../domain/voting/tally-votes';
import { roundKey } from '../../domain/voting/vote-storage-keys';
import { createVoteRound, type VoteRound } from '../../domain/voting/vote-round';
import { withSdkFaults } from '../../../test/fakes/faults';
import {
  createPlacedBallots,
  memoryOwnBallots,
  placeKey,
  readPlaces,
  type OwnBallots,
} from './anonymous-ballots';
import { createBallotWriter } from './ballot-writer';
import { claimSlot } from './slot-list';
import { loadVoteContext, resolveTarget } from './vote-items';
import { loadBallots, ROUND_SLOTS, VOTE_COLLECTION, votes } from './vote-store';
import { startRound } from './rounds';

const FAC: BoardUser = { id: 'u-fac', name: 'Fran' };
const people = (n: number): BoardUser[] =>
  Array.from({ length: n }, (_, i) => ({ id: `u-${i}`, name: `Person ${i}` }));

async function setup(places?: number) {
  const local = createLocalBoard({ latencyMs: 1 });
  const connect = (user: BoardUser): Board =>
    createMiroBoard(local.connect(user), { platform: 'playground' });
  const board = connect(FAC);
  const noteIds = ['A', 'B', 'C'].map(
    (text, i) => local.human.addNote({ x: i * 300, y: 0, content: text, by: FAC.id }).id,
  );
  const settings = {
    title: 'Anonymous',
    target: resolveTarget(await loadVoteContext(board), 'map', null, []),
    votesPerPerson: 2,
    perItemCap: null,
    weights: null,
    privacy: 'anonymous' as const,
    durationMinutes: null,
  };
  let round: VoteRound;
  if (places === undefined) {
    const started = await startRound(board, FAC, settings);
    if (!started.ok) throw new Error(started.reason);
    round = started.round;
  } else {
    // A round with few places, to make voters race for them.
    round = createVoteRound(settings, {
      id: 'r-tight',
      now: new Date().toISOString(),
      createdBy: FAC.id,
      anonymous: { kind: 'places', places },
    });
    await votes(board).set(roundKey(round.id), round);
    await claimSlot(votes(board), ROUND_SLOTS, round.id);
  }
  const count = async () =>
    tallyVotes(
      round,
      await loadBallots(board, round),
      noteIds.map((id) => ({ id })),
    );
  return { local, board, connect, noteIds, round, count };
}

describe('anonymous ballots at random places', () => {
  it('starts with places for three per member, no salt, and no voter list', async () => {
    const { round, local } = await setup();
    expect(round.anonymous).toEqual({ kind: 'places', places: 24 });
    expect(JSON.stringify(local.state().collections[VOTE_COLLECTION])).not.toMatch(/salt/i);
  });

  it('counts every ballot when twelve voters race for twelve places, and refuses a thirteenth', async () => {
    const { connect, noteIds, round, count, local } = await setup(12);
    const voters = people(13);
    const writers = voters.map((p) => createBallotWriter(connect(p), { own: memoryOwnBallots() }));
    const results = await Promise.all(
      voters
        .slice(0, 12)
        .map((p, i) => writers[i]!.change(round, p, noteIds[i % noteIds.length]!, 1)),
    );
    await Promise.all(writers.map((w) => w.settled()));
    expect(results.every((r) => r.ok)).toBe(true);
    const tally = await count();
    expect(tally.voters).toBe(12);
    expect(tally.votesCast).toBe(12);
    expect(tally.items.map((t) => t.votes)).toEqual([4, 4, 4]);
    const last = await writers[12]!.change(round, voters[12]!, noteIds[0]!, 1);
    expect(last).toMatchObject({ ok: false });
    expect(!last.ok && last.reason).toMatch(/Every ballot place of this round is taken/);
    // Stored ballots carry random keys, the round's start as time, and no names or ids.
    const stored = JSON.stringify(local.state().collections[VOTE_COLLECTION]);
    for (const p of voters) {
      expect(stored).not.toContain(p.id);
      expect(stored).not.toContain(p.name);
    }
    for (const w of writers) w.close();
  });

  it('changes the same ballot in place; a second vote never adds a ballot', async () => {
    const { connect, noteIds, round, count, board } = await setup();
    const [ann] = people(1);
    const writer = createBallotWriter(connect(ann!), { own: memoryOwnBallots() });
    await writer.change(round, ann!, noteIds[0]!, 1);
    await writer.change(round, ann!, noteIds[1]!, 1);
    await writer.change(round, ann!, noteIds[0]!, -1);
    const places = await readPlaces(votes(board), round);
    expect(places.size).toBe(1);
    expect([...places.values()][0]).toMatchObject({ updatedAt: round.createdAt, seq: 3 });
    const tally = await count();
    expect(tally.voters).toBe(1);
    expect(tally.items.find((t) => t.itemId === noteIds[1])?.votes).toBe(1);
    writer.close();
  });

  it('moves a ballot that another voter’s late write replaced', async () => {
    const { connect, noteIds, round, count, board } = await setup();
    const [ann] = people(1);
    const writer = createBallotWriter(connect(ann!), { own: memoryOwnBallots() });
    await writer.change(round, ann!, noteIds[0]!, 1);
    const [place] = [...(await readPlaces(votes(board), round)).keys()];
    // Another voter's write that lost its read-back but landed afterwards, on Ann's place.
    const other = {
      roundId: round.id,
      voterKey: 'anon-0000000000000000000001',
      updatedAt: round.createdAt,
      seq: 1,
      votes: [{ itemId: noteIds[2]!, count: 2 }],
    };
    await votes(board).set(placeKey(round.id, place!), other);
    await new Promise((r) => setTimeout(r, 20));
    await writer.settled();
    const tally = await count();
    expect(tally.voters).toBe(2);
    expect(tally.votesCast).toBe(3);
    writer.close();
  });

  it('puts back the ballot of a panel closed mid-write when the voter opens the round again', async () => {
    const { local, noteIds, round, count } = await setup();
    const [ann] = people(1);
    const own = memoryOwnBallots();
    // The panel closes on the ballot's write: the call never answers.
    const faulty = withSdkFaults(local.connect(ann!), { kind: 'hang', at: 0 });
    const closing = createBallotWriter(createMiroBoard(faulty.sdk, { platform: 'playground' }), {
      own,
    });
    void closing.change(round, ann!, noteIds[1]!, 1);
    await faulty.injector.closed;
    expect((await count()).voters).toBe(0);

    // A fresh panel in the same browser: opening the round is the repair, the same write.
    const fresh = createBallotWriter(
      createMiroBoard(local.connect(ann!), { platform: 'playground' }),
      { own },
    );
    await fresh.ensureListed(round, ann!.id);
    await fresh.ensureListed(round, ann!.id);
    const tally = await count();
    expect(tally.voters).toBe(1);
    expect(tally.items.find((t) => t.itemId === noteIds[1])?.votes).toBe(1);
    fresh.close();
  });

  it('says the vote is kept in this browser when the board lost the answer, and repairs once', async () => {
    const { local, noteIds, round, count } = await setup();
    const [ann] = people(1);
    const own = memoryOwnBallots();
    const faulty = withSdkFaults(local.connect(ann!), { kind: 'lost', at: 0 });
    const writer = createBallotWriter(createMiroBoard(faulty.sdk, { platform: 'playground' }), {
      own,
    });
    const result = await writer.change(round, ann!, noteIds[0]!, 1);
    if (!result.ok) expect(result.reason).toMatch(/This browser keeps it/);
    await writer.ensureListed(round, ann!.id);
    const tally = await count();
    expect(tally.voters).toBe(1);
    expect(tally.votesCast).toBe(1);
    writer.close();
  });

  it('refuses an anonymous vote where this browser cannot keep its key, writing nothing', async () => {
    const { connect, noteIds, round, board } = await setup();
    const [ann] = people(1);
    const writer = createBallotWriter(connect(ann!), {
      own: null,
      ownProblem: 'This browser blocks local storage.',
    });
    const result = await writer.change(round, ann!, noteIds[0]!, 1);
    expect(result).toEqual({
      ok: false,
      reason: 'This browser blocks local storage.',
      notices: [],
    });
    expect((await readPlaces(votes(board), round)).size).toBe(0);
  });
});

describe('createPlacedBallots', () => {
  it('says whether this browser kept a vote the board did not confirm', async () => {
    const { board, noteIds, round } = await setup();
    const shared = votes(board);
    const offline: SharedCollection = {
      ...shared,
      set: async () => {
        throw new Error('board offline');
      },
    };
    const placed = createPlacedBallots(offline, {
      random: () => 0.5,
      randomBytes: (n) => new Uint8Array(n).fill(7),
      track: (work) => work,
    });
    const own = memoryOwnBallots();
    // Recorded in this browser, then the board's write failed: kept, written again later.
    expect(await placed.apply(own, round, noteIds[0]!, 1)).toEqual({
      ok: false,
      reason:
        'The board did not confirm your vote (board offline). This browser keeps it and writes it again when you next open this round.',
      notices: [],
    });
    expect((await own.get(round.id))?.ballot).toMatchObject({ votes: [{ itemId: noteIds[0] }] });
    // Recording is what failed: the browser holds what it held before, so nothing was cast.
    const full: OwnBallots = {
      get: own.get,
      put: async () => {
        throw new Error('storage full');
      },
    };
    expect(await placed.apply(full, round, noteIds[1]!, 1)).toEqual({
      ok: false,
      reason: 'Your vote was not cast: storage full',
      notices: [],
    });
    placed.close();
  });
});
