import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaygroundBoard } from '../../../test/fakes/playground-board';
import { seedDemoWorkshop } from '../../app/demo/seed-demo-workshop';
import { openWorkshop, type LocalStore } from '../../app/workshop';
import { createDemoBoardState } from '../../board/playground/demo-board';
import { createSnapshotStore } from '../../storage';
import { createTestDatabases } from '../../storage/testing/open-test-db';
import type { GroupConnection, GroupSnapshot } from '../../ui/group/group-tab-model';
import { applyMessage } from '../../ui/group/group-messages';
import { openGroup } from './group';

const databases = createTestDatabases('group-services');
const open: GroupConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  databases.closeAll();
});

const LANE = { kind: 'lane', mapId: 'northstar', laneId: 'l2' } as const;
const hooks = () => ({ onProgress: () => undefined, signal: new AbortController().signal });

async function setUp(local: LocalStore) {
  const pg = createPlaygroundBoard({ state: createDemoBoardState() });
  await seedDemoWorkshop(pg.board);
  const workshop = await openWorkshop(pg.board, local);
  const connection = openGroup(workshop);
  open.push(connection);
  const ready = await new Promise<Extract<GroupSnapshot, { status: 'ready' }>>((resolve) => {
    connection.subscribe((s) => {
      if (s.status === 'ready' && s.maps.length > 0) resolve(s);
    });
  });
  return { workshop, connection, ready };
}

describe('the Group tab services', () => {
  it('give the tab the maps with their stages and lanes, and the notes of a scope as text', async () => {
    const { connection, ready } = await setUp({ db: null, problem: null });
    expect(ready.maps[0]!.lanes.map((l) => l.name)).toEqual([
      'Customer actions',
      'Pain points',
      'Opportunities',
    ]);
    expect(connection.notes(LANE)).toHaveLength(10);
    expect(connection.notes({ kind: 'selection' })).toEqual([]);
    expect(await connection.undoStatus()).toMatchObject({
      available: false,
      reason: expect.stringMatching(/IndexedDB/),
    });
  });

  it('take an automatic snapshot before applying, then offer undo', async () => {
    const db = await databases.open();
    const { connection, workshop } = await setUp({ db, problem: null });
    const preview = await connection.group(LANE, {
      granularity: 0,
      k: null,
      pinned: {},
      mode: 'lexical',
      onProgress: () => undefined,
    }).result;
    const outcome = await connection.apply(LANE, preview, { color: true, labels: true }, hooks());
    expect(outcome).toMatchObject({ tone: 'success', title: 'Grouped 10 notes on the board.' });
    const snapshots = await createSnapshotStore(db).list({ boardId: workshop.info.id });
    expect(snapshots).toEqual([
      expect.objectContaining({ kind: 'auto', reason: 'before applying groups' }),
    ]);
    expect(await connection.undoStatus()).toMatchObject({ available: true, notes: 10 });
    expect(await connection.undo(hooks())).toMatchObject({
      tone: 'success',
      title: 'Put 10 notes back where they were.',
    });
  });

  it('word a grouping that stopped partway so the facilitator knows Resume and Undo', () => {
    const message = applyMessage(
      {
        status: 'partial',
        moved: 4,
        labels: 0,
        planned: 10,
        failed: [{ index: 5, op: { op: 'remove', id: 'x' }, message: 'Rate limit reached.' }],
        applied: [],
        journalId: 1,
        notices: [],
      },
      null,
    );
    expect(message.tone).toBe('warning');
    expect(message.title).toBe('Moved 4 of 10 notes; the board stopped some writes');
    expect(message.body).toContain('Rate limit reached.');
    expect(message.body).toContain('“Resume”');
  });
});
