import { describe, expect, it } from 'vitest';
import { createLocalBoard } from './local-board';
import { withoutTag } from './tags';

const user = { id: 'u1', name: 'Alex' };

describe('tags', () => {
  it('creates tags in the 13 colours and rejects others', async () => {
    const sdk = createLocalBoard().connect(user).board;
    const tag = await sdk.createTag({ title: 'Stage · Awareness', color: 'dark_gray' });
    expect(tag).toMatchObject({ type: 'tag', title: 'Stage · Awareness', color: 'dark_gray' });
    await expect(sdk.createTag({ title: 'x', color: 'orange' as 'red' })).rejects.toThrow(
      /expected one of: red, magenta/,
    );
  });

  it('keeps titles unique per board, case-sensitively', async () => {
    const sdk = createLocalBoard().connect(user).board;
    await sdk.createTag({ title: 'Pain' });
    await expect(sdk.createTag({ title: 'Pain' })).rejects.toThrow(/already exists/);
    await expect(sdk.createTag({ title: 'pain' })).resolves.toMatchObject({ title: 'pain' });
  });

  it('limits titles to 120 characters', async () => {
    const sdk = createLocalBoard().connect(user).board;
    await expect(sdk.createTag({ title: 'x'.repeat(121) })).rejects.toThrow(/120/);
    await expect(sdk.createTag({ title: 'x'.repeat(120) })).resolves.toBeDefined();
  });

  it('allows at most 100 tags per board', async () => {
    const sdk = createLocalBoard().connect(user).board;
    for (let i = 0; i < 100; i += 1) await sdk.createTag({ title: `Tag ${i}` });
    await expect(sdk.createTag({ title: 'one more' })).rejects.toThrow(/at most 100 tags/);
  });

  it('renames through sync(), still unique', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(user).board;
    const a = await sdk.createTag({ title: 'Stage · Buy' });
    await sdk.createTag({ title: 'Stage · Purchase' });
    a.title = 'Stage · Purchase';
    await expect(a.sync()).rejects.toThrow(/already exists/);
    a.title = 'Stage · Checkout';
    await a.sync();
    expect(board.tags().map((t) => t.title)).toContain('Stage · Checkout');
  });

  it('removing a tag takes it off every note', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(user).board;
    const tag = await sdk.createTag({ title: 'Stage · Onboarding' });
    const note = await sdk.createStickyNote({ tagIds: [tag.id] });
    await sdk.remove(tag);
    expect(board.tags()).toEqual([]);
    expect(board.item(note.id)).toMatchObject({ tagIds: [] });
  });

  it('rejects a tag id that does not exist', async () => {
    const sdk = createLocalBoard().connect(user).board;
    await expect(sdk.createStickyNote({ tagIds: ['nope'] })).rejects.toThrow(/does not exist/);
  });
});

describe('withoutTag', () => {
  it('gives back the notes that carried the tag, without it', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(user).board;
    const [t1, t2] = [await sdk.createTag({ title: 'a' }), await sdk.createTag({ title: 'b' })];
    await sdk.createStickyNote({ tagIds: [t1.id, t2.id] });
    await sdk.createStickyNote({ tagIds: [t2.id] });
    await sdk.createShape();
    const [n1] = board.items();
    expect(withoutTag(board.items(), t1.id)).toEqual([{ ...n1, tagIds: [t2.id] }]);
    expect(withoutTag(board.items(), t2.id).map((n) => n.tagIds)).toEqual([[t1.id], []]);
  });
});
