import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPlaygroundBoard,
  FACILITATOR,
  type PlaygroundBoard,
} from '../../../test/fakes/playground-board';
import type { Board, WriteOp } from '../../board/port';
import { stageTagTitle } from '../../domain/journey/map-spec';
import type { MapRecord } from '../../domain/journey/map-record';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createJournalStore } from '../../storage';
import { createTestDatabases } from '../../storage/testing/open-test-db';
import { createMap } from '../map/create-map';
import { createStagesSession, type StagesSession } from './stages-session';
import type { StageMapView, StageViewState } from './stage-view';

const ids = () => {
  let n = 0;
  return () => `k${(n++).toString(36)}`;
};

const sessions: StagesSession[] = [];
let databases = createTestDatabases();
beforeEach(() => {
  databases = createTestDatabases();
});
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
  databases.closeAll();
});

/** Counts `apply` calls and keeps their ops, around the real adapter. */
function recording(board: Board) {
  const batches: WriteOp[][] = [];
  const wrapped: Board = {
    ...board,
    platform: board.platform,
    apply: (ops, options) => {
      batches.push([...ops]);
      return board.apply(ops, options);
    },
  };
  return { board: wrapped, batches };
}

async function boardWithMap(): Promise<PlaygroundBoard & { record: MapRecord }> {
  const playground = createPlaygroundBoard();
  const outcome = await createMap(
    playground.board,
    createSpecFromPreset(findPreset('classic')!, ids()),
  );
  if (outcome.status !== 'done') throw new Error(`map not created: ${outcome.status}`);
  return { ...playground, record: outcome.record };
}

/** Centre of the cell (stage index, lane index) of the map, in absolute board coordinates. */
function cellCentre(record: MapRecord, stage: number, lane: number) {
  const column = record.geometry.columns[stage]!;
  const row = record.geometry.rows[lane]!;
  return { x: column.x + column.w / 2, y: row.y + row.h / 2 };
}

function open(board: Board, db: Parameters<typeof createStagesSession>[1]['db'] = null) {
  const session = createStagesSession(board, { boardId: 'board-1', db });
  sessions.push(session);
  return session;
}

/** Resolves with the first state that satisfies `check` (now or after later changes). */
function until(
  session: StagesSession,
  check: (state: Extract<StageViewState, { status: 'ready' }>) => boolean,
): Promise<Extract<StageViewState, { status: 'ready' }>> {
  return new Promise((resolve) => {
    const test = (state: StageViewState): boolean => {
      if (state.status === 'ready' && check(state)) {
        resolve(state);
        return true;
      }
      return false;
    };
    if (test(session.view.state())) return;
    const off = session.view.subscribe((state) => {
      if (test(state)) off();
    });
  });
}

const onlyMap = (state: Extract<StageViewState, { status: 'ready' }>): StageMapView =>
  state.maps[0]!;
const count = (map: StageMapView, stageIndex: number) => map.summary.perStage[stageIndex]!.count;
const tagId = (pg: PlaygroundBoard, title: string) =>
  pg.local.tags().find((t) => t.title === title)!.id;
const titlesOf = (pg: PlaygroundBoard, noteId: string): string[] => {
  const item = pg.local.item(noteId);
  if (item?.type !== 'sticky_note') throw new Error('not a note');
  return item.tagIds.map((id) => pg.local.tags().find((t) => t.id === id)!.title).sort();
};

