/**
 * Anonymous rounds on MURAL run in MURAL's own voting session (Board.platformVoting): the use
 * cases against the local MURAL server, through the real adapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryOwnBallots } from '../../src/app/voting/anonymous-ballots';
import { createBallotWriter } from '../../src/app/voting/ballot-writer';
import { PLATFORM_NO_RETRACT } from '../../src/app/voting/platform-ballots';
import { changeRound, deleteRound, startRound } from '../../src/app/voting/rounds';
import { loadVoteContext, resolveTarget } from '../../src/app/voting/vote-items';
import { createVotingView, type VotingState } from '../../src/app/voting/voting-view';
import { createMuralBoard } from '../../src/board/mural/adapter';
import { createMuralClient } from '../../src/board/mural/client';
import type { TokenSource } from '../../src/board/mural/oauth';
import type { Board, BoardUser } from '../../src/board/port';
import { startMuralServer, type MockUser, type MuralServer } from '../mural-server/server';

let server: MuralServer;
beforeAll(async () => {
  server = await startMuralServer();
});
afterAll(() => server.close());

const tokens = (token: string): TokenSource => ({
  accessToken: () => Promise.resolve(token),
  refresh: () => Promise.reject(new Error('No refresh in this test')),
});
const FAC: MockUser = { id: 'm-fac', firstName: 'Fran', lastName: 'F' };
const ANN: MockUser = { id: 'm-ann', firstName: 'Ann', lastName: 'A' };
const user = (m: MockUser): BoardUser => ({ id: m.id, name: m.firstName });

async function setup() {
  const muralId = server.createMural();
  const connect = (m: MockUser): Board =>
    createMuralBoard(
      createMuralClient({
        apiBase: server.apiBase,
        tokens: tokens(server.issueToken(m).accessToken),
      }),
      muralId,
      { pollMs: 100 },
    );
  const board = connect(FAC);
  const made = await board.apply(
    ['A', 'B'].map((text, i) => ({
      op: 'create' as const,
      ref: text,
      item: {
        kind: 'note' as const,
        text,
        rect: { x: i * 300, y: 0, w: 200, h: 200 },
        color: 'yellow' as const,
      },
    })),
  );
  const settings = {
    title: 'Anonymous on MURAL',
    target: resolveTarget(await loadVoteContext(board), 'map', null, []),
    votesPerPerson: 2,
    perItemCap: 1,
    weights: null,
    privacy: 'anonymous' as const,
    durationMinutes: null,
  };
  return { board, connect, settings, ids: [made.ids.A!, made.ids.B!] };
}

describe('anonymous rounds in MURAL’s voting session', () => {
  it('starts a MURAL session, counts votes there, keeps the cap per note in the panel, refuses take-backs, ends and deletes it', async () => {
    const { board, connect, settings, ids } = await setup();
    const started = await startRound(board, user(FAC), settings);
    if (!started.ok) throw new Error(started.reason);
    expect(started.round.anonymous?.kind).toBe('platform');

    // One session at a time: a second anonymous round is refused with the reason.
    const second = await startRound(board, user(FAC), { ...settings, title: 'Second' });
    expect(second).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/one voting session at a time/),
    });

    const writer = createBallotWriter(connect(ANN), { own: memoryOwnBallots() });
    expect(await writer.change(started.round, user(ANN), ids[0]!, 1)).toMatchObject({
      ok: true,
      remaining: 1,
    });
    // The cap of one per note, kept by the voter's panel.
    expect(await writer.change(started.round, user(ANN), ids[0]!, 1)).toMatchObject({ ok: false });
    expect(await writer.change(started.round, user(ANN), ids[0]!, -1)).toEqual({
      ok: false,
      reason: PLATFORM_NO_RETRACT,
      notices: [],
    });
    expect(await writer.change(started.round, user(ANN), ids[1]!, 1)).toMatchObject({
      ok: true,
      remaining: 0,
    });

    // The facilitator's view reads MURAL's totals.
    const view = createVotingView(board, user(FAC), { platformTotalsMs: 50 });
    const ready = await new Promise<Extract<VotingState, { status: 'ready' }>>((resolve) => {
      const check = (s: VotingState) => {
        if (s.status === 'ready' && s.rounds[0]?.tally.votesCast === 2) resolve(s);
      };
      view.subscribe(check);
      check(view.state());
    });
    expect(ready.rounds[0]!.tally.voters).toBe(1);
    expect(ready.rounds[0]!.voters).toBe(null);
    view.close();

    expect(await changeRound(board, started.round.id, 'end')).toMatchObject({ ok: true });
    expect(await changeRound(board, started.round.id, 'reopen')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cannot be reopened/),
    });
    // Ended, so a new anonymous round may start.
    const third = await startRound(board, user(FAC), { ...settings, title: 'Third' });
    expect(third.ok).toBe(true);
    await deleteRound(board, started.round.id);
    const sessions = await fetch(
      `${server.apiBase}/murals/${encodeURIComponent((await board.info()).id)}/voting-sessions`,
      {
        headers: { authorization: `Bearer ${server.issueToken(FAC).accessToken}` },
      },
    );
    expect(((await sessions.json()) as { value: unknown[] }).value).toHaveLength(1);
    writer.close();
  });

  it('refuses ranked picks in MURAL’s session before starting anything', async () => {
    const { board, settings } = await setup();
    const ranked = await startRound(board, user(FAC), {
      ...settings,
      weights: [2, 1],
      votesPerPerson: 2,
      perItemCap: 1,
    });
    expect(ranked).toMatchObject({ ok: false, reason: expect.stringMatching(/plain votes only/) });
  });
});
