import { describe, expect, it } from 'vitest';
import {
  isFrame,
  isStickyNote,
  type MiroSdk,
  type SdkFrame,
  type SdkItemsEvent,
  type SdkStickyNote,
} from '../../miro/sdk';
import { createLocalBoard } from './local-board';
import type { LocalBoardOptions } from './local-board-types';

const alex = { id: 'u-alex', name: 'Alex (facilitator)' };
const sam = { id: 'u-sam', name: 'Sam' };

function setup(options: LocalBoardOptions = {}) {
  const board = createLocalBoard(options);
  const miro = board.connect(alex);
  return { board, miro, sdk: miro.board };
}

function record(sdk: MiroSdk, event: Parameters<MiroSdk['board']['ui']['on']>[0]) {
  const seen: SdkItemsEvent[] = [];
  sdk.board.ui.on(event, (e) => seen.push(e));
  return seen;
}

describe('sticky notes', () => {
  it('creates a note centred at x, y with Miro defaults and HTML content', async () => {
    const { sdk } = setup();
    const note = await sdk.createStickyNote({ content: 'Too many forms', x: 100, y: 50 });
    expect(note).toMatchObject({
      type: 'sticky_note',
      x: 100,
      y: 50,
      width: 199,
      height: 228,
      shape: 'square',
      content: '<p>Too many forms</p>',
      style: { fillColor: 'light_yellow' },
      tagIds: [],
      parentId: null,
      createdBy: alex.id,
    });
  });

  it('rejects a fill colour outside the 16 names', async () => {
    const { sdk } = setup();
    await expect(
      sdk.createStickyNote({ style: { fillColor: 'purple' as 'violet' } }),
    ).rejects.toThrow(/style\.fillColor.*expected one of: gray, light_yellow/);
  });

  it('takes width or height, not both, and keeps the aspect ratio', async () => {
    const { sdk } = setup();
    await expect(sdk.createStickyNote({ width: 300, height: 300 })).rejects.toThrow(/not both/);
    const wide = await sdk.createStickyNote({ width: 398 });
    expect(wide.height).toBe(456);
  });

  it('rejects content of 6,000 characters or more', async () => {
    const { sdk } = setup();
    await expect(sdk.createStickyNote({ content: 'x'.repeat(6000) })).rejects.toThrow(/6000/);
    await expect(sdk.createStickyNote({ content: 'x'.repeat(5990) })).resolves.toBeDefined();
  });

  it('drops HTML tags outside the allowed set but keeps their text', async () => {
    const { sdk } = setup();
    const note = await sdk.createStickyNote({
      content: '<p><strong>Fees</strong> <script>x</script>unclear</p>',
    });
    expect(note.content).toBe('<p><strong>Fees</strong> xunclear</p>');
  });
});

describe('sync()', () => {
  it('changes nothing on the board until sync(), then stores the change', async () => {
    const { board, sdk } = setup();
    const note = await sdk.createStickyNote({ content: 'a' });
    note.x = 500;
    note.style.fillColor = 'red';
    expect(board.item(note.id)).toMatchObject({ x: 0, fillColor: 'light_yellow' });
    await note.sync();
    expect(board.item(note.id)).toMatchObject({ x: 500, fillColor: 'red' });
  });

  it('validates on sync: a bad colour is rejected and nothing is stored', async () => {
    const { board, sdk } = setup();
    const note = await sdk.createStickyNote();
    note.style.fillColor = 'teal' as 'cyan';
    note.x = 10;
    await expect(note.sync()).rejects.toThrow(/fillColor/);
    expect(board.item(note.id)).toMatchObject({ x: 0, fillColor: 'light_yellow' });
  });

  it('throws when the item was removed meanwhile', async () => {
    const { board, sdk } = setup();
    const note = await sdk.createStickyNote();
    board.human.remove([note.id]);
    note.content = 'late edit';
    await expect(note.sync()).rejects.toThrow(/no longer exists/);
  });

  it('tells the other connected SDKs, not the one that synced', async () => {
    const { board, miro, sdk } = setup();
    const other = board.connect(sam);
    const mine = record(miro, 'experimental:items:update');
    const theirs = record(other, 'experimental:items:update');
    const note = await sdk.createStickyNote();
    note.content = 'changed';
    await note.sync();
    expect(mine).toHaveLength(0);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]?.items[0]).toMatchObject({ id: note.id, content: '<p>changed</p>' });
  });

  it('rejects a ninth tag on sync', async () => {
    const { sdk } = setup();
    const tags = await Promise.all(
      Array.from({ length: 9 }, (_, i) => sdk.createTag({ title: `T${i}` })),
    );
    const note = await sdk.createStickyNote({ tagIds: tags.slice(0, 8).map((t) => t.id) });
    expect(note.tagIds).toHaveLength(8);
    const ninth = tags[8];
    if (!ninth) throw new Error('setup');
    note.tagIds.push(ninth.id);
    await expect(note.sync()).rejects.toThrow(/at most 8 tags/);
  });

  it('treats shape width and height as read-only after creation', async () => {
    const { board, sdk } = setup();
    const shape = await sdk.createShape({ width: 200, height: 80, content: 'Awareness' });
    Object.assign(shape, { width: 300 });
    await expect(shape.sync()).rejects.toThrow(/read-only/);
    expect(board.item(shape.id)?.width).toBe(200);
  });

  it('derives text height from content and width', async () => {
    const { sdk } = setup();
    const text = await sdk.createText({ content: 'Customer actions', width: 300 });
    const short = text.height;
    text.content = 'Customer actions '.repeat(20);
    await text.sync();
    expect(text.height).toBeGreaterThan(short);
  });
});