describe('the live stage view', () => {
  it('follows people adding, tagging, moving and deleting notes, without reading the board again', async () => {
    const pg = await boardWithMap();
    const session = open(pg.board);
    await until(session, (s) => s.maps.length === 1);
    const listItems = vi.spyOn(pg.board, 'listItems');

    const at = cellCentre(pg.record, 1, 0);
    const note = pg.local.human.addNote({ ...at, content: 'Compares fees', by: FACILITATOR.id });
    let map = onlyMap(await until(session, (s) => count(onlyMap(s), 1) === 1));
    expect(map.summary.untaggedInMap).toEqual([note.id]);
    expect(map.summary.perStage[1]!.byPosition).toBe(1);

    pg.local.human.toggleTag(note.id, tagId(pg, stageTagTitle('Awareness')));
    map = onlyMap(await until(session, (s) => count(onlyMap(s), 0) === 1));
    expect(count(map, 1)).toBe(0);
    expect(map.summary.untaggedInMap).toEqual([]);
    expect(map.summary.conflicts).toEqual([
      expect.objectContaining({ itemId: note.id, conflict: 'tag-disagrees-with-position' }),
    ]);

    const awareness = cellCentre(pg.record, 0, 2);
    pg.local.human.move(note.id, awareness.x, awareness.y);
    map = onlyMap(await until(session, (s) => onlyMap(s).summary.conflicts.length === 0));
    expect(count(map, 0)).toBe(1);

    pg.local.human.remove([note.id]);
    map = onlyMap(await until(session, (s) => count(onlyMap(s), 0) === 0));
    expect(map.summary.notesInMap).toBe(0);
    expect(listItems).not.toHaveBeenCalled();
  });

  it('keeps notes in their cells when someone drags the whole map', async () => {
    const pg = await boardWithMap();
    const at = cellCentre(pg.record, 2, 1);
    pg.local.human.addNote({ ...at, by: FACILITATOR.id });
    const session = open(pg.board);
    await until(session, (s) => count(onlyMap(s), 2) === 1);
    const frameId = pg.record.itemIds['frame']!;
    const frame = pg.local.absoluteRect(frameId);
    pg.local.human.move(frameId, frame.x + frame.width / 2 + 5000, frame.y + frame.height / 2);
    const state = await until(
      session,
      (s) => onlyMap(s).placed.frameRect.x === pg.record.geometry.frame.x + 5000,
    );
    expect(count(onlyMap(state), 2)).toBe(1);
    expect(onlyMap(state).summary.untaggedInMap).toHaveLength(1);
  });

  it('follows this user’s selection of notes', async () => {
    const pg = await boardWithMap();
    const a = pg.local.human.addNote({ ...cellCentre(pg.record, 0, 0), by: FACILITATOR.id });
    const b = pg.local.human.addNote({ ...cellCentre(pg.record, 1, 0), by: FACILITATOR.id });
    const session = open(pg.board);
    await until(session, (s) => s.maps.length === 1);
    pg.local.human.select([a.id, b.id, pg.record.itemIds['frame']!], FACILITATOR.id);
    const state = await until(session, (s) => s.selectedNoteIds.length === 2);
    expect(state.selectedNoteIds.sort()).toEqual([a.id, b.id].sort());
  });
});

