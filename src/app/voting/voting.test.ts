import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { LocalBoard } from '../../board/playground/sdk/local-board-types';
import type { Board, BoardUser } from '../../board/port';
import type { RoundSettings } from '../../domain/voting/vote-round';
import { memoryOwnBallots } from './anonymous-ballots';
import { BADGES_KEY, placeBadges, removeBadges } from './badges';
import { createBallotWriter } from './ballot-writer';
import { exportVoteRounds } from './export-votes';
import { changeRound, deleteRound, startRound } from './rounds';
import { readSlots } from './slot-list';
import { CLUSTERS_KEY, loadVoteContext, resolveTarget } from './vote-items';
import { MAP_COLLECTION } from '../map/map-store';
import { readOtherVoteSources } from './vote-sources';
import { loadBallots, loadRounds, VOTE_COLLECTION, voterSlots, votes } from './vote-store';
import { createVotingView, type RoundView, type VotingState, type VotingView } from './voting-view';

const FAC = { id: 'u-fac', name: 'Fran' };
const PEOPLE: BoardUser[] = [
  { id: 'u-ann', name: 'Ann' },
  { id: 'u-ben', name: 'Ben' },
  { id: 'u-cy', name: 'Cy' },
];
const T = '2026-11-22T10:00:00.000Z';
const clock = () => T;

function setup() {
  const local = createLocalBoard();
  const connect = (user: BoardUser): Board =>
    createMiroBoard(local.connect(user), { platform: 'playground' });
  const board = connect(FAC);
  const notes = ['Slow checkout', 'No receipt email', 'Hidden fees', 'Great support'].map(
    (text, i) => local.human.addNote({ x: i * 300, y: 0, content: text, by: FAC.id }),
  );
  return { local, board, connect, noteIds: notes.map((n) => n.id) };
}

async function settingsFor(
  board: Board,
  over: Partial<RoundSettings> = {},
): Promise<RoundSettings> {
  const context = await loadVoteContext(board);
  return {
    title: 'Biggest pain',
    target: resolveTarget(context, 'map', null, []),
    votesPerPerson: 3,
    perItemCap: 2,
    weights: null,
    privacy: 'open',
    durationMinutes: null,
    ...over,
  };
}

const collections = (local: LocalBoard) => JSON.stringify(local.state().collections);

