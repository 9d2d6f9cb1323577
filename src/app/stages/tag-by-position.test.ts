import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { boardLines } from '../../../test/app/fault-matrix';
import { mapWithNotes } from '../../../test/app/matrix-use-cases';
import { withSdkFaults } from '../../../test/fakes/faults';
import { FACILITATOR } from '../../../test/fakes/playground-board';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { LocalBoard } from '../../board/playground/sdk/local-board-types';
import { createWriteQueue, MIRO_QUEUE_OPTIONS } from '../../board/write-queue';
import { createStageContext } from '../../domain/stages/decide-stage';
import { createJournalStore } from '../../storage';
import { createTestDatabases } from '../../storage/testing/open-test-db';
import { loadPlacedMaps } from '../map/load-placed-maps';
import { findTagByPositionUndo, tagByPosition, undoTagByPosition } from './tag-by-position';

const panel = (local: LocalBoard, fail?: number) =>
  createMiroBoard(
    withSdkFaults(
      local.connect(FACILITATOR),
      fail === undefined ? null : { kind: 'fail', at: fail },
    ).sdk,
    {
      platform: 'playground',
      queue: createWriteQueue({ ...MIRO_QUEUE_OPTIONS, sleep: () => Promise.resolve() }),
    },
  );

async function tagged() {
  const local = createLocalBoard();
  await mapWithNotes(panel(local));
  const before = boardLines(local);
  const journal = createJournalStore(await createTestDatabases().open());
  const board = panel(local);
  const [placed] = await loadPlacedMaps(board);
  const outcome = await tagByPosition(
    board,
    createStageContext(placed!),
    await board.listItems(['note']),
    { boardId: 'b', journal },
  );
  expect(outcome).toMatchObject({ status: 'done', tagged: 7 });
  return { local, before, journal };
}

describe('undo of tag by position', () => {
  it('an undo that fails partway says so and stays available for the rest', async () => {
    const { local, before, journal } = await tagged();
    const first = await undoTagByPosition(panel(local, 2), journal, 'b');
    expect(first).toMatchObject({ status: 'partial' });
    if (first.status !== 'partial') return;
    expect(first.failed).toHaveLength(1);
    expect(first.restored).toBe(6);
    expect(boardLines(local)).not.toEqual(before);
    expect(await findTagByPositionUndo(journal, 'b')).toBeDefined();

    const second = await undoTagByPosition(panel(local), journal, 'b');
    expect(second).toMatchObject({ status: 'done', failed: [] });
    expect(boardLines(local)).toEqual(before);
    expect(await findTagByPositionUndo(journal, 'b')).toBeUndefined();
  });

  it('a damaged journal row blocks only its own undo, with a clear message, changing nothing', async () => {
    const { local, journal } = await tagged();
    await journal.record({ boardId: 'b', operation: 'tag-by-position', entries: [{ id: 7 }] });
    const after = boardLines(local);
    const outcome = await undoTagByPosition(panel(local), journal, 'b');
    expect(outcome).toMatchObject({ status: 'blocked' });
    if (outcome.status === 'blocked') expect(outcome.message).toMatch(/damaged.*left as they are/);
    expect(boardLines(local)).toEqual(after);
  });
});