describe('tagSelection', () => {
  it('gives the selected notes the stage and takes off their other stage tags, in one batch', async () => {
    const pg = await boardWithMap();
    const { board, batches } = recording(pg.board);
    const quickWin = pg.local.human.createTag('Quick win');
    const lower = pg.local.human.createTag('stage · purchase');
    const a = pg.local.human.addNote({ ...cellCentre(pg.record, 0, 0), by: FACILITATOR.id });
    const b = pg.local.human.addNote({ ...cellCentre(pg.record, 1, 1), by: FACILITATOR.id });
    const c = pg.local.human.addNote({ ...cellCentre(pg.record, 2, 2), by: FACILITATOR.id });
    pg.local.human.toggleTag(a.id, tagId(pg, stageTagTitle('Awareness')));
    pg.local.human.toggleTag(a.id, quickWin.id);
    pg.local.human.toggleTag(b.id, lower.id);
    pg.local.human.select([a.id, b.id], FACILITATOR.id);

    const session = open(board);
    await until(session, (s) => s.maps.length === 1);
    const retention = pg.record.spec.stages[4]!;
    const outcome = await session.tagSelection(pg.record.spec.id, retention.id);

    expect(outcome).toMatchObject({ changed: 2, unchanged: 0, failed: [], cancelled: false });
    expect(titlesOf(pg, a.id)).toEqual(['Quick win', 'Stage · Retention']);
    expect(titlesOf(pg, b.id)).toEqual(['Stage · Retention']);
    expect(titlesOf(pg, c.id)).toEqual([]);
    expect(batches).toHaveLength(1);
    const tagOps = batches[0]!.filter((op) => op.op === 'tag');
    expect(tagOps.map((op) => op.op === 'tag' && op.id).sort()).toEqual([a.id, b.id].sort());
    expect(batches[0]![0]).toEqual(
      expect.objectContaining({ op: 'ensureTag', title: 'Stage · Retention' }),
    );

    // The panel's own write shows at once: the board does not echo it back.
    const map = onlyMap(session.view.state() as Extract<StageViewState, { status: 'ready' }>);
    await until(session, (s) => count(onlyMap(s), 4) === 2);
    expect(map.record.spec.id).toBe(pg.record.spec.id);
  });

  it('changes nothing for notes that already carry just that stage', async () => {
    const pg = await boardWithMap();
    const { board, batches } = recording(pg.board);
    const a = pg.local.human.addNote({ ...cellCentre(pg.record, 0, 0), by: FACILITATOR.id });
    pg.local.human.toggleTag(a.id, tagId(pg, stageTagTitle('Awareness')));
    pg.local.human.select([a.id], FACILITATOR.id);
    const session = open(board);
    await until(session, (s) => s.maps.length === 1);
    const outcome = await session.tagSelection(pg.record.spec.id, pg.record.spec.stages[0]!.id);
    expect(outcome).toMatchObject({ changed: 0, unchanged: 1 });
    expect(batches).toHaveLength(0);
  });
});

describe('fixConflict', () => {
  async function conflicted() {
    const pg = await boardWithMap();
    // Sits in Purchase (stage 3), tagged Awareness.
    const note = pg.local.human.addNote({ ...cellCentre(pg.record, 2, 3), by: FACILITATOR.id });
    pg.local.human.toggleTag(note.id, tagId(pg, stageTagTitle('Awareness')));
    const session = open(pg.board);
    await until(session, (s) => onlyMap(s).summary.conflicts.length === 1);
    return { pg, note, session };
  }

  it('“use the position” retags the note with its cell’s stage', async () => {
    const { pg, note, session } = await conflicted();
    await session.fixConflict(pg.record.spec.id, note.id, { use: 'position' });
    expect(titlesOf(pg, note.id)).toEqual(['Stage · Purchase']);
    const state = await until(session, (s) => onlyMap(s).summary.conflicts.length === 0);
    expect(count(onlyMap(state), 2)).toBe(1);
  });

  it('“use the tag” moves the note into its tag’s cell of the same lane', async () => {
    const { pg, note, session } = await conflicted();
    await session.fixConflict(pg.record.spec.id, note.id, { use: 'tag' });
    expect(titlesOf(pg, note.id)).toEqual(['Stage · Awareness']);
    const rect = pg.local.absoluteRect(note.id);
    const column = pg.record.geometry.columns[0]!;
    const row = pg.record.geometry.rows[3]!;
    const centre = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    expect(centre.x).toBeGreaterThanOrEqual(column.x);
    expect(centre.x).toBeLessThan(column.x + column.w);
    expect(centre.y).toBeGreaterThanOrEqual(row.y);
    expect(centre.y).toBeLessThan(row.y + row.h);
    const state = await until(session, (s) => onlyMap(s).summary.conflicts.length === 0);
    expect(count(onlyMap(state), 0)).toBe(1);
  });

  it('keeps the chosen one of two stage tags', async () => {
    const { pg, note, session } = await conflicted();
    pg.local.human.toggleTag(note.id, tagId(pg, stageTagTitle('Retention')));
    await until(
      session,
      (s) => onlyMap(s).summary.conflicts[0]?.conflict === 'multiple-stage-tags',
    );
    const retention = pg.record.spec.stages[4]!.id;
    await session.fixConflict(pg.record.spec.id, note.id, { use: 'tag', stageId: retention });
    expect(titlesOf(pg, note.id)).toEqual(['Stage · Retention']);
  });
});

