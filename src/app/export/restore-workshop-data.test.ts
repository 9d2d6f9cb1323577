import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { createTestDatabases, type TestDatabases } from '../../storage/testing/open-test-db';
import { loadActions, saveAction } from '../actions/action-store';
import { loadAppliedGroups, saveAppliedGroups } from '../grouping/applied-groups';
import { createBallotWriter } from '../voting/ballot-writer';
import { changeRound, startRound } from '../voting/rounds';
import { readSlots } from '../voting/slot-list';
import { loadVoteContext, resolveTarget } from '../voting/vote-items';
import { loadRounds, loadTally, ROUND_SLOTS, votes } from '../voting/vote-store';
import { buildJourneyMap } from './build-journey-map';
import { importMap } from './import-map';
import { createFixture, seedWorkshop, type Fixture } from './testing/export-fixture';
import { toJsonText } from '../../domain/export/to-downloads';
import { importedRoundId } from './restore-workshop-data';
import { addReading, rateStage, saveKpi, savePersonas, setRaci } from '../insights/insights-writes';

let dbs: TestDatabases;
beforeEach(() => {
  dbs = createTestDatabases();
});
afterEach(() => dbs.closeAll());

const NOW = '2026-12-05T09:00:00.000Z';

async function exportOf(fx: Fixture): Promise<JourneyMapFile> {
  const built = await buildJourneyMap(fx.workshop, { includeAuthors: false, includeLoose: false });
  if (!built.ok) throw new Error(built.message);
  return built.file;
}

/** Board A: the seeded map, two groups, an action, an ended round with votes and an open one. */
async function workshopWithEverything() {
  const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
  const { spec } = await seedWorkshop(a);
  const notes = (await a.board.listItems(['note'])).filter((n) => n.meta === null);
  const byText = (t: string) => notes.find((n) => n.text === t)!.id;
  const ad = byText('Sees an ad on the Tube');
  const friend = byText('Asks a friend');
  const fees = byText("Can't find the fees page");
  await saveAppliedGroups(a.board, spec.id, {
    version: 1,
    mapId: spec.id,
    appliedAt: NOW,
    clusters: [
      { id: 'c-aware', label: 'Word of mouth', keywords: ['friend'], memberIds: [ad, friend] },
      { id: 'c-fees', label: 'Fees', keywords: ['fees'], memberIds: [fees] },
    ],
  });
  const saved = await saveAction(a.board, {
    id: 'act-1',
    title: 'Show fees on the pricing page',
    ownerTeam: 'product',
    dueDate: '2027-01-15',
    impact: 5,
    feasibility: 4,
    status: 'todo',
    sourceItemIds: [fees, 'c-fees'],
    createdAt: NOW,
  });
  expect(saved.ok).toBe(true);
  const user = a.workshop.user;
  const target = resolveTarget(await loadVoteContext(a.board), 'map', spec.id, []);
  const settings = {
    title: 'Biggest pain',
    target,
    votesPerPerson: 3,
    perItemCap: null,
    weights: null,
    privacy: 'open' as const,
    durationMinutes: null,
  };
  const ended = await startRound(a.board, user, settings);
  if (!ended.ok) throw new Error(ended.reason);
  const writer = createBallotWriter(a.board);
  await writer.change(ended.round, user, fees, 1);
  await writer.change(ended.round, user, fees, 1);
  await writer.change(ended.round, user, ad, 1);
  await changeRound(a.board, ended.round.id, 'end');
  const open = await startRound(a.board, user, { ...settings, title: 'Still open' });
  if (!open.ok) throw new Error(open.reason);
  await writer.change(open.round, user, friend, 1);
  writer.close();
  return { a, spec, file: await exportOf(a) };
}

