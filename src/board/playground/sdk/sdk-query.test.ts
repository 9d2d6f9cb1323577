import { describe, expect, it } from 'vitest';
import { createLocalBoard } from './local-board';
import { matchItems } from './sdk-query';

const user = { id: 'u1', name: 'Alex' };

describe('matchItems', () => {
  it('matches items by type, and notes by tag id or title, never tags', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(user).board;
    const pain = await sdk.createTag({ title: 'Pain' });
    const gain = await sdk.createTag({ title: 'Gain' });
    const a = await sdk.createStickyNote({ tagIds: [pain.id] });
    const b = await sdk.createStickyNote({ tagIds: [gain.id] });
    const frame = await sdk.createFrame();
    const ids = (filter: Parameters<typeof matchItems>[2]) =>
      matchItems(board.items(), board.tags(), filter).map((i) => i.id);
    expect(ids({})).toEqual([a.id, b.id, frame.id]);
    expect(ids({ type: 'frame' })).toEqual([frame.id]);
    expect(ids({ type: ['sticky_note', 'tag'] })).toEqual([a.id, b.id]);
    expect(ids({ tags: 'Pain' })).toEqual([a.id]);
    expect(ids({ tags: [gain.id, 'nothing'] })).toEqual([b.id]);
    expect(ids({ type: 'frame', tags: 'Pain' })).toEqual([]);
  });
});