describe('voting use cases on the local board through the Miro adapter', () => {
  it('starts a round over the whole board, counts three voters, ends, reveals and exports', async () => {
    const { board, connect, noteIds } = setup();
    const started = await startRound(board, FAC, await settingsFor(board), { now: clock });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const round = started.round;
    expect(round.target.itemIds).toEqual(noteIds);
    expect(round.target.description).toBe('Whole board (4 notes)');

    const picks: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 2],
    ];
    for (const [who, note] of picks) {
      // Each person's panel on one device: reopening it writes the same part of their ballot.
      const writer = createBallotWriter(connect(PEOPLE[who]!), { now: clock, deviceId: `d${who}` });
      const result = await writer.change(round, PEOPLE[who]!, noteIds[note]!, 1);
      expect(result.ok).toBe(true);
      await writer.settled();
      writer.close();
    }
    expect(await loadBallots(board, round)).toHaveLength(3);

    const ended = await changeRound(board, round.id, 'end', { now: clock });
    expect(ended.ok && ended.round.status).toBe('ended');
    const revealed = await changeRound(board, round.id, 'reveal', { now: clock });
    expect(revealed.ok && revealed.round.status).toBe('revealed');
    expect(await changeRound(board, round.id, 'reveal', { now: clock })).toEqual({
      ok: false,
      reason: 'The results are already revealed.',
    });

    const exported = await exportVoteRounds({ board }, T);
    expect(exported.voteRounds).toHaveLength(1);
    expect(exported.voteRounds[0]).toMatchObject({
      id: round.id,
      title: 'Biggest pain',
      status: 'revealed',
      totals: [
        { itemId: noteIds[0], votes: 2 },
        { itemId: noteIds[1], votes: 1 },
        { itemId: noteIds[2], votes: 1 },
      ],
    });
    expect(exported.noteVotes).toEqual({ [noteIds[0]!]: 2, [noteIds[1]!]: 1, [noteIds[2]!]: 1 });
  });

  it('refuses a vote over the cap with the domain reason and writes nothing', async () => {
    const { board, connect, noteIds } = setup();
    const started = await startRound(board, FAC, await settingsFor(board, { perItemCap: 1 }), {
      now: clock,
    });
    if (!started.ok) throw new Error(started.reason);
    const writer = createBallotWriter(connect(PEOPLE[0]!), { now: clock });
    expect((await writer.change(started.round, PEOPLE[0]!, noteIds[0]!, 1)).ok).toBe(true);
    const refused = await writer.change(started.round, PEOPLE[0]!, noteIds[0]!, 1);
    expect(refused).toMatchObject({ ok: false, reason: 'At most 1 vote on one item.' });
    const ballots = await loadBallots(board, started.round);
    expect(ballots).toHaveLength(1);
    expect((ballots[0] as { votes: unknown[] }).votes).toEqual([{ itemId: noteIds[0], count: 1 }]);
  });

  it('keeps no voter id in an anonymous round: not in storage, not in the export', async () => {
    const { local, board, connect } = setup();
    const started = await startRound(
      board,
      FAC,
      await settingsFor(board, { privacy: 'anonymous' }),
      {
        now: clock,
      },
    );
    if (!started.ok) throw new Error(started.reason);
    for (const person of PEOPLE) {
      const writer = createBallotWriter(connect(person), { now: clock });
      await writer.change(started.round, person, started.round.target.itemIds[0]!, 1);
      await writer.settled();
    }
    const stored = JSON.stringify(local.state().collections[VOTE_COLLECTION]);
    for (const person of PEOPLE) {
      expect(stored).not.toContain(person.id);
      expect(stored).not.toContain(person.name);
    }
    const exported = JSON.stringify(await exportVoteRounds({ board }, T));
    for (const person of PEOPLE) expect(exported).not.toContain(person.id);
    expect(exported).not.toContain('anon-');
    expect((await loadBallots(board, started.round)).length).toBe(3);
  });

  it('shows each viewer what they may see, live, and the starter', async () => {
    const { board, connect, noteIds } = setup();
    const started = await startRound(
      board,
      FAC,
      await settingsFor(board, { privacy: 'secret-until-reveal' }),
      { now: clock },
    );
    if (!started.ok) throw new Error(started.reason);
    const annBoard = connect(PEOPLE[0]!);
    const view = createVotingView(annBoard, PEOPLE[0]!, { now: clock });
    const states: VotingState[] = [];
    view.subscribe((s) => states.push(s));
    await view.refreshItems();
    await view.writer.change(started.round, PEOPLE[0]!, noteIds[1]!, 1);
    await view.writer.settled();
    await view.refreshItems();
    const last = view.state();
    expect(last.status).toBe('ready');
    if (last.status !== 'ready') return;
    const mine = last.rounds[0]!;
    expect(mine.starterName).toBe('Fran');
    expect(mine.startedByMe).toBe(false);
    expect(mine.remaining).toBe(2);
    expect(mine.tally.hidden).toBe(true);
    expect(mine.tally.items.every((i) => i.votes === null)).toBe(true);
    expect(mine.tally.votesCast).toBe(1);
    // A participant does not see who voted in a secret round; the facilitator does, by name.
    expect(mine.voters).toBeNull();
    view.close();
    const facView = createVotingView(board, FAC, { now: clock });
    await facView.refreshItems();
    await new Promise((r) => setTimeout(r, 0));
    const fac = facView.state();
    if (fac.status !== 'ready') throw new Error('not ready');
    expect(fac.rounds[0]!.startedByMe).toBe(true);
    expect(fac.rounds[0]!.voters).toEqual([
      { voterKey: 'u-ann', name: 'Ann', used: 1, remaining: 2 },
    ]);
    facView.close();
  });

  it('deletes a round with its ballots and voter list', async () => {
    const { local, board, connect, noteIds } = setup();
    const started = await startRound(board, FAC, await settingsFor(board), { now: clock });
    if (!started.ok) throw new Error(started.reason);
    const writer = createBallotWriter(connect(PEOPLE[0]!), { now: clock });
    await writer.change(started.round, PEOPLE[0]!, noteIds[0]!, 1);
    await writer.settled();
    writer.close();
    await deleteRound(board, started.round.id);
    expect(await loadRounds(board, T)).toEqual([]);
    expect(await readSlots(votes(board), voterSlots(started.round.id))).toEqual([]);
    expect(collections(local)).not.toContain('u-ann');
  });

  it('refuses an invalid form with the domain problems', async () => {
    const { board } = setup();
    const outcome = await startRound(board, FAC, {
      ...(await settingsFor(board)),
      votesPerPerson: 120,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems?.map((p) => p.field)).toContain('votesPerPerson');
  });

  it('counts dot stickers by the note they overlap, and places and removes count badges', async () => {
    const { local, board, noteIds } = setup();
    const sdk = local.connect({ id: 'u-dot', name: 'Dot' });
    const noteRect = local.absoluteRect(noteIds[2]!);
    for (const dx of [20, 60]) {
      await sdk.board.createShape({
        shape: 'circle',
        x: noteRect.x + dx,
        y: noteRect.y + 30,
        width: 24,
        height: 24,
      });
    }
    await sdk.board.createShape({ shape: 'circle', x: 5000, y: 5000, width: 24, height: 24 });
    const other = await readOtherVoteSources(board, noteIds);
    expect(other.dots).toEqual([{ itemId: noteIds[2], count: 2 }]);
    expect(other.unplacedDots).toBe(1);
    expect(other.nativeAvailable).toBe(false);

    const shapesBefore = (await board.listItems(['shape'])).length;
    const placed = await placeBadges(board, 'r1', [
      { itemId: noteIds[0]!, count: 5 },
      { itemId: noteIds[1]!, count: 3 },
      { itemId: 'gone', count: 2 },
    ]);
    expect(placed).toEqual({ ok: true, placed: 2, skipped: 1 });
    const shapes = await board.listItems(['shape']);
    expect(shapes.length).toBe(shapesBefore + 2);
    expect(shapes.map((s) => s.text).sort()).toEqual(['3', '5']);
    // Badges are not dot stickers: the dot count is unchanged.
    expect((await readOtherVoteSources(board, noteIds)).dots).toEqual(other.dots);
    expect(await removeBadges(board)).toEqual({ ok: true, placed: 0, skipped: 0 });
    expect((await board.listItems(['shape'])).length).toBe(shapesBefore);
    expect(await votes(board).get(BADGES_KEY)).toBeUndefined();
  });
});

