import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { Board, BoardItem } from '../../board/port';
import { watchVoteItems } from './vote-items-watch';

const FAC = { id: 'u-fac', name: 'Fran' };
const tick = (ms = 10) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A local board whose note reads (not its frame reads for the maps) are counted, held or failed. */
function setup() {
  const local = createLocalBoard();
  const real = createMiroBoard(local.connect(FAC), { platform: 'playground' });
  const note = local.human.addNote({ x: 0, y: 0, content: 'Slow checkout', by: FAC.id });
  const reads = { count: 0, hold: null as Promise<void> | null, fail: null as string | null };
  const board: Board = {
    ...real,
    listItems: async (kinds) => {
      if (kinds?.includes('note')) {
        reads.count += 1;
        if (reads.hold) await reads.hold;
        if (reads.fail) throw new Error(reads.fail);
      }
      return real.listItems(kinds);
    },
  };
  const changes = { count: 0, failures: [] as string[] };
  const watch = () =>
    watchVoteItems(board, {
      changed: () => (changes.count += 1),
      failed: (message) => changes.failures.push(message),
    });
  return { local, board, note, reads, changes, watch };
}

describe('watchVoteItems', () => {
  it('reads the notes at once, and once more (not once per call) when asked during a read', async () => {
    const { reads, watch, note } = setup();
    let release!: () => void;
    reads.hold = new Promise<void>((resolve) => (release = resolve));
    const items = watch();
    expect(items.context()).toBeNull();
    const asked = [items.refresh(), items.refresh(), items.refresh()];
    expect(reads.count).toBe(1);
    reads.hold = null;
    release();
    await Promise.all(asked);
    expect(reads.count).toBe(2);
    expect(items.context()?.notes.map((n) => n.id)).toEqual([note.id]);
    items.close();
  });

  it('says why the first read failed; a later failure keeps the notes last read', async () => {
    const { reads, changes, watch, note } = setup();
    reads.fail = 'board offline';
    const items = watch();
    await tick();
    expect(changes.failures).toEqual(['board offline']);
    expect(items.context()).toBeNull();
    reads.fail = null;
    await items.refresh();
    reads.fail = 'board offline again';
    await items.refresh();
    expect(changes.failures).toEqual(['board offline']);
    expect(items.context()?.notes.map((n) => n.id)).toEqual([note.id]);
    items.close();
  });

  it('reads again when the board’s items change, until closed', async () => {
    const { local, reads, watch } = setup();
    const items = watch();
    await items.refresh();
    const before = reads.count;
    local.human.addNote({ x: 300, y: 0, content: 'Hidden fees', by: FAC.id });
    await tick(50);
    expect(reads.count).toBeGreaterThan(before);
    expect(items.context()?.notes).toHaveLength(2);
    items.close();
    const closedAt = reads.count;
    local.human.addNote({ x: 600, y: 0, content: 'No receipt', by: FAC.id });
    await tick(50);
    expect(reads.count).toBe(closedAt);
  });

  it('follows the selected notes, and only notes', async () => {
    const { local, board, note, changes } = setup();
    const frame = { id: 'f1', kind: 'frame' } as BoardItem;
    const items = watchVoteItems(
      { ...board, selection: async () => [frame, { id: note.id, kind: 'note' } as BoardItem] },
      { changed: () => (changes.count += 1), failed: () => undefined },
    );
    await tick();
    expect(items.selectedIds()).toEqual([note.id]);
    const other = local.human.addNote({ x: 300, y: 0, content: 'Hidden fees', by: FAC.id });
    local.human.select([other.id], FAC.id);
    await tick();
    expect(items.selectedIds()).toEqual([other.id]);
    items.close();
  });
});
