import { describe, expect, it } from 'vitest';
import { createPlaygroundBoard, FACILITATOR } from '../../../test/fakes/playground-board';
import type { Board, WriteOp } from '../../board/port';
import { createStageView, type StageView } from './stage-view';

const tick = (ms = 20) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const ready = (view: StageView): Promise<void> =>
  new Promise((resolve) => {
    if (view.state().status === 'ready') return resolve();
    const stop = view.subscribe((state) => {
      if (state.status !== 'ready') return;
      stop();
      resolve();
    });
  });

/**
 * A ready view of a playground board with one note, whose item reads can be held (with what they
 * read) and failed: `holdReads` holds the next ones until its `release`.
 */
async function setup() {
  const { local, board: real } = createPlaygroundBoard();
  const reads = { hold: null as Promise<void> | null, fail: null as string | null };
  const board: Board = {
    ...real,
    platform: real.platform,
    listItems: async (kinds) => {
      const list = await real.listItems(kinds);
      if (reads.hold) await reads.hold;
      if (reads.fail) throw new Error(reads.fail);
      return list;
    },
  };
  const note = local.human.addNote({ x: 0, y: 0, content: 'Slow checkout', by: FACILITATOR.id });
  const view = createStageView(board);
  await ready(view);
  const holdReads = () => {
    let release!: () => void;
    reads.hold = new Promise<void>((resolve) => (release = resolve));
    return () => {
      reads.hold = null;
      release();
    };
  };
  /** Where the view has the note, and where the board has it. */
  const noteX = () => [view.item(note.id)?.rect.x, local.absoluteRect(note.id).x];
  return { local, board, reads, note, view, holdReads, noteX };
}

describe('createStageView', () => {
  it('keeps what people did during a read that failed, and a later read does not undo it', async () => {
    const { local, reads, note, view, holdReads, noteX } = await setup();
    const release = holdReads();
    reads.fail = 'board offline';
    const refreshed = view.refresh();
    local.human.move(note.id, 500, 300);
    await tick();
    release();
    await refreshed;
    expect(noteX()).toEqual([400.5, 400.5]);

    reads.fail = null;
    local.human.move(note.id, 900, 300);
    await tick();
    await view.refresh();
    expect(noteX()).toEqual([800.5, 800.5]);
    view.close();
  });

  it('keeps this panel’s own write, reflected during a read that began before it', async () => {
    const { board, note, view, holdReads, noteX } = await setup();
    const release = holdReads();
    const refreshed = view.refresh();
    await tick();
    const ops: WriteOp[] = [{ op: 'update', id: note.id, patch: { rect: { x: 700, y: 300 } } }];
    expect((await board.apply(ops)).failed).toEqual([]);
    view.reflect(ops);
    release();
    await refreshed;
    expect(noteX()).toEqual([700, 700]);
    view.close();
  });
});
