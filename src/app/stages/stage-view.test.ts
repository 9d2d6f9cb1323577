import { describe, expect, it } from 'vitest';
import { createPlaygroundBoard, FACILITATOR } from '../../../test/fakes/playground-board';
import type { Board } from '../../board/port';
import { createStageView, type StageView } from './stage-view';

const tick = (ms = 20) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A playground board whose item reads can be held and failed. */
function setup() {
  const { local, board: real } = createPlaygroundBoard();
  const reads = { hold: null as Promise<void> | null, fail: null as string | null };
  const board: Board = {
    ...real,
    platform: real.platform,
    listItems: async (kinds) => {
      if (reads.hold) await reads.hold;
      if (reads.fail) throw new Error(reads.fail);
      return real.listItems(kinds);
    },
  };
  return { local, board, reads };
}

const ready = (view: StageView): Promise<void> =>
  new Promise((resolve) => {
    if (view.state().status === 'ready') return resolve();
    const stop = view.subscribe((state) => {
      if (state.status !== 'ready') return;
      stop();
      resolve();
    });
  });

describe('createStageView', () => {
  it('keeps what people did during a read that failed, and a later read does not undo it', async () => {
    const { local, board, reads } = setup();
    const note = local.human.addNote({ x: 0, y: 0, content: 'Slow checkout', by: FACILITATOR.id });
    const view = createStageView(board);
    await ready(view);

    let release!: () => void;
    reads.hold = new Promise<void>((resolve) => (release = resolve));
    reads.fail = 'board offline';
    const refreshed = view.refresh();
    local.human.move(note.id, 500, 300);
    await tick();
    reads.hold = null;
    release();
    await refreshed;
    expect(view.item(note.id)?.rect.x).toBe(local.absoluteRect(note.id).x);

    reads.fail = null;
    local.human.move(note.id, 900, 300);
    await tick();
    await view.refresh();
    expect(view.item(note.id)?.rect.x).toBe(local.absoluteRect(note.id).x);
    view.close();
  });
});
