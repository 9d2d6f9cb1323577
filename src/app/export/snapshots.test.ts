import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore, createSnapshotStore } from '../../storage';
import { createTestDatabases, type TestDatabases } from '../../storage/testing/open-test-db';
import { simulateQuotaExceeded } from '../../storage/testing/simulate-quota-exceeded';
import {
  deleteSnapshot,
  getSnapshot,
  listSnapshots,
  mayProceed,
  saveSnapshot,
  snapshotUsage,
  takeAutoSnapshot,
} from './snapshots';
import { createFixture, seedWorkshop } from './testing/export-fixture';

let dbs: TestDatabases;
beforeEach(() => {
  dbs = createTestDatabases();
});
afterEach(() => dbs.closeAll());

describe('snapshots', () => {
  it('saves, lists, reads back through restore, and deletes', async () => {
    const fx = await createFixture(await dbs.open());
    const { spec } = await seedWorkshop(fx);
    const saved = await saveSnapshot(fx.workshop, 'manual', { reason: '  After lunch  ' });
    expect(saved.ok).toBe(true);

    const list = await listSnapshots(fx.workshop, spec.id);
    if (!list.ok) throw new Error(list.message);
    expect(list.value).toHaveLength(1);
    const meta = list.value[0]!;
    expect(meta).toMatchObject({
      kind: 'manual',
      reason: 'After lunch',
      noteCount: 6,
      mapId: spec.id,
      boardId: 'uXjVBoardA=',
      summary: '5 notes in 6 stages, 1 loose, 0 clusters, 0 vote rounds',
    });

    const got = await getSnapshot(fx.workshop, meta.id);
    if (!got.ok) throw new Error(got.message);
    expect(got.value.file.map.notes.map((n) => n.text)).toContain('Asks a friend');

    expect(await deleteSnapshot(fx.workshop, meta.id)).toEqual({ ok: true, value: true });
    const after = await listSnapshots(fx.workshop);
    expect(after.ok && after.value).toEqual([]);
  });

  it('reads a stored snapshot from a newer Touchpoint as unreadable, with restore’s message', async () => {
    const db = await dbs.open();
    const fx = await createFixture(db);
    const { snapshot } = await createSnapshotStore(db).save({
      boardId: fx.workshop.info.id,
      mapId: 'm',
      kind: 'manual',
      noteCount: 0,
      summary: '',
      formatVersion: 7,
      payload: { format: 'touchpoint.journey-map', version: 7, map: {} },
    });
    const got = await getSnapshot(fx.workshop, snapshot.id);
    expect(got).toMatchObject({ ok: false, kind: 'unreadable' });
    if (!got.ok) expect(got.message).toMatch(/newer Touchpoint/);
  });

  it('a quota error on save gives the storage message and loses nothing', async () => {
    const fx = await createFixture(await dbs.open());
    await seedWorkshop(fx);
    expect((await saveSnapshot(fx.workshop, 'manual')).ok).toBe(true);
    const boardBefore = await fx.board.listItems();

    const quota = simulateQuotaExceeded();
    let saved;
    let auto;
    try {
      saved = await saveSnapshot(fx.workshop, 'manual', { reason: 'second' });
      auto = await takeAutoSnapshot(fx.workshop, 'before tag by position');
    } finally {
      quota.restore();
    }
    expect(saved).toMatchObject({ ok: false, kind: 'quota' });
    if (!saved.ok) expect(saved.message).toMatch(/storage is full.*could not save the snapshot/);
    expect(auto).toMatchObject({ status: 'failed', kind: 'quota' });
    expect(mayProceed(auto)).toBe(false);

    const list = await listSnapshots(fx.workshop);
    expect(list.ok && list.value.map((s) => s.reason)).toEqual(['']);
    expect(await fx.board.listItems()).toEqual(boardBefore);
  });

  it('automatic snapshots stay within the budget, oldest automatic ones pruned first', async () => {
    const db = await dbs.open();
    await createSettingsStore(db).set('snapshotBudget', { maxAutoCount: 2, maxAutoBytes: 1e9 });
    let t = Date.parse('2026-11-22T10:00:00Z');
    const fx = await createFixture(db);
    await seedWorkshop(fx);
    expect((await saveSnapshot(fx.workshop, 'manual', { reason: 'keep me' })).ok).toBe(true);
    const results = [];
    for (const reason of ['first', 'second', 'third'])
      results.push(
        await takeAutoSnapshot(fx.workshop, `before ${reason}`, {
          now: () => new Date((t += 1000)),
        }),
      );
    expect(results.map((r) => r.status)).toEqual(['saved', 'saved', 'saved']);
    expect(results[2]).toMatchObject({
      pruned: [expect.objectContaining({ reason: 'before first' })],
    });
    const list = await listSnapshots(fx.workshop);
    expect(list.ok && list.value.map((s) => s.reason).sort()).toEqual(
      ['before second', 'before third', 'keep me'].sort(),
    );
    const usage = await snapshotUsage(fx.workshop);
    expect(usage).toMatchObject({ ok: true, value: { count: 3, autoCount: 2 } });
    if (usage.ok) expect(usage.value.budget.maxAutoCount).toBe(2);
  });

  it('without IndexedDB: history says why, automatic snapshots let the change go ahead', async () => {
    const fx = await createFixture(null);
    await seedWorkshop(fx);
    const list = await listSnapshots(fx.workshop);
    expect(list).toMatchObject({ ok: false, kind: 'unavailable' });
    if (!list.ok) expect(list.message).toMatch(/private mode/);
    const auto = await takeAutoSnapshot(fx.workshop, 'before apply clusters');
    expect(auto.status).toBe('unavailable');
    expect(mayProceed(auto)).toBe(true);
  });

  it('an automatic snapshot on a board without a map saves nothing and lets the change go ahead', async () => {
    const fx = await createFixture(await dbs.open());
    const auto = await takeAutoSnapshot(fx.workshop, 'before import');
    expect(auto).toEqual({ status: 'nothing-to-save' });
    expect(mayProceed(auto)).toBe(true);
  });

  it('a board that cannot be read gives the reason alone (the panel adds "No automatic snapshot")', async () => {
    const fx = await createFixture(await dbs.open());
    await seedWorkshop(fx);
    fx.workshop.board.listItems = () => Promise.reject(new Error('The board did not answer.'));
    const auto = await takeAutoSnapshot(fx.workshop, 'before tag by position');
    expect(auto).toEqual({ status: 'unavailable', message: 'The board did not answer.' });
    expect(mayProceed(auto)).toBe(true);
  });
});