describe('tagByPosition', () => {
  it('tags only the untagged notes in cells, in one batch with progress, and journals prior tags', async () => {
    const pg = await boardWithMap();
    const { board, batches } = recording(pg.board);
    const quickWin = pg.local.human.createTag('Quick win');
    const untagged = [0, 1, 2].map((s) =>
      pg.local.human.addNote({ ...cellCentre(pg.record, s, s), by: FACILITATOR.id }),
    );
    pg.local.human.toggleTag(untagged[0]!.id, quickWin.id);
    const tagged = pg.local.human.addNote({ ...cellCentre(pg.record, 3, 0), by: FACILITATOR.id });
    pg.local.human.toggleTag(tagged.id, tagId(pg, stageTagTitle('Awareness')));
    const frame = pg.record.geometry.frame;
    const outside = pg.local.human.addNote({
      x: frame.x + frame.w + 600,
      y: frame.y,
      by: FACILITATOR.id,
    });

    const db = await databases.open();
    const session = open(board, db);
    await until(session, (s) => onlyMap(s).summary.notesInMap === 4);
    const progress: number[] = [];
    let total = 0;
    const outcome = await session.tagByPosition(pg.record.spec.id, {
      onProgress: (p) => {
        progress.push(p.done);
        total = p.total;
      },
    });

    expect(outcome).toMatchObject({ status: 'done', tagged: 3, planned: 3, failed: [] });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.filter((op) => op.op === 'tag')).toHaveLength(3);
    expect(progress.at(-1)).toBe(total);
    expect(total).toBe(batches[0]!.length);
    expect(titlesOf(pg, untagged[0]!.id)).toEqual(['Quick win', 'Stage · Awareness']);
    expect(titlesOf(pg, untagged[1]!.id)).toEqual(['Stage · Consideration']);
    expect(titlesOf(pg, untagged[2]!.id)).toEqual(['Stage · Purchase']);
    expect(titlesOf(pg, tagged.id)).toEqual(['Stage · Awareness']);
    expect(titlesOf(pg, outside.id)).toEqual([]);

    const [entry] = await createJournalStore(db).list('board-1');
    expect(entry).toMatchObject({ operation: 'tag-by-position', status: 'applied' });
    const ready = session.view.state();
    if (ready.status !== 'ready') throw new Error(ready.status);
    expect(entry!.entries).toContainEqual({
      id: untagged[0]!.id,
      before: ['Quick win'],
      added: ['Stage · Awareness'],
      mapId: onlyMap(ready).record.spec.id,
    });
    const state = await until(session, (s) => onlyMap(s).summary.untaggedInMap.length === 0);
    expect(onlyMap(state).summary.perStage.map((p) => p.byTag)).toEqual([2, 1, 1, 0, 0, 0]);
  });

  it('undo restores the exact prior tags, from a journal reopened after the panel closed', async () => {
    const pg = await boardWithMap();
    const quickWin = pg.local.human.createTag('Quick win');
    const notes = [0, 1].map((s) =>
      pg.local.human.addNote({ ...cellCentre(pg.record, s, 1), by: FACILITATOR.id }),
    );
    pg.local.human.toggleTag(notes[1]!.id, quickWin.id);
    const before = notes.map((n) => titlesOf(pg, n.id));

    const first = open(pg.board, await databases.open());
    await until(first, (s) => onlyMap(s).summary.untaggedInMap.length === 2);
    await first.tagByPosition(pg.record.spec.id);
    expect(titlesOf(pg, notes[1]!.id)).toEqual(['Quick win', 'Stage · Consideration']);
    first.close();
    databases.closeAll();

    const second = open(pg.board, await databases.open());
    await until(second, (s) => s.maps.length === 1);
    expect(await second.undoStatus()).toMatchObject({ available: true, notes: 2 });
    const outcome = await second.undoTagByPosition();
    expect(outcome).toMatchObject({ status: 'done', restored: 2 });
    expect(notes.map((n) => titlesOf(pg, n.id))).toEqual(before);
    expect(await second.undoStatus()).toEqual({ available: false, reason: null });
    await until(second, (s) => onlyMap(s).summary.untaggedInMap.length === 2);
  });

  it('without storage it still tags, and says why undo is not offered', async () => {
    const pg = await boardWithMap();
    pg.local.human.addNote({ ...cellCentre(pg.record, 0, 0), by: FACILITATOR.id });
    const session = createStagesSession(pg.board, {
      boardId: 'board-1',
      db: null,
      storageProblem: 'This browser is in private mode.',
    });
    sessions.push(session);
    await until(session, (s) => s.maps.length === 1);
    expect(await session.tagByPosition(pg.record.spec.id)).toMatchObject({
      status: 'done',
      tagged: 1,
      journalId: null,
    });
    expect(await session.undoStatus()).toEqual({
      available: false,
      reason: 'This browser is in private mode.',
    });
  });

  it('takes the automatic snapshot first, and writes nothing when it fails', async () => {
    const pg = await boardWithMap();
    const note = pg.local.human.addNote({ ...cellCentre(pg.record, 0, 0), by: FACILITATOR.id });
    const { board, batches } = recording(pg.board);
    const db = await databases.open();
    const beforeBulkChange = vi.fn(async () => {
      throw new Error('The disk is full.');
    });
    const session = createStagesSession(board, { boardId: 'board-1', db, beforeBulkChange });
    sessions.push(session);
    await until(session, (s) => s.maps.length === 1);
    const outcome = await session.tagByPosition(pg.record.spec.id);
    expect(outcome).toEqual({
      status: 'refused',
      message: expect.stringContaining('The disk is full.'),
    });
    expect(beforeBulkChange).toHaveBeenCalledWith(
      expect.objectContaining({ mapId: pg.record.spec.id, noteIds: [note.id] }),
    );
    expect(batches).toHaveLength(0);
    expect(await createJournalStore(db).list('board-1')).toEqual([]);
  });

  it('says there is nothing to do when every note in a cell is tagged', async () => {
    const pg = await boardWithMap();
    const session = open(pg.board);
    await until(session, (s) => s.maps.length === 1);
    expect(await session.tagByPosition(pg.record.spec.id)).toEqual({ status: 'nothing-to-do' });
  });
});

