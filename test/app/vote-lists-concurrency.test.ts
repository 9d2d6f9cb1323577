/**
 * Issue 10 §5: concurrent writers on the round list and the voter list, with uneven network
 * timing (test/fakes/jitter.ts), so a write can land after the other panel has read back its own
 * and believes it won. Facilitators have the Vote tab open while they start rounds (the Start form
 * is in it); voters close their panels as soon as their vote is written. The facilitator's view is
 * open throughout, as in a workshop. No round and no ballot may be lost, in any trial.
 */
import { describe, expect, it } from 'vitest';
import { createBallotWriter } from '../../src/app/voting/ballot-writer';
import { startRound } from '../../src/app/voting/rounds';
import { readSlots } from '../../src/app/voting/slot-list';
import { loadVoteContext, resolveTarget } from '../../src/app/voting/vote-items';
import { loadBallots, ROUND_SLOTS, votes } from '../../src/app/voting/vote-store';
import { createVotingView, type VotingView } from '../../src/app/voting/voting-view';
import { createMiroBoard } from '../../src/board/miro/adapter';
import { createLocalBoard } from '../../src/board/playground/sdk/local-board';
import type { BoardUser } from '../../src/board/port';
import { tallyVotes } from '../../src/domain/voting/tally-votes';
import { seeded, withStorageJitter } from '../fakes/jitter';

const TRIALS = 8;
const users = (prefix: string, n: number): BoardUser[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i}` }));

function setup(seed: number) {
  const local = createLocalBoard({ latencyMs: 1 });
  const random = seeded(seed);
  const connect = (user: BoardUser) =>
    createMiroBoard(withStorageJitter(local.connect(user), 25, random), {
      platform: 'playground',
    });
  const noteIds = ['A', 'B', 'C', 'D'].map(
    (text, i) => local.human.addNote({ x: i * 300, y: 0, content: text, by: 'u-x' }).id,
  );
  return { local, connect, noteIds };
}

/**
 * Waits until `check` holds (watches and repairs settle on their own time). The window is wide:
 * it bounds a lost write, not speed, and a busy machine (a full suite beside other work) once
 * took longer than 4 s to settle a trial that then held.
 */
async function eventually(check: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('concurrent writers on the vote lists', () => {
  it('ten facilitators starting rounds at once: every round stays listed, in every trial', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const { connect } = setup(trial + 1);
      const facilitators = users('fac', 10);
      const boards = facilitators.map((f) => connect(f));
      const views: VotingView[] = facilitators.map((f, i) => createVotingView(boards[i]!, f));
      const target = resolveTarget(await loadVoteContext(boards[0]!), 'map', null, []);
      const started = await Promise.all(
        facilitators.map((f, i) =>
          startRound(boards[i]!, f, {
            title: `Round ${i}`,
            target,
            votesPerPerson: 2,
            perItemCap: null,
            weights: null,
            privacy: 'open',
            durationMinutes: null,
          }),
        ),
      );
      const ids = started.map((s) => (s.ok ? s.round.id : 'failed'));
      const reader = votes(connect({ id: 'reader', name: 'Reader' }));
      const allListed = await eventually(async () => {
        const listed = new Set(await readSlots(reader, ROUND_SLOTS));
        return ids.every((id) => listed.has(id));
      });
      expect(allListed, `trial ${trial}: rounds listed`).toBe(true);
      for (const v of views) v.close();
    }
  }, 120_000);

  it('forty voters closing their panels right after voting: every ballot counted, in every trial', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const { connect, noteIds } = setup(100 + trial);
      const fac = { id: 'fac', name: 'Fran' };
      const facBoard = connect(fac);
      const facView = createVotingView(facBoard, fac);
      const started = await startRound(facBoard, fac, {
        title: 'Pain',
        target: resolveTarget(await loadVoteContext(facBoard), 'map', null, []),
        votesPerPerson: 1,
        perItemCap: null,
        weights: null,
        privacy: 'open',
        durationMinutes: null,
      });
      if (!started.ok) throw new Error(started.reason);
      const round = started.round;
      // Voters see the round when their panels do; the facilitator's panel shows it too.
      await eventually(async () => {
        const state = facView.state();
        return state.status === 'ready' && state.rounds.some((r) => r.round.id === round.id);
      });
      const voters = users('v', 40);
      await Promise.all(
        voters.map(async (v, i) => {
          const writer = createBallotWriter(connect(v));
          await writer.change(round, v, noteIds[i % noteIds.length]!, 1);
          writer.close(); // the panel closes: no more watches, no more repairs from it
        }),
      );
      const reader = connect({ id: 'reader', name: 'Reader' });
      const counted = await eventually(async () => {
        const tally = tallyVotes(
          round,
          await loadBallots(reader, round),
          noteIds.map((id) => ({ id })),
        );
        return tally.voters === 40;
      });
      if (!counted && process.env.TP_DEBUG) {
        const list = await readSlots(votes(reader), `voters:${encodeURIComponent(round.id)}:`);
        console.log('listed', list.length, new Set(list).size);
      }
      expect(counted, `trial ${trial}: all 40 ballots counted`).toBe(true);
      facView.close();
    }
  }, 120_000);

  it('one voter on two devices at once: both votes count, in every trial; either device takes one back', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const { connect, noteIds } = setup(300 + trial);
      const fac = { id: 'fac', name: 'Fran' };
      const facBoard = connect(fac);
      const started = await startRound(facBoard, fac, {
        title: 'Two devices',
        target: resolveTarget(await loadVoteContext(facBoard), 'map', null, []),
        votesPerPerson: 3,
        perItemCap: null,
        weights: null,
        privacy: 'open',
        durationMinutes: null,
      });
      if (!started.ok) throw new Error(started.reason);
      const round = started.round;
      const ann = { id: 'u-ann', name: 'Ann' };
      const laptop = createBallotWriter(connect(ann), { deviceId: 'laptop' });
      const phone = createBallotWriter(connect(ann), { deviceId: 'phone' });
      const [a, b] = await Promise.all([
        laptop.change(round, ann, noteIds[0]!, 1),
        phone.change(round, ann, noteIds[1]!, 1),
      ]);
      expect(a.ok && b.ok).toBe(true);
      const count = async () =>
        tallyVotes(
          round,
          await loadBallots(facBoard, round),
          noteIds.map((id) => ({ id })),
        );
      let tally = await count();
      expect(tally.voters, `trial ${trial}`).toBe(1);
      expect(tally.votesCast, `trial ${trial}`).toBe(2);
      // The phone takes back the vote the laptop cast.
      expect((await phone.change(round, ann, noteIds[0]!, -1)).ok).toBe(true);
      tally = await count();
      expect(tally.items.find((t) => t.itemId === noteIds[0])?.votes ?? 0).toBe(0);
      expect(tally.votesCast).toBe(1);
      laptop.close();
      phone.close();
    }
  }, 120_000);
});