describe('frames', () => {
  async function frameWithNote() {
    const ctx = setup();
    const frame = await ctx.sdk.createFrame({
      title: 'Map',
      x: 1000,
      y: 500,
      width: 800,
      height: 600,
    });
    const note = await ctx.sdk.createStickyNote({ x: 900, y: 400 });
    return { ...ctx, frame, note };
  }

  it('frame.add converts the absolute centre to frame-relative (top-left based)', async () => {
    const { board, frame, note } = await frameWithNote();
    await frame.add(note);
    // Frame top-left is (600, 200); the note's centre (900, 400) becomes (300, 200).
    expect(note).toMatchObject({ x: 300, y: 200, parentId: frame.id });
    expect(board.item(note.id)).toMatchObject({ x: 300, y: 200, parentId: frame.id });
    expect(board.absoluteRect(note.id)).toEqual({
      x: 900 - 99.5,
      y: 400 - 114,
      width: 199,
      height: 228,
    });
  });

  it('lists children through childrenIds and getChildren()', async () => {
    const { sdk, frame, note } = await frameWithNote();
    await frame.add(note);
    const [fresh] = await sdk.get({ id: frame.id });
    expect(fresh && isFrame(fresh) ? fresh.childrenIds : null).toEqual([note.id]);
    expect(frame.childrenIds).toEqual([note.id]);
    const children = await frame.getChildren();
    expect(children.map((c) => c.id)).toEqual([note.id]);
  });

  it('frame.remove converts back to absolute', async () => {
    const { board, frame, note } = await frameWithNote();
    await frame.add(note);
    await frame.remove(note);
    expect(note).toMatchObject({ x: 900, y: 400, parentId: null });
    expect(board.item(frame.id)).toMatchObject({ childrenIds: [] });
  });

  it('moving a frame moves its children with it', async () => {
    const { board, frame, note } = await frameWithNote();
    await frame.add(note);
    frame.x += 100;
    await frame.sync();
    expect(board.absoluteRect(note.id).x).toBe(1000 - 99.5);
  });

  it('throws when a resize would leave a child outside', async () => {
    const { board, frame, note } = await frameWithNote();
    await frame.add(note);
    frame.width = 200;
    await expect(frame.sync()).rejects.toThrow(/fall outside/);
    expect(board.item(frame.id)?.width).toBe(800);
    frame.width = 1000;
    await expect(frame.sync()).resolves.toBeUndefined();
  });

  it('removing a frame removes its children with it', async () => {
    const { board, sdk, frame, note } = await frameWithNote();
    await frame.add(note);
    const deleted = record(board.connect(sam), 'items:delete');
    await sdk.remove(frame);
    expect(board.item(note.id)).toBeUndefined();
    expect(deleted[0]?.items.map((i) => i.id).sort()).toEqual([frame.id, note.id].sort());
  });
});

describe('get, selection and removal', () => {
  it('gets by id, by type and by tags (tag id or title)', async () => {
    const { sdk } = setup();
    const tag = await sdk.createTag({ title: 'Stage · Onboarding', color: 'green' });
    const a = await sdk.createStickyNote({ tagIds: [tag.id] });
    await sdk.createStickyNote();
    await sdk.createShape();
    expect((await sdk.get({ id: a.id })).map((i) => i.id)).toEqual([a.id]);
    expect(await sdk.get({ type: 'sticky_note' })).toHaveLength(2);
    expect(await sdk.get({ type: ['sticky_note', 'shape'] })).toHaveLength(3);
    expect((await sdk.get({ tags: tag.id })).map((i) => i.id)).toEqual([a.id]);
    expect((await sdk.get({ tags: 'Stage · Onboarding' })).map((i) => i.id)).toEqual([a.id]);
    expect((await sdk.get({ type: 'tag' })).map((t) => t.id)).toEqual([tag.id]);
  });

  it('rejects a filter with both id and type', async () => {
    const { sdk } = setup();
    const a = await sdk.createStickyNote();
    const both = { id: a.id, type: 'sticky_note' } as unknown as { id: string };
    await expect(sdk.get(both)).rejects.toThrow(/not both/);
  });

  it('throws on an unknown id (platform notes), in get() and in remove()', async () => {
    const { sdk } = setup();
    await expect(sdk.get({ id: '404' })).rejects.toThrow(/'404' was not found/);
    await expect(sdk.remove({ id: '404', type: 'sticky_note' })).rejects.toThrow(/not found/);
  });

  it('returns items the SDK does not model with their type and position only', async () => {
    const board = createLocalBoard({
      state: {
        version: 1,
        boardId: 'b',
        boardName: 'B',
        items: [
          {
            id: 's1',
            type: 'stamp',
            x: 5,
            y: 6,
            width: 40,
            height: 40,
            parentId: null,
            createdBy: 'u',
            metadata: {},
          },
        ],
        tags: [],
        collections: {},
        users: [],
        nextId: 10,
      },
    });
    const [stamp] = await board.connect(alex).board.get();
    expect(stamp).toMatchObject({ id: 's1', type: 'stamp', x: 5, y: 6 });
    expect(stamp && 'content' in stamp).toBe(false);
  });

  it('select, getSelection and deselect work on the calling user only', async () => {
    const { board, sdk } = setup();
    const other = board.connect(sam);
    const a = await sdk.createStickyNote();
    const b = await sdk.createStickyNote();
    const mine = record(board.connect(alex), 'selection:update');
    const theirs = record(other, 'selection:update');
    await sdk.select({ id: [a.id, b.id] });
    expect((await sdk.getSelection()).map((i) => i.id)).toEqual([a.id, b.id]);
    expect(await other.board.getSelection()).toEqual([]);
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(0);
    const dropped = await sdk.deselect({ id: a.id });
    expect(dropped.map((i) => i.id)).toEqual([a.id]);
    expect(board.selection(alex.id)).toEqual([b.id]);
    await sdk.deselect();
    expect(board.selection(alex.id)).toEqual([]);
  });
});

