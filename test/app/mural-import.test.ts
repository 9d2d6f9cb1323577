/**
 * Issue 9 §3 on MURAL: a file exported from a playground board (map, notes, groups, an action,
 * vote rounds) imported onto a mural through the local MURAL server — map, notes, groups, actions
 * and rounds restored; importing it again adds nothing.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActions, saveAction } from '../../src/app/actions/action-store';
import { buildJourneyMap } from '../../src/app/export/build-journey-map';
import { importMap } from '../../src/app/export/import-map';
import { createFixture, seedWorkshop } from '../../src/app/export/testing/export-fixture';
import { toJsonText } from '../../src/domain/export/to-downloads';
import { loadAppliedGroups, saveAppliedGroups } from '../../src/app/grouping/applied-groups';
import { createBallotWriter } from '../../src/app/voting/ballot-writer';
import { changeRound, startRound } from '../../src/app/voting/rounds';
import { loadVoteContext, resolveTarget } from '../../src/app/voting/vote-items';
import { loadRounds } from '../../src/app/voting/vote-store';
import { openWorkshop } from '../../src/app/workshop';
import { createTestDatabases } from '../../src/storage/testing/open-test-db';
import { muralPanel } from '../mural-server/panel';
import { startMuralServer, type MuralServer } from '../mural-server/server';

let server: MuralServer;
beforeAll(async () => {
  server = await startMuralServer();
});
afterAll(() => server.close());

describe('import onto MURAL restores groups, actions and vote rounds', () => {
  it('restores everything once, and a second import adds nothing', async () => {
    const dbs = createTestDatabases();
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    const { spec } = await seedWorkshop(a);
    const notes = (await a.board.listItems(['note'])).filter((n) => n.meta === null);
    const fees = notes.find((n) => n.text === "Can't find the fees page")!.id;
    await saveAppliedGroups(a.board, spec.id, {
      version: 1,
      mapId: spec.id,
      appliedAt: '2026-12-05T09:00:00.000Z',
      clusters: [{ id: 'c-fees', label: 'Fees', keywords: ['fees'], memberIds: [fees] }],
    });
    await saveAction(a.board, {
      id: 'act-1',
      title: 'Show fees up front',
      ownerTeam: 'product',
      dueDate: '2027-01-15',
      impact: 5,
      feasibility: 4,
      status: 'todo',
      sourceItemIds: [fees],
      createdAt: '2026-12-05T09:00:00.000Z',
    });
    const started = await startRound(a.board, a.workshop.user, {
      title: 'Biggest pain',
      target: resolveTarget(await loadVoteContext(a.board), 'map', spec.id, []),
      votesPerPerson: 2,
      perItemCap: null,
      weights: null,
      privacy: 'anonymous',
      durationMinutes: null,
    });
    if (!started.ok) throw new Error(started.reason);
    const writer = createBallotWriter(a.board);
    await writer.change(started.round, a.workshop.user, fees, 1);
    await writer.settled();
    writer.close();
    await changeRound(a.board, started.round.id, 'end');
    const built = await buildJourneyMap(a.workshop, { includeAuthors: false, includeLoose: false });
    if (!built.ok) throw new Error(built.message);

    const muralId = server.createMural('Import target');
    const board = muralPanel(server, muralId);
    const workshop = await openWorkshop(board, { db: await dbs.open(), problem: null });
    const first = await importMap(workshop, toJsonText(built.file));
    expect(first).toMatchObject({
      status: 'done',
      restored: { groups: 1, actions: 1, rounds: 1, warnings: [] },
    });
    const rounds = await loadRounds(board, new Date().toISOString());
    expect(rounds).toMatchObject([
      { title: 'Biggest pain', status: 'ended', anonymous: { kind: 'recorded' } },
    ]);
    expect(rounds[0]!.recorded?.map((t) => t.votes)).toEqual([1]);
    const second = await importMap(workshop, toJsonText(built.file));
    expect(second).toMatchObject({
      status: 'already-imported',
      restored: { groups: 0, actions: 0, rounds: 0 },
    });
    expect(await loadRounds(board, new Date().toISOString())).toHaveLength(1);
    expect((await loadActions(board)).actions).toHaveLength(1);
    expect((await loadAppliedGroups(board, spec.id))?.clusters).toHaveLength(1);
    dbs.closeAll();
  }, 60_000);
});
