/**
 * The export hooks' output dropped into a real export file (app/export's `buildJourneyMap`)
 * validates against the current (v2) JSON Schema and restores: the Export tab can put it in as is.
 */
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import schema from '../../../public/schema/journey-map.v2.json';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { BoardUser } from '../../board/port';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { restore } from '../../domain/export/restore';
import { saveAction } from '../actions/action-store';
import { exportActions } from '../actions/export-actions';
import { buildJourneyMap } from '../export/build-journey-map';
import { createMap } from '../map/create-map';
import type { Workshop } from '../workshop';
import { createBallotWriter } from './ballot-writer';
import { exportVoteRounds } from './export-votes';
import { changeRound, startRound } from './rounds';
import { loadVoteContext, resolveTarget } from './vote-items';

const FAC: BoardUser = { id: 'u-fac', name: 'Fran' };
const people: BoardUser[] = [
  { id: 'u-ann', name: 'Ann' },
  { id: 'u-ben', name: 'Ben' },
];

describe('exportVoteRounds and exportActions in an export file', () => {
  it('fit the current (v2) schema, restore, and keep voter ids out of anonymous rounds', async () => {
    const local = createLocalBoard();
    const board = createMiroBoard(local.connect(FAC), { platform: 'playground' });
    let n = 0;
    const spec = createSpecFromPreset(findPreset('classic')!, () => `k${(n++).toString(36)}`);
    expect((await createMap(board, spec)).status).toBe('done');
    const notes = [0, 1, 2].map((i) =>
      local.human.addNote({ x: 400 + i * 220, y: 500, content: `Pain ${i}`, by: FAC.id }),
    );
    const context = await loadVoteContext(board);
    const target = resolveTarget(
      context,
      'selection',
      null,
      notes.map((x) => x.id),
    );
    const base = {
      target,
      votesPerPerson: 2,
      perItemCap: null,
      weights: null,
      durationMinutes: null,
    };
    const open = await startRound(board, FAC, { ...base, title: 'Open', privacy: 'open' });
    const anon = await startRound(board, FAC, { ...base, title: 'Anon', privacy: 'anonymous' });
    if (!open.ok || !anon.ok) throw new Error('rounds not started');
    for (const person of people) {
      const writer = createBallotWriter(createMiroBoard(local.connect(person)));
      await writer.change(open.round, person, notes[0]!.id, 1);
      await writer.change(anon.round, person, notes[1]!.id, 1);
      await writer.settled();
    }
    await changeRound(board, anon.round.id, 'reveal');
    await saveAction(board, {
      id: 'a1',
      title: 'Fix pain 0',
      ownerTeam: 'support',
      dueDate: '2026-12-15',
      impact: 5,
      feasibility: 4,
      status: 'todo',
      sourceItemIds: [notes[0]!.id],
      createdAt: '2026-11-22T10:00:00.000Z',
    });

    const workshop: Workshop = {
      board,
      info: await board.info(),
      user: FAC,
      platform: 'playground',
      limits: board.limits,
      local: { db: null, problem: 'not in this test' },
    };
    const built = await buildJourneyMap(workshop, { includeAuthors: false });
    if (!built.ok) throw new Error(built.message);
    const votes = await exportVoteRounds(workshop);
    const file = {
      ...built.file,
      map: {
        ...built.file.map,
        voteRounds: votes.voteRounds,
        actions: await exportActions(workshop),
      },
    };

    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(file), ajv.errorsText(validate.errors)).toBe(true);
    expect(restore(JSON.parse(JSON.stringify(file))).ok).toBe(true);

    const [openRound, anonRound] = file.map.voteRounds;
    expect(openRound).toMatchObject({ title: 'Open', status: 'open' });
    expect(
      openRound && 'ballots' in openRound ? openRound.ballots.map((b) => b.voterId) : [],
    ).toEqual(['u-ann', 'u-ben']);
    expect(anonRound).toMatchObject({
      title: 'Anon',
      status: 'revealed',
      totals: [{ itemId: notes[1]!.id, votes: 2 }],
    });
    const anonText = JSON.stringify(anonRound);
    for (const p of people) expect(anonText).not.toContain(p.id);
    expect(votes.noteVotes).toEqual({ [notes[1]!.id]: 2 });
    expect(file.map.actions).toEqual([expect.objectContaining({ id: 'a1', ownerTeam: 'support' })]);
  });
});