describe('metadata', () => {
  it('stores JSON per item and reads it back by key or whole', async () => {
    const { sdk } = setup();
    const note = await sdk.createStickyNote();
    await note.setMetadata('tp', { m: 'map1', r: 'cell', k: 's1.l2' });
    expect(await note.getMetadata('tp')).toEqual({ m: 'map1', r: 'cell', k: 's1.l2' });
    expect(await note.getMetadata()).toEqual({ tp: { m: 'map1', r: 'cell', k: 's1.l2' } });
  });

  it('rejects metadata over 256 bytes of JSON', async () => {
    const { sdk } = setup();
    const note = await sdk.createStickyNote();
    await expect(note.setMetadata('tp', 'x'.repeat(300))).rejects.toThrow(/256 bytes/);
    expect(await note.getMetadata()).toEqual({});
  });
});

describe('events', () => {
  it('items:create and items:delete reach other SDKs; human actions reach every SDK', async () => {
    const { board, miro, sdk } = setup();
    const other = board.connect(sam);
    const createdMine = record(miro, 'items:create');
    const createdTheirs = record(other, 'items:create');
    const note = await sdk.createStickyNote();
    expect(createdMine).toHaveLength(0);
    expect(createdTheirs[0]?.items[0]?.id).toBe(note.id);
    board.human.addNote({ x: 0, y: 0, content: 'From the board', by: sam.id });
    expect(createdMine).toHaveLength(1);
    expect(createdTheirs).toHaveLength(2);
  });

  it('a human edit emits experimental:items:update with the new content', async () => {
    const { board, miro, sdk } = setup();
    const updates = record(miro, 'experimental:items:update');
    const note = await sdk.createStickyNote();
    board.human.setText(note.id, 'Selfie step crashes <again>');
    const item = updates[0]?.items[0];
    expect(item && isStickyNote(item) ? item.content : null).toBe(
      '<p>Selfie step crashes &lt;again&gt;</p>',
    );
  });

  it('ui.off stops delivery', async () => {
    const { board, miro } = setup();
    const seen: SdkItemsEvent[] = [];
    const handler = (e: SdkItemsEvent) => seen.push(e);
    miro.board.ui.on('items:create', handler);
    miro.board.ui.off('items:create', handler);
    board.human.addNote({ x: 0, y: 0, by: sam.id });
    expect(seen).toHaveLength(0);
  });
});

describe('state', () => {
  it('round-trips through state() and createLocalBoard({ state })', async () => {
    const { board, sdk } = setup();
    const frame: SdkFrame = await sdk.createFrame({ title: 'Journey', x: 0, y: 0 });
    const note: SdkStickyNote = await sdk.createStickyNote({ content: 'kept' });
    await frame.add(note);
    await note.setMetadata('tp', { m: 'x', r: 'note' });
    const state = JSON.parse(JSON.stringify(board.state())) as ReturnType<typeof board.state>;
    const restored = createLocalBoard({ state });
    expect(restored.items()).toEqual(board.items());
    const again = await restored.connect(sam).board.createStickyNote();
    expect(again.id).not.toBe(note.id);
  });

  it('subscribe() fires after every change', async () => {
    const { board, sdk } = setup();
    let count = 0;
    const off = board.subscribe(() => (count += 1));
    await sdk.createStickyNote();
    board.human.addNote({ x: 0, y: 0, by: sam.id });
    expect(count).toBe(2);
    off();
    board.human.addNote({ x: 0, y: 0, by: sam.id });
    expect(count).toBe(2);
  });
});