describe('more round kinds and sources', () => {
  it('ranked 3-2-1 rounds: picks are distinct, scored by place', async () => {
    const { board, connect, noteIds } = setup();
    const started = await startRound(
      board,
      FAC,
      await settingsFor(board, { weights: [3, 2, 1], votesPerPerson: 3, perItemCap: 1 }),
      { now: clock },
    );
    if (!started.ok) throw new Error(started.reason);
    const [ann, ben] = PEOPLE.map((p) => ({
      person: p,
      writer: createBallotWriter(connect(p), { now: clock }),
    }));
    for (const note of [0, 1, 2])
      await ann!.writer.change(started.round, ann!.person, noteIds[note]!, 1);
    expect(await ann!.writer.change(started.round, ann!.person, noteIds[0]!, 1)).toMatchObject({
      ok: false,
      reason: 'You already picked this item.',
    });
    for (const note of [1, 0])
      await ben!.writer.change(started.round, ben!.person, noteIds[note]!, 1);
    await changeRound(board, started.round.id, 'end', { now: clock });
    const { voteRounds } = await exportVoteRounds({ board }, T);
    // Ann: a 3, b 2, c 1; Ben: b 3, a 2 → a 5, b 5, c 1.
    expect(voteRounds[0]!.totals).toEqual([
      { itemId: noteIds[0], votes: 5 },
      { itemId: noteIds[1], votes: 5 },
      { itemId: noteIds[2], votes: 1 },
    ]);
  });

  it('a time-boxed round reads as ended once its time is up', async () => {
    const { board } = setup();
    const started = await startRound(board, FAC, await settingsFor(board, { durationMinutes: 5 }), {
      now: clock,
    });
    if (!started.ok) throw new Error(started.reason);
    expect((await loadRounds(board, '2026-11-22T10:04:00.000Z'))[0]!.status).toBe('open');
    expect((await loadRounds(board, '2026-11-22T10:05:00.000Z'))[0]!.status).toBe('ended');
  });

  it('anonymous rounds show counts only, even to the starter', async () => {
    const { board, connect, noteIds } = setup();
    const started = await startRound(
      board,
      FAC,
      await settingsFor(board, { privacy: 'anonymous' }),
      {
        now: clock,
      },
    );
    if (!started.ok) throw new Error(started.reason);
    const writer = createBallotWriter(connect(PEOPLE[0]!), { now: clock });
    await writer.change(started.round, PEOPLE[0]!, noteIds[0]!, 1);
    await writer.settled();
    const view = createVotingView(board, FAC, { now: clock });
    await view.refreshItems();
    await new Promise((r) => setTimeout(r, 0));
    const state = view.state();
    if (state.status !== 'ready') throw new Error('not ready');
    const round = state.rounds[0]!;
    expect(round.voters).toBeNull();
    expect(round.tally.voterKeys).toBeNull();
    expect(round.tally.voters).toBe(1);
    expect(round.tally.votesCast).toBe(1);
    view.close();
  });

  it('offers clusters as a target when the grouping has stored some', async () => {
    const { board, noteIds } = setup();
    expect((await loadVoteContext(board)).clusters).toBeNull();
    await board.shared(MAP_COLLECTION).set(CLUSTERS_KEY, [
      { id: 'c1', label: 'Delivery', memberIds: [noteIds[0], noteIds[1]] },
      { id: 'c2', label: 'Fees', memberIds: [noteIds[2]] },
    ]);
    const context = await loadVoteContext(board);
    expect(context.clusters?.map((c) => c.text)).toEqual(['Delivery', 'Fees']);
    expect(context.notes.find((n) => n.id === noteIds[0])?.clusterId).toBe('c1');
    expect(resolveTarget(context, 'clusters', null, [])).toMatchObject({
      kind: 'clusters',
      itemIds: ['c1', 'c2'],
      description: 'Clusters (2 groups)',
    });
  });

  it('merges native voting results when the board offers them', async () => {
    const { board, noteIds } = setup();
    const withNative = {
      ...board,
      platform: board.platform,
      canUse: async () => true,
      nativeVotingResults: async () => [
        {
          title: 'Miro vote',
          results: [
            { itemId: noteIds[1], count: 4 },
            { itemId: 'elsewhere', count: 9 },
          ],
        },
      ],
    };
    const other = await readOtherVoteSources(withNative, noteIds);
    expect(other.nativeAvailable).toBe(true);
    expect(other.native).toEqual([{ itemId: noteIds[1], count: 4 }]);
  });
});

