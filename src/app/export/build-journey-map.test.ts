import { describe, expect, it } from 'vitest';
import { FACILITATOR } from '../../../test/fakes/playground-board';
import { restore } from '../../domain/export/restore';
import { saveAction } from '../actions/action-store';
import { saveAppliedGroups } from '../grouping/applied-groups';
import { createMap } from '../map/create-map';
import { buildJourneyMap } from './build-journey-map';
import { addClassicMap, createFixture, noteInCell, seedWorkshop } from './testing/export-fixture';
import { toDownloads, toFilenamePart } from '../../domain/export/to-downloads';

describe('buildJourneyMap', () => {
  it('says there is no map yet on a board without one', async () => {
    const fx = await createFixture(null);
    const built = await buildJourneyMap(fx.workshop, { includeAuthors: false });
    expect(built).toMatchObject({ ok: false, reason: 'no-map' });
    if (!built.ok) expect(built.message).toMatch(/Create one in the Map tab/);
  });

  it('builds the current (v2) file: source, stages by tag and position, loose notes, versions', async () => {
    const fx = await createFixture(null);
    const { spec } = await seedWorkshop(fx);
    const built = await buildJourneyMap(fx.workshop, {
      includeAuthors: false,
      includeLoose: true,
      now: () => new Date('2026-11-22T18:30:00Z'),
    });
    if (!built.ok) throw new Error(built.message);
    const { file } = built;
    expect(file).toMatchObject({
      format: 'touchpoint.journey-map',
      version: 2,
      exportedAt: '2026-11-22T18:30:00.000Z',
      source: {
        platform: 'playground',
        boardId: 'uXjVBoardA=',
        boardName: 'Miro board uXjVBoardA=',
      },
    });
    expect(file.source.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    const byText = new Map(file.map.notes.map((n) => [n.text, n]));
    expect(byText.get('Asks a friend')).toMatchObject({
      stageId: spec.stages[0]!.id,
      laneId: spec.lanes[0]!.id,
      stageSource: 'position',
      loose: false,
    });
    expect(byText.get('Downloads the app')).toMatchObject({
      stageId: spec.stages[2]!.id,
      stageSource: 'tag',
      stageConflict: 'tag-disagrees-with-position',
    });
    expect(byText.get('Support quote: "took 3 days"')).toMatchObject({
      loose: true,
      stageId: spec.stages[0]!.id,
      laneId: null,
    });
    expect(byText.get('Parking lot: ask legal')).toMatchObject({ loose: true, color: 'orange' });
    expect(file.map.notes.every((n) => n.importKey === `uXjVBoardA=:${n.id}`)).toBe(true);
  });

  it('names authors only when the facilitator allows it for this export', async () => {
    const fx = await createFixture(null);
    await seedWorkshop(fx);
    const authors = async (_b: unknown, notes: readonly { id: string }[]) =>
      Object.fromEntries(notes.map((n) => [n.id, FACILITATOR.name]));
    const without = await buildJourneyMap(fx.workshop, { includeAuthors: false, authors });
    const withAuthors = await buildJourneyMap(fx.workshop, { includeAuthors: true, authors });
    if (!without.ok || !withAuthors.ok) throw new Error('no map');
    expect(without.file.map.notes.some((n) => 'author' in n)).toBe(false);
    expect(withAuthors.file.map.notes.every((n) => n.author === FACILITATOR.name)).toBe(true);
  });

  it('names the real author of each note, read from the board, when allowed', async () => {
    const fx = await createFixture(null);
    await seedWorkshop(fx);
    const built = await buildJourneyMap(fx.workshop, { includeAuthors: true });
    if (!built.ok) throw new Error(built.message);
    const named = built.file.map.notes.filter((n) => n.author !== undefined);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((n) => n.author === FACILITATOR.name)).toBe(true);
  });

  it('carries the applied clusters and the action plan from their tabs', async () => {
    const fx = await createFixture(null);
    const { spec } = await seedWorkshop(fx);
    const notes = await fx.board.listItems(['note']);
    const friend = notes.find((n) => n.text === 'Asks a friend')!;
    const ad = notes.find((n) => n.text === 'Sees an ad on the Tube')!;
    await saveAppliedGroups(fx.board, spec.id, {
      version: 1,
      mapId: spec.id,
      appliedAt: '2026-11-22T10:00:00.000Z',
      clusters: [
        { id: 'c1', label: 'Word of mouth', keywords: ['friend'], memberIds: [friend.id, ad.id] },
      ],
    });
    await saveAction(fx.board, {
      id: 'a1',
      title: 'Referral page',
      ownerTeam: 'marketing',
      dueDate: '2026-12-15',
      impact: 4,
      feasibility: 3,
      status: 'todo',
      sourceItemIds: [friend.id],
      createdAt: '2026-11-22T10:00:00.000Z',
    });
    const built = await buildJourneyMap(fx.workshop, { includeAuthors: false });
    if (!built.ok) throw new Error(built.message);
    expect(built.warnings).toEqual([]);
    expect(built.file.map.clusters).toEqual([
      { id: 'c1', label: 'Word of mouth', keywords: ['friend'], memberIds: [friend.id, ad.id] },
    ]);
    expect(built.file.map.notes.find((n) => n.id === friend.id)!.clusterId).toBe('c1');
    expect(built.file.map.actions.map((a) => a.title)).toEqual(['Referral page']);
    expect(restore(JSON.parse(JSON.stringify(built.file))).ok).toBe(true);
  });

  it('with two maps, a map’s export leaves out the notes inside the other map', async () => {
    const fx = await createFixture(null);
    const { record } = await addClassicMap(fx);
    const second = await createMap(fx.board, {
      id: 'second',
      title: 'Support journey',
      presetId: 'blank',
      persona: null,
      stages: [{ id: 's1', name: 'Contact' }],
      lanes: [{ id: 'l1', name: 'Actions', kind: 'actions' }],
    });
    if (second.status !== 'done') throw new Error(second.status);
    noteInCell(fx, record, 0, 0, 'In the first map');
    const col = second.record.geometry.columns[0]!;
    const row = second.record.geometry.rows[0]!;
    fx.local.human.addNote({ x: col.x + 100, y: row.y + 100, content: 'In the second', by: 'u' });

    const first = await buildJourneyMap(fx.workshop, { includeAuthors: false });
    const other = await buildJourneyMap(fx.workshop, { includeAuthors: false, mapId: 'second' });
    if (!first.ok || !other.ok) throw new Error('no map');
    expect(first.file.map.notes.map((n) => n.text)).toEqual(['In the first map']);
    expect(other.file.map.notes.map((n) => n.text)).toEqual(['In the second']);
    expect(other.file.map.notes[0]).toMatchObject({ stageId: 's1', laneId: 'l1' });
  });
});

