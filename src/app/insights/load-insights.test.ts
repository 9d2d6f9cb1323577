import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createDemoBoardState, DEMO_USERS } from '../../board/playground/demo-board';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { BoardUser } from '../../board/port';
import { deriveCoverage } from '../../domain/insights/departments';
import type { Privacy } from '../../domain/voting/vote-round';
import { seedDemoWorkshop } from '../demo/seed-demo-workshop';
import { loadMaps } from '../map/map-store';
import { createBallotWriter } from '../voting/ballot-writer';
import { startRound } from '../voting/rounds';
import { loadVoteContext, resolveTarget } from '../voting/vote-items';
import { loadMapInsights, loadMapNotes } from './load-insights';
import { setDepartment } from './insights-writes';

const T = '2026-12-04T10:00:00.000Z';

async function demo() {
  const local = createLocalBoard({ state: createDemoBoardState() });
  const connect = (user: BoardUser) =>
    createMiroBoard(local.connect(user), { platform: 'playground' });
  const fac = DEMO_USERS[0]!;
  const board = connect(fac);
  await seedDemoWorkshop(board);
  const map = (await loadMaps(board)).maps[0]!.spec;
  return { board, connect, fac, map };
}

async function roundWithVotes(
  privacy: Privacy,
  env: Awaited<ReturnType<typeof demo>>,
  noteId: string,
) {
  const context = await loadVoteContext(env.board);
  const started = await startRound(
    env.board,
    env.fac,
    {
      title: privacy,
      target: resolveTarget(context, 'map', null, []),
      votesPerPerson: 3,
      perItemCap: null,
      weights: null,
      privacy,
      durationMinutes: null,
    },
    { now: () => T },
  );
  if (!started.ok) throw new Error(started.reason);
  const sam = DEMO_USERS.find((u) => u.id === 'u-sam')!;
  const writer = createBallotWriter(env.connect(sam), { now: () => T });
  await writer.change(started.round, sam, noteId, 1);
  await writer.change(started.round, sam, noteId, 1);
  await writer.settled();
}

describe('loadMapInsights', () => {
  it('counts notes by their author’s department and votes of open rounds only', async () => {
    const env = await demo();
    await setDepartment(env.connect({ id: 'u-sam', name: 'Sam' }), 'u-sam', 'Support');
    const notes = await loadMapNotes(env.board, env.map.id);
    const samsNote = notes.find((n) => n.authorId === 'u-sam' && n.stageId !== null)!;
    expect(samsNote).toBeDefined();
    await roundWithVotes('open', env, samsNote.id);
    await roundWithVotes('anonymous', env, samsNote.id);

    const stageIds = env.map.stages.map((s) => s.id);
    const insights = await loadMapInsights(env.board, env.fac, env.map.id, stageIds, T);
    const coverage = deriveCoverage(insights.contributions, stageIds, insights.departments);
    expect(coverage.departments).toEqual(['support']);
    const row = coverage.cells[0]!;
    const samsNotes = notes.filter((n) => n.authorId === 'u-sam');
    expect(row.reduce((sum, c) => sum + c.notes, 0)).toBe(
      samsNotes.filter((n) => n.stageId !== null).length,
    );
    // Two votes in the open round; the anonymous round's two are never attributed.
    expect(row[stageIds.indexOf(samsNote.stageId!)]!.votes).toBe(2);
    expect(row.reduce((sum, c) => sum + c.votes, 0)).toBe(2);
    expect(coverage.unattributed.votes).toBe(0);
  });
});