describe('a cancelled tag by position', () => {
  it('stops, reads the board to show what was written, and undo still reverts it', async () => {
    const pg = await boardWithMap();
    const notes = Array.from({ length: 30 }, (_, i) =>
      pg.local.human.addNote({ ...cellCentre(pg.record, i % 6, i % 6), by: FACILITATOR.id }),
    );
    const session = open(pg.board, await databases.open());
    await until(session, (s) => onlyMap(s).summary.untaggedInMap.length === 30);
    const controller = new AbortController();
    // Stopped once ten notes carry their tag on the board (a tag counts as done in the panel's
    // progress only once it is checked, a little later).
    const stop = pg.local.subscribe(() => {
      if (notes.filter((n) => titlesOf(pg, n.id).length > 0).length >= 10) controller.abort();
    });
    const outcome = await session.tagByPosition(pg.record.spec.id, { signal: controller.signal });
    stop();
    expect(outcome.status).toBe('cancelled');
    const written = notes.filter((n) => titlesOf(pg, n.id).length > 0).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(30);
    // The view read the board again, so it shows exactly what was written.
    await until(session, (s) => onlyMap(s).summary.untaggedInMap.length === 30 - written);

    expect(await session.undoStatus()).toMatchObject({ available: true, notes: 30 });
    expect(await session.undoTagByPosition()).toMatchObject({
      status: 'done',
      restored: written,
    });
    expect(notes.every((n) => titlesOf(pg, n.id).length === 0)).toBe(true);
    await until(session, (s) => onlyMap(s).summary.untaggedInMap.length === 30);
  });
});
