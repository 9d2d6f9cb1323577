/**
 * Ten participants vote at the same time on one local board's shared collection, each through
 * their own SDK connection and the real Miro adapter, with call latency so their reads and
 * writes interleave. Every vote must be counted: ballots are per voter key, and the voter list
 * is an append-only slot list whose losers of a race claim again (src/app/voting/slot-list.ts).
 */
import { describe, expect, it } from 'vitest';
import { createBallotWriter } from '../../src/app/voting/ballot-writer';
import { exportVoteRounds } from '../../src/app/voting/export-votes';
import { startRound } from '../../src/app/voting/rounds';
import { readSlots } from '../../src/app/voting/slot-list';
import { loadVoteContext, resolveTarget } from '../../src/app/voting/vote-items';
import { loadBallots, VOTE_COLLECTION, voterSlots, votes } from '../../src/app/voting/vote-store';
import { createMiroBoard } from '../../src/board/miro/adapter';
import { createLocalBoard } from '../../src/board/playground/sdk/local-board';
import type { BoardUser } from '../../src/board/port';
import { tallyVotes } from '../../src/domain/voting/tally-votes';
import type { Privacy } from '../../src/domain/voting/vote-round';

const FAC: BoardUser = { id: 'u-fac', name: 'Fran' };
const people: BoardUser[] = Array.from({ length: 10 }, (_, i) => ({
  id: `u-p${i}`,
  name: `Person ${i}`,
}));

async function runConcurrentRound(privacy: Privacy) {
  const local = createLocalBoard({ latencyMs: 2 });
  const notes = Array.from({ length: 6 }, (_, i) =>
    local.human.addNote({ x: i * 260, y: 0, content: `Idea ${i}`, by: FAC.id }),
  );
  const board = createMiroBoard(local.connect(FAC), { platform: 'playground' });
  const context = await loadVoteContext(board);
  const started = await startRound(board, FAC, {
    title: 'Concurrent',
    target: resolveTarget(context, 'map', null, []),
    votesPerPerson: 3,
    perItemCap: null,
    weights: null,
    privacy,
    durationMinutes: null,
  });
  if (!started.ok) throw new Error(started.reason);
  const round = started.round;

  // Everyone at once: each person casts three votes (on notes i, i+1, i+2), their own clicks
  // queued by their panel, all ten panels in parallel.
  const writers = people.map((person) =>
    createBallotWriter(createMiroBoard(local.connect(person), { platform: 'playground' })),
  );
  const results = await Promise.all(
    people.map((person, i) =>
      Promise.all(
        [0, 1, 2].map((k) =>
          writers[i]!.change(round, person, notes[(i + k) % notes.length]!.id, 1),
        ),
      ),
    ),
  );
  await Promise.all(writers.map((w) => w.settled()));
  return { local, board, round, results, notes, writers };
}

describe('ten participants voting at the same time', () => {
  for (const privacy of ['open', 'anonymous'] as const) {
    it(`counts every vote (${privacy} round)`, async () => {
      const { local, board, round, results, notes, writers } = await runConcurrentRound(privacy);
      expect(results.flat().every((r) => r.ok)).toBe(true);

      // Keyed rounds list their voters; anonymous rounds keep no list (ballots sit at places).
      const voterKeys = await readSlots(votes(board), voterSlots(round.id));
      expect(voterKeys).toHaveLength(privacy === 'anonymous' ? 0 : 10);
      const ballots = await loadBallots(board, round);
      expect(ballots).toHaveLength(10);
      const tally = tallyVotes(
        round,
        ballots,
        notes.map((n) => ({ id: n.id })),
      );
      expect(tally.voters).toBe(10);
      expect(tally.votesCast).toBe(30);
      const expected = new Map<string, number>();
      people.forEach((_, i) => {
        for (const k of [0, 1, 2]) {
          const id = notes[(i + k) % notes.length]!.id;
          expected.set(id, (expected.get(id) ?? 0) + 1);
        }
      });
      expect(new Map(tally.items.map((t) => [t.itemId, t.votes]))).toEqual(expected);
      expect(tally.uncounted).toEqual({ ballots: 0, votes: 0 });

      if (privacy === 'anonymous') {
        const stored = JSON.stringify(local.state().collections[VOTE_COLLECTION]);
        for (const p of people) expect(stored).not.toContain(p.id);
        const exported = JSON.stringify(await exportVoteRounds({ board }));
        for (const p of people) expect(exported).not.toContain(p.id);
      }
      for (const w of writers) w.close();
    });
  }
});