describe('repairing the voter list', () => {
  it('a panel that opens a round lists its own ballot if the list lost it', async () => {
    const { board, connect, noteIds } = setup();
    const started = await startRound(board, FAC, await settingsFor(board), { now: clock });
    if (!started.ok) throw new Error(started.reason);
    // Ann's ballot is stored, but her voter-list entry was overwritten while her panel was closed.
    await votes(board).set(`ballot:${started.round.id}:u-ann`, {
      roundId: started.round.id,
      voterKey: 'u-ann',
      updatedAt: T,
      votes: [{ itemId: noteIds[0], count: 1 }],
    });
    expect(await loadBallots(board, started.round)).toHaveLength(0);
    const view = createVotingView(connect(PEOPLE[0]!), PEOPLE[0]!, { now: clock });
    await view.refreshItems();
    await view.writer.settled();
    expect(await loadBallots(board, started.round)).toHaveLength(1);
    view.close();
  });
});

/** Waits until the view's state shows what `check` looks for. */
async function until(view: VotingView, check: (state: VotingState) => boolean, ms = 2_000) {
  const end = Date.now() + ms;
  while (!check(view.state()) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  expect(check(view.state())).toBe(true);
}

const shown = (state: VotingState): RoundView | undefined =>
  state.status === 'ready' ? state.rounds[0] : undefined;

/** A round started by the facilitator with these settings, at `startedAt`. */
async function roundWith(board: Board, over: Partial<RoundSettings>, startedAt = T) {
  const started = await startRound(board, FAC, await settingsFor(board, over), {
    now: () => startedAt,
  });
  if (!started.ok) throw new Error(started.reason);
  return started.round;
}

/**
 * How createVotingView puts its parts together (round-watch.ts, vote-items-watch.ts, the ballot
 * writer): what each part hears reaches the state. The parts alone have tests of their own.
 */
describe('the voting view’s parts, put together', () => {
  it('carries the selected notes into the state', async () => {
    const { local, connect, noteIds } = setup();
    const view = createVotingView(connect(PEOPLE[0]!), PEOPLE[0]!, { now: clock });
    await view.refreshItems();
    local.human.select([noteIds[1]!], PEOPLE[0]!.id);
    await until(view, (s) => s.status === 'ready' && s.selectedIds[0] === noteIds[1]);
    view.close();
  });

  it('shows an own anonymous vote: the writer has the watch read this browser’s ballot again', async () => {
    const { board, connect, noteIds } = setup();
    const round = await roundWith(board, { privacy: 'anonymous' });
    const ann = PEOPLE[0]!;
    const view = createVotingView(connect(ann), ann, { own: memoryOwnBallots(), now: clock });
    await view.refreshItems();
    await until(view, (s) => shown(s) !== undefined);
    expect((await view.writer.change(round, ann, noteIds[0]!, 1)).ok).toBe(true);
    await until(view, (s) => shown(s)?.mine.ballot?.votes?.[0]?.itemId === noteIds[0]);
    view.close();
  });

  it('shows a time box as ended when it runs out, with nothing written', async () => {
    const { board, connect } = setup();
    // Started five minutes less 150 ms ago: its time box runs out 150 ms from now.
    const startedAt = new Date(Date.now() - 5 * 60_000 + 150).toISOString();
    await roundWith(board, { durationMinutes: 5 }, startedAt);
    const view = createVotingView(connect(PEOPLE[0]!), PEOPLE[0]!);
    await view.refreshItems();
    await until(view, (s) => shown(s)?.open === true);
    await until(view, (s) => shown(s)?.open === false);
    view.close();
  });
});
