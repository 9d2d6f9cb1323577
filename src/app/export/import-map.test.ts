import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { createTestDatabases, type TestDatabases } from '../../storage/testing/open-test-db';
import { simulateQuotaExceeded } from '../../storage/testing/simulate-quota-exceeded';
import { loadMaps, MAP_COLLECTION } from '../map/map-store';
import { buildJourneyMap } from './build-journey-map';
import { importMap, type ImportProgress } from './import-map';
import { listSnapshots } from './snapshots';
import { createFixture, noteInCell, seedWorkshop, type Fixture } from './testing/export-fixture';
import { toJsonText } from '../../domain/export/to-downloads';

let dbs: TestDatabases;
beforeEach(() => {
  dbs = createTestDatabases();
});
afterEach(() => dbs.closeAll());

async function exportOf(fx: Fixture): Promise<JourneyMapFile> {
  const built = await buildJourneyMap(fx.workshop, { includeAuthors: false, includeLoose: true });
  if (!built.ok) throw new Error(built.message);
  return built.file;
}

/**
 * The file without what an import may change: board ids, positions, times, the source board, and
 * a tag-vs-position conflict (the file does not say which cell the note sat in, so the import
 * puts it in its tag's stage, which resolves the conflict).
 */
function comparable(file: JourneyMapFile) {
  const notes = file.map.notes
    .map(({ id: _id, position: _position, stageConflict: _conflict, ...rest }) => rest)
    .sort((a, b) => a.importKey.localeCompare(b.importKey));
  return { ...file.map, notes };
}

const noteCount = async (fx: Fixture) =>
  (await fx.board.listItems(['note'])).filter((n) => n.meta === null || n.meta.r === 'note').length;

