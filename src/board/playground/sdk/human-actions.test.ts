import { describe, expect, it } from 'vitest';
import type { SdkItemsEvent } from '../../miro/sdk';
import { createLocalBoard } from './local-board';

const alex = { id: 'u-alex', name: 'Alex' };
const sam = { id: 'u-sam', name: 'Sam' };

async function boardWithFrame() {
  const board = createLocalBoard();
  const miro = board.connect(alex);
  const frame = await miro.board.createFrame({
    title: 'Map',
    x: 0,
    y: 0,
    width: 1000,
    height: 800,
  });
  return { board, miro, frame };
}

describe('human actions', () => {
  it('addNote inside a frame makes it a child with relative coordinates', async () => {
    const { board, frame } = await boardWithFrame();
    const note = board.human.addNote({
      x: 100,
      y: 100,
      content: 'Card took 3 weeks',
      color: 'orange',
      by: sam.id,
    });
    expect(note).toMatchObject({
      parentId: frame.id,
      x: 600,
      y: 500,
      fillColor: 'orange',
      createdBy: sam.id,
    });
    expect(note.content).toBe('<p>Card took 3 weeks</p>');
    expect(board.item(frame.id)).toMatchObject({ childrenIds: [note.id] });
  });

  it('move joins and leaves frames by where the note lands, with one update event', async () => {
    const { board, miro, frame } = await boardWithFrame();
    const updates: SdkItemsEvent[] = [];
    miro.board.ui.on('experimental:items:update', (e) => updates.push(e));
    const note = board.human.addNote({ x: 2000, y: 0, by: sam.id });
    board.human.move(note.id, 0, 0);
    expect(board.item(note.id)).toMatchObject({ parentId: frame.id, x: 500, y: 400 });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.items[0]).toMatchObject({ id: note.id, x: 500, y: 400, parentId: frame.id });
    board.human.move(note.id, 3000, 10);
    expect(board.item(note.id)).toMatchObject({ parentId: null, x: 3000, y: 10 });
    expect(board.item(frame.id)).toMatchObject({ childrenIds: [] });
  });

  it('toggleTag adds and removes, and refuses a ninth tag', async () => {
    const { board } = await boardWithFrame();
    const note = board.human.addNote({ x: 5000, y: 0, by: sam.id });
    const tags = Array.from({ length: 9 }, (_, i) => board.human.createTag(`Theme ${i}`));
    for (const tag of tags.slice(0, 8)) board.human.toggleTag(note.id, tag.id);
    expect(board.item(note.id)).toMatchObject({ tagIds: tags.slice(0, 8).map((t) => t.id) });
    const ninth = tags[8];
    if (!ninth) throw new Error('setup');
    expect(() => board.human.toggleTag(note.id, ninth.id)).toThrow(/at most 8 tags/);
    const first = tags[0];
    if (!first) throw new Error('setup');
    board.human.toggleTag(note.id, first.id);
    expect(board.item(note.id)).toMatchObject({ tagIds: tags.slice(1, 8).map((t) => t.id) });
  });

  it('setColor accepts only the 16 sticky colours', async () => {
    const { board } = await boardWithFrame();
    const note = board.human.addNote({ x: 5000, y: 0, by: sam.id });
    board.human.setColor(note.id, 'dark_blue');
    expect(board.item(note.id)).toMatchObject({ fillColor: 'dark_blue' });
    expect(() => board.human.setColor(note.id, 'navy' as 'blue')).toThrow(/fillColor|color/);
  });

  it('select sends selection:update to that user only', async () => {
    const { board, miro } = await boardWithFrame();
    const samSdk = board.connect(sam);
    const alexSeen: SdkItemsEvent[] = [];
    const samSeen: SdkItemsEvent[] = [];
    miro.board.ui.on('selection:update', (e) => alexSeen.push(e));
    samSdk.board.ui.on('selection:update', (e) => samSeen.push(e));
    const note = board.human.addNote({ x: 5000, y: 0, by: sam.id });
    board.human.select([note.id], sam.id);
    expect(samSeen[0]?.items.map((i) => i.id)).toEqual([note.id]);
    expect(alexSeen).toHaveLength(0);
    expect(board.selection(sam.id)).toEqual([note.id]);
  });

  it('remove drops the items from selections and tells every SDK', async () => {
    const { board, miro } = await boardWithFrame();
    const deleted: SdkItemsEvent[] = [];
    miro.board.ui.on('items:delete', (e) => deleted.push(e));
    const note = board.human.addNote({ x: 5000, y: 0, by: alex.id });
    board.human.select([note.id], alex.id);
    board.human.remove([note.id]);
    expect(board.selection(alex.id)).toEqual([]);
    expect(deleted[0]?.items[0]?.id).toBe(note.id);
  });
});
