import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaygroundBoard, FACILITATOR } from '../../../test/fakes/playground-board';
import { createMap } from '../../app/map/create-map';
import { openWorkshop, type LocalStore } from '../../app/workshop';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createSnapshotStore } from '../../storage';
import { createTestDatabases } from '../../storage/testing/open-test-db';
import type { StagesConnection, StagesSnapshot } from '../../ui/stages/stages-tab-model';
import { openStages } from './stages';

const databases = createTestDatabases('stages-services');
const open: StagesConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  databases.closeAll();
});

async function setUp(local: LocalStore) {
  const pg = createPlaygroundBoard();
  let n = 0;
  const outcome = await createMap(
    pg.board,
    createSpecFromPreset(findPreset('classic')!, () => `k${n++}`),
  );
  if (outcome.status !== 'done') throw new Error('no map');
  const { columns, rows } = outcome.record.geometry;
  for (const i of [0, 1]) {
    pg.local.human.addNote({
      x: columns[i]!.x + columns[i]!.w / 2,
      y: rows[0]!.y + rows[0]!.h / 2,
      content: i === 0 ? '<b>Sees an ad</b>' : 'Asks a friend',
      by: FACILITATOR.id,
    });
  }
  const workshop = await openWorkshop(pg.board, local);
  const connection = openStages(workshop);
  open.push(connection);
  const ready = await new Promise<Extract<StagesSnapshot, { status: 'ready' }>>((resolve) => {
    const off = connection.subscribe((s) => {
      if (s.status === 'ready' && s.maps[0]?.untaggedInCells === 2) {
        resolve(s);
        queueMicrotask(() => off());
      }
    });
  });
  return { pg, workshop, connection, ready, record: outcome.record };
}

const hooks = () => ({ onProgress: () => undefined, signal: new AbortController().signal });

describe('the Stages tab services', () => {
  it('give the tab each map’s stages, untagged notes and counts', async () => {
    const { ready, record } = await setUp({ db: null, problem: null });
    const map = ready.maps[0]!;
    expect(map.id).toBe(record.spec.id);
    expect(map.stages.map((s) => [s.name, s.count, s.byPosition]).slice(0, 3)).toEqual([
      ['Awareness', 1, 1],
      ['Consideration', 1, 1],
      ['Purchase', 0, 0],
    ]);
    expect(map.untaggedIds).toHaveLength(2);
    expect(ready.selectedNotes).toBe(0);
  });

  it('take an automatic snapshot before tag by position, and offer undo', async () => {
    const db = await databases.open();
    const { connection, workshop, record } = await setUp({ db, problem: null });
    expect(await connection.tagByPosition(record.spec.id, hooks())).toEqual({
      tone: 'success',
      title: 'Tagged 2 notes by position.',
      body: '“Undo tag by position” puts their tags back.',
    });
    const snapshots = await createSnapshotStore(db).list({ boardId: workshop.info.id });
    expect(snapshots).toEqual([
      expect.objectContaining({
        kind: 'auto',
        reason: 'before tag by position',
        noteCount: 2,
        mapId: record.spec.id,
      }),
    ]);
    expect(await connection.undoStatus(record.spec.id)).toMatchObject({
      available: true,
      notes: 2,
    });
    // Another map's undo does not offer this map's tagging (issue 9 §4).
    expect(await connection.undoStatus('another-map')).toEqual({
      available: false,
      reason: null,
    });
    expect(await connection.undoTagByPosition(record.spec.id, hooks())).toEqual({
      tone: 'success',
      title: 'Restored the tags of 2 notes.',
    });
  });

  it('without storage: tags, says there is no snapshot, and why undo is not offered', async () => {
    const problem = 'This browser is in private mode, so Touchpoint cannot keep local data.';
    const { connection, record } = await setUp({ db: null, problem });
    const message = await connection.tagByPosition(record.spec.id, hooks());
    expect(message).toMatchObject({ tone: 'success', title: 'Tagged 2 notes by position.' });
    expect(message.body).toContain('No automatic snapshot');
    expect(message.body).not.toContain('Undo');
    expect(await connection.undoStatus(record.spec.id)).toEqual({
      available: false,
      reason: problem,
    });
  });

  it('name the stage in messages and ask for a selection first', async () => {
    const { connection, record, pg, ready } = await setUp({ db: null, problem: null });
    const purchase = record.spec.stages[2]!;
    expect(await connection.tagSelection(record.spec.id, purchase.id)).toEqual({
      tone: 'info',
      title: 'Select sticky notes on the board first.',
    });
    pg.local.human.select(ready.maps[0]!.untaggedIds, FACILITATOR.id);
    expect(await connection.tagSelection(record.spec.id, purchase.id)).toEqual({
      tone: 'success',
      title: 'Tagged 2 notes as Purchase.',
    });
    // Both now disagree with their cells; conflicts carry the notes' text as typed.
    const conflicts = await new Promise<string[]>((resolve) => {
      const off = connection.subscribe((s) => {
        const found = s.status === 'ready' ? (s.maps[0]?.conflicts ?? []) : [];
        if (found.length === 2) {
          resolve(found.map((c) => c.text).sort());
          queueMicrotask(() => off());
        }
      });
    });
    expect(conflicts).toEqual(['<b>Sees an ad</b>', 'Asks a friend']);
  });
});