describe('importMap', () => {
  it('round trip: export, import into an empty board, export again → equal apart from ids, positions, times', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    await seedWorkshop(a);
    const first = await exportOf(a);
    expect(first.map.notes).toHaveLength(7);

    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    const phases = new Set<ImportProgress['phase']>();
    const outcome = await importMap(b.workshop, toJsonText(first), {
      onProgress: (p) => phases.add(p.phase),
    });
    expect(outcome).toMatchObject({ status: 'done', created: 7, skipped: 0, mapCreated: true });
    expect([...phases]).toEqual(['reading', 'snapshot', 'map', 'notes', 'saving', 'done']);

    const second = await exportOf(b);
    expect(second.source.boardId).toBe('uXjVBoardB=');
    expect(comparable(second)).toEqual(comparable(first));
    const conflicted = first.map.notes.filter((n) => n.stageConflict);
    expect(conflicted.map((n) => n.text)).toEqual(['Downloads the app']);
    expect(second.map.notes.find((n) => n.text === 'Downloads the app')).toMatchObject({
      stageId: conflicted[0]!.stageId,
      laneId: conflicted[0]!.laneId,
      stageSource: 'tag',
    });
    // Positions changed (free space on another board) but every note kept its stage and lane.
    const stages = (f: JourneyMapFile) =>
      Object.fromEntries(
        f.map.notes.map((n) => [n.importKey, [n.stageId, n.laneId, n.stageSource, n.loose]]),
      );
    expect(stages(second)).toEqual(stages(first));
  });

  it('importing the same file twice does not duplicate; the second says how many were skipped', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    await seedWorkshop(a);
    const text = toJsonText(await exportOf(a));
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');

    expect((await importMap(b.workshop, text)).status).toBe('done');
    const after = await noteCount(b);
    const again = await importMap(b.workshop, text);
    expect(again).toMatchObject({ status: 'already-imported', skipped: 7 });
    expect(await noteCount(b)).toBe(after);
    expect((await loadMaps(b.board)).maps).toHaveLength(1);
  });

  it('importing onto the board the file came from adds nothing', async () => {
    const a = await createFixture(await dbs.open());
    await seedWorkshop(a);
    const before = await noteCount(a);
    const outcome = await importMap(a.workshop, toJsonText(await exportOf(a)));
    expect(outcome).toMatchObject({ status: 'already-imported', skipped: 7 });
    expect(await noteCount(a)).toBe(before);
  });

  it('adds only the missing notes when some were deleted after an import', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    await seedWorkshop(a);
    const text = toJsonText(await exportOf(a));
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    await importMap(b.workshop, text);
    const notes = await b.board.listItems(['note']);
    b.local.human.remove([notes.find((n) => n.text === 'Asks a friend')!.id]);

    const outcome = await importMap(b.workshop, text);
    expect(outcome).toMatchObject({ status: 'done', created: 1, skipped: 6, mapCreated: false });
    const texts = (await b.board.listItems(['note'])).map((n) => n.text);
    expect(texts.filter((t) => t === 'Asks a friend')).toHaveLength(1);
    const file = await exportOf(b);
    const friend = file.map.notes.find((n) => n.text === 'Asks a friend')!;
    expect(friend.stageSource).toBe('position');
    expect(friend.loose).toBe(false);
  });

  it('a cancelled import keeps what it made; importing again completes it without duplicates', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    const { record } = await seedWorkshop(a);
    // Enough notes that a cancel lands while the write queue still has work queued.
    for (let i = 0; i < 40; i += 1) noteInCell(a, record, i % 6, 2, `Extra ${i}`, (i % 3) * 150);
    const text = toJsonText(await exportOf(a));
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    const controller = new AbortController();
    const first = await importMap(b.workshop, text, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'notes' && p.done >= 2) controller.abort();
      },
    });
    expect(first).toMatchObject({ status: 'incomplete', cancelled: true });
    if (first.status !== 'incomplete') return;
    expect(first.created).toBeGreaterThanOrEqual(2);
    expect(first.created).toBeLessThan(47);
    expect(await noteCount(b)).toBe(first.created);

    const second = await importMap(b.workshop, text);
    expect(second).toMatchObject({ status: 'done', mapCreated: false });
    if (second.status !== 'done') return;
    // A note the cancel caught between its create and its frame.add is replaced in the frame.
    expect(second.skipped).toBeLessThanOrEqual(first.created);
    expect(second.skipped + second.created).toBe(47);
    expect(await noteCount(b)).toBe(47);
    const [map] = (await loadMaps(b.board)).maps;
    const frame = map!.geometry.frame;
    const inFrame = (await b.board.listItems(['note'])).filter(
      (n) => n.rect.x >= frame.x && n.rect.x + n.rect.w <= frame.x + frame.w,
    );
    expect(inFrame.length).toBeGreaterThan(0);
    expect(inFrame.filter((n) => n.parentId !== map!.itemIds.frame)).toEqual([]);
  });

  it('refuses a map this board cannot hold, naming why, and writes nothing', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    await seedWorkshop(a);
    const file = await exportOf(a);
    file.map.stages[0]!.name = 'S'.repeat(130);
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    const outcome = await importMap(b.workshop, toJsonText(file));
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused')
      expect(outcome.message).toMatch(/Stage 1 name is 130 characters/);
    expect(await b.board.listItems()).toHaveLength(0);
  });

  it.each([
    ['not JSON', '{"format": "touchpoint.journey-map", ', /not valid JSON/],
    [
      'another kind of file',
      '{"type": "excalidraw", "version": 2}',
      /not a Touchpoint journey map/,
    ],
    [
      'a newer version',
      JSON.stringify({ format: 'touchpoint.journey-map', version: 99, map: {} }),
      /newer Touchpoint \(format v99\)/,
    ],
    [
      'a hostile field',
      JSON.stringify({
        format: 'touchpoint.journey-map',
        version: 1,
        map: { id: 'm', title: 'x', stages: 'lots', lanes: [], notes: [] },
      }),
      /stages/,
    ],
  ])('refuses %s with a clear message and writes nothing', async (_what, text, message) => {
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    const outcome = await importMap(b.workshop, text);
    expect(outcome.status).toBe('invalid');
    if (outcome.status === 'invalid') expect(outcome.message).toMatch(message);
    expect(await b.board.listItems()).toHaveLength(0);
    expect(await b.board.shared(MAP_COLLECTION).get('maps')).toBeUndefined();
    expect(await b.board.shared(MAP_COLLECTION).get('imports')).toBeUndefined();
    const history = await listSnapshots(b.workshop);
    expect(history.ok && history.value).toEqual([]);
  });

  it('takes an automatic snapshot before importing, and adds into a map of the same id', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    await seedWorkshop(a);
    const text = toJsonText(await exportOf(a));
    // b made its map with the same id factory, so the file's map id is already on b.
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    await seedWorkshop(b);
    const outcome = await importMap(b.workshop, text);
    expect(outcome).toMatchObject({ status: 'done', mapCreated: false, created: 7, skipped: 0 });
    const history = await listSnapshots(b.workshop);
    expect(history.ok && history.value.map((s) => [s.kind, s.reason, s.noteCount])).toEqual([
      ['auto', 'before importing “Customer journey map”', 6],
    ]);
    expect((await exportOf(b)).map.notes.filter((n) => !n.loose)).toHaveLength(10);
  });

  it('a full disk stops the import before the board changes, with the storage message', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    await seedWorkshop(a);
    const text = toJsonText(await exportOf(a));
    const b = await createFixture(await dbs.open(), 'uXjVBoardB=');
    await seedWorkshop(b);
    const before = await b.board.listItems();
    const quota = simulateQuotaExceeded();
    try {
      // Into the map of the same id on this board: its automatic snapshot cannot be saved.
      const outcome = await importMap(b.workshop, text);
      expect(outcome.status).toBe('stopped');
      if (outcome.status === 'stopped') expect(outcome.message).toMatch(/storage is full/);
    } finally {
      quota.restore();
    }
    expect(await b.board.listItems()).toHaveLength(before.length);
  });

  it('goes ahead without history when IndexedDB is unavailable, and says so', async () => {
    const a = await createFixture(await dbs.open(), 'uXjVBoardA=');
    await seedWorkshop(a);
    const b = await createFixture(null, 'uXjVBoardB=');
    const outcome = await importMap(b.workshop, toJsonText(await exportOf(a)));
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done')
      expect(outcome.snapshot).toMatchObject({
        status: 'unavailable',
        message: expect.stringMatching(/private mode/),
      });
  });
});