describe('toDownloads', () => {
  it('names files <board>-<map>-<date> and gives JSON, CSV with BOM, Markdown', async () => {
    const fx = await createFixture(null);
    await seedWorkshop(fx);
    const built = await buildJourneyMap(fx.workshop, {
      includeAuthors: false,
      now: () => new Date('2026-11-22T23:59:00Z'),
    });
    if (!built.ok) throw new Error(built.message);
    const d = toDownloads(built.file);
    expect(d.json.filename).toBe('miro-board-uxjvboarda-customer-journey-map-2026-11-22.json');
    expect(d.csv.filename).toMatch(/\.csv$/);
    expect(d.markdown.filename).toMatch(/\.md$/);
    expect(JSON.parse(d.json.text)).toEqual(built.file);
    expect(d.csv.text.startsWith('\uFEFFMap,Stage,Lane,Text')).toBe(true);
    expect(d.markdown.text).toMatch(/^# /);
  });

  it('keeps letters of any script in filenames and drops the rest', () => {
    expect(toFilenamePart('Équipe Café: Q3 / 2026!', 'x')).toBe('equipe-cafe-q3-2026');
    expect(toFilenamePart('顧客ジャーニー', 'x')).toBe('顧客ジャーニー');
    expect(toFilenamePart('***', 'map')).toBe('map');
    expect(toFilenamePart('a'.repeat(60), 'x')).toHaveLength(40);
  });
});