describe('import restores groups, the action plan and vote rounds (issue 9 §3)', () => {
  it('onto a fresh board: rounds as closed history with their totals, actions and groups on the new notes', async () => {
    const { file } = await workshopWithEverything();
    expect(file.map.voteRounds).toHaveLength(2);
    expect(file.map.actions).toHaveLength(1);
    expect(file.map.clusters).toHaveLength(2);

    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    const outcome = await importMap(b.workshop, toJsonText(file));
    expect(outcome).toMatchObject({
      status: 'done',
      restored: { groups: 2, actions: 1, rounds: 2, warnings: [] },
    });
    const notes = await b.board.listItems(['note']);
    const idOf = (t: string) => notes.find((n) => n.text === t)!.id;

    const groups = await loadAppliedGroups(b.board, file.map.id);
    expect(groups?.clusters.map((c) => [c.label, c.memberIds.sort()])).toEqual([
      ['Word of mouth', [idOf('Sees an ad on the Tube'), idOf('Asks a friend')].sort()],
      ['Fees', [idOf("Can't find the fees page")]],
    ]);

    const { actions } = await loadActions(b.board);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      id: 'act-1',
      ownerTeam: 'product',
      dueDate: '2027-01-15',
      sourceItemIds: [idOf("Can't find the fees page"), 'c-fees'],
    });

    const rounds = await loadRounds(b.board, NOW);
    expect(rounds.map((r) => [r.title, r.status])).toEqual([
      ['Biggest pain', 'ended'],
      ['Still open', 'ended'],
    ]);
    const context = await loadVoteContext(b.board);
    const tally = await loadTally(
      b.board,
      rounds[0]!,
      context.notes.map((n) => ({ id: n.id })),
    );
    expect(tally.items.filter((t) => t.votes > 0).map((t) => [t.itemId, t.votes])).toEqual([
      [idOf("Can't find the fees page"), 2],
      [idOf('Sees an ad on the Tube'), 1],
    ]);

    // The board exports what it restored: the same rounds, actions and groups, its own ids.
    const again = await exportOf(b);
    expect(again.map.voteRounds.map((r) => [r.title, r.totals.length])).toEqual([
      ['Biggest pain', 2],
      ['Still open', 1],
    ]);
    expect(again.map.actions.map((x) => x.title)).toEqual(['Show fees on the pricing page']);
    expect(again.map.clusters.map((c) => c.label).sort()).toEqual(['Fees', 'Word of mouth']);
  });

  it('importing the same file again adds nothing, and repairs a round left unlisted', async () => {
    const { file } = await workshopWithEverything();
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    await importMap(b.workshop, toJsonText(file));
    // An interrupted earlier run: the round written, its id never listed.
    const lost = importedRoundId(file, file.map.voteRounds[1]!.id);
    const shared = votes(b.board);
    const listed = await readSlots(shared, ROUND_SLOTS);
    for (let n = 0; n < listed.length; n += 1)
      if (listed[n] === lost) await shared.set(`${ROUND_SLOTS}${n}`, 'r-someone-else');

    const second = await importMap(b.workshop, toJsonText(file));
    expect(second).toMatchObject({
      status: 'already-imported',
      restored: { groups: 0, actions: 0, rounds: 0 },
    });
    expect((await loadRounds(b.board, NOW)).map((r) => r.title).sort()).toEqual([
      'Biggest pain',
      'Still open',
    ]);
    expect((await loadActions(b.board)).actions).toHaveLength(1);
    expect((await loadAppliedGroups(b.board, file.map.id))?.clusters).toHaveLength(2);
  });

  it('onto the board it came from: nothing is doubled', async () => {
    const { a, file } = await workshopWithEverything();
    const outcome = await importMap(a.workshop, toJsonText(file));
    expect(outcome).toMatchObject({
      status: 'already-imported',
      restored: { groups: 0, actions: 0, rounds: 0 },
    });
    expect(await loadRounds(a.board, NOW)).toHaveLength(2);
  });

  it('puts back the journey insights: personas, ratings, KPIs with readings, RACI; once', async () => {
    const { a, spec, file: _plain } = await workshopWithEverything();
    const stageIds = spec.stages.map((st) => st.id);
    await savePersonas(a.board, spec.id, [{ id: 'p1', name: 'Alex', summary: '' }]);
    for (const [i, value] of [-2, 1, 2].entries())
      await rateStage(
        a.board,
        { userId: `u${i}`, deviceId: 'd', department: i === 0 ? 'support' : null },
        { mapId: spec.id, stageId: stageIds[0]!, personaId: 'p1', line: 'as-is', value },
        NOW,
      );
    await saveKpi(a.board, spec.id, stageIds, {
      id: 'k1',
      name: 'CSAT',
      unit: '/5',
      baseline: 3.8,
      target: 4.5,
      direction: 'higher',
      stageId: stageIds[0]!,
    });
    let n = 0;
    await addReading(
      a.board,
      spec.id,
      { kpiId: 'k1', value: 4.1, date: '2026-11-01', source: 'survey' },
      '2026-12-05',
      () => `r${++n}`,
    );
    await setRaci(
      a.board,
      spec.id,
      { kind: 'stage', id: stageIds[0]! },
      'Awareness',
      'marketing',
      'A',
    );
    const built = await buildJourneyMap(a.workshop, { includeAuthors: false, includeLoose: false });
    if (!built.ok) throw new Error(built.message);
    const file = built.file;
    expect(file.map.insights.ratings.map((r) => r.value).sort()).toEqual([-2, 1, 2]);
    expect(JSON.stringify(file.map.insights)).not.toMatch(/u0|u1|u2/);

    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    const first = await importMap(b.workshop, toJsonText(file));
    expect(first).toMatchObject({ status: 'done', restored: { ratings: 3, kpis: 1, raci: 1 } });
    const again = await exportOf(b);
    expect(again.map.insights).toEqual(file.map.insights);
    const second = await importMap(b.workshop, toJsonText(file));
    expect(second).toMatchObject({ restored: { ratings: 0, kpis: 0, raci: 0 } });
    expect((await exportOf(b)).map.insights).toEqual(file.map.insights);
  });
});
