/**
 * Miro-specific behaviour of the adapter over the local board: what calls it makes, retries on
 * Miro's rate limit, events from people on the board. The shared Board contract is in
 * test/board/.
 */
import { describe, expect, it, vi } from 'vitest';
import { createLocalBoard } from '../playground/sdk/local-board';
import type { WriteOp } from '../port';
import { createWriteQueue } from '../write-queue';
import { createMiroBoard } from './adapter';

const NOTE = { w: 199, h: 228 };

function setup(options: Parameters<typeof createLocalBoard>[0] = {}) {
  const local = createLocalBoard(options);
  const sdk = local.connect({ id: 'u1', name: 'Ada' });
  return {
    local,
    sdk,
    board: createMiroBoard(sdk, { platform: 'playground', boardName: 'Demo workshop' }),
  };
}

/** A small map: a frame, 2 stage tags, 3 header shapes with markers, 3 tagged notes in the frame. */
function smallMap(): WriteOp[] {
  const ops: WriteOp[] = [
    { op: 'ensureTag', title: 'Stage · Awareness' },
    { op: 'ensureTag', title: 'Stage · Purchase' },
    {
      op: 'create',
      ref: 'frame',
      item: { kind: 'frame', title: 'Journey', rect: { x: 0, y: 0, w: 1600, h: 900 } },
      meta: { m: 'map1', r: 'frame' },
    },
  ];
  for (let i = 0; i < 3; i += 1) {
    ops.push({
      op: 'create',
      ref: `h${i}`,
      parent: { ref: 'frame' },
      item: { kind: 'shape', text: `Stage ${i}`, rect: { x: 100 + i * 400, y: 40, w: 300, h: 80 } },
      meta: { m: 'map1', r: 'stage', k: `s${i}` },
    });
    ops.push({
      op: 'create',
      ref: `n${i}`,
      parent: { ref: 'frame' },
      item: {
        kind: 'note',
        text: `Note ${i}`,
        rect: { x: 100 + i * 400, y: 300, ...NOTE },
        color: 'yellow',
        tags: [i === 0 ? 'Stage · Awareness' : 'Stage · Purchase'],
      },
    });
  }
  return ops;
}

describe('createMiroBoard: calls', () => {
  it('makes no redundant calls: creates + new tags + frame adds + asked-for metadata (+ one tag read)', async () => {
    const { local, board } = setup();
    const result = await board.apply(smallMap());
    expect(result.failed).toEqual([]);
    expect(result.done).toBe(9);
    const { calls, callsByMethod } = local.stats();
    expect(callsByMethod).toEqual({
      get: 1, // the tag list, once
      createTag: 2,
      createFrame: 1,
      createShape: 3,
      createStickyNote: 3,
      'frame.add': 6,
      setMetadata: 4,
    });
    expect(calls).toBe(1 + 2 + 7 + 6 + 4);
  });

  it('needs no tag read in a batch when the tag list was just listed', async () => {
    const { local, board } = setup();
    await board.listTags();
    local.resetStats();
    await board.apply(smallMap());
    expect(local.stats().callsByMethod.get).toBeUndefined();
    expect(local.stats().calls).toBe(2 + 7 + 6 + 4);
  });

  it('reuses a tag someone made after the list was read, instead of failing on the duplicate', async () => {
    const { local, board } = setup();
    await board.listTags();
    local.human.createTag('Stage · Awareness');
    const result = await board.apply([{ op: 'ensureTag', title: 'Stage · Awareness' }]);
    expect(result.failed).toEqual([]);
    expect(local.tags().map((t) => t.title)).toEqual(['Stage · Awareness']);
  });

  it('removes a tag someone made after the list was read', async () => {
    const { local, board } = setup();
    const note = local.human.addNote({ x: 0, y: 0, content: 'Note', by: 'u2' });
    await board.listTags();
    const late = local.human.createTag('Late');
    local.human.toggleTag(note.id, late.id);
    const result = await board.apply([{ op: 'tag', id: note.id, remove: ['Late'] }]);
    expect(result.failed).toEqual([]);
    expect(local.item(note.id)).toMatchObject({ tagIds: [] });
  });

  it('zooms to items it just created without reading them again', async () => {
    const { local, board } = setup();
    const { ids } = await board.apply(smallMap());
    local.resetStats();
    await board.zoomTo([ids.frame!]);
    expect(local.stats().callsByMethod).toEqual({ 'viewport.zoomTo': 1 });
  });

  it('reuses existing tags: a second map with the same stages creates no tag', async () => {
    const { local, board } = setup();
    await board.apply(smallMap());
    local.resetStats();
    await board.apply(smallMap());
    expect(local.stats().callsByMethod.createTag).toBeUndefined();
    expect(local.tags()).toHaveLength(2);
  });

  it('reads metadata for frames only when listing', async () => {
    const { local, board } = setup();
    await board.apply(smallMap());
    local.resetStats();
    const items = await board.listItems();
    expect(items).toHaveLength(7);
    expect(local.stats().callsByMethod).toEqual({ get: 2, getMetadata: 1 });
    expect(items.find((i) => i.kind === 'frame')?.meta).toEqual({ m: 'map1', r: 'frame' });
    // Shapes were marked but are not read: the map record lists their ids.
    expect(items.filter((i) => i.kind === 'shape').every((i) => i.meta === null)).toBe(true);
  });

  it('reads metadata for more kinds when asked', async () => {
    const local = createLocalBoard();
    const board = createMiroBoard(local.connect({ id: 'u1', name: 'Ada' }), {
      metadataKinds: ['frame', 'shape'],
    });
    await board.apply(smallMap());
    const shapes = await board.listItems(['shape']);
    expect(shapes.map((s) => s.meta?.k).sort()).toEqual(['s0', 's1', 's2']);
  });

  it('updates with one shared read and one sync each; a tag change that changes nothing makes no call', async () => {
    const { local, board } = setup();
    const { ids } = await board.apply(smallMap());
    local.resetStats();
    const result = await board.apply([
      { op: 'update', id: ids.n0!, patch: { text: 'Changed' } },
      { op: 'update', id: ids.n1!, patch: { color: 'pink' } },
      { op: 'tag', id: ids.n2!, add: ['Stage · Purchase'] },
    ]);
    expect(result.failed).toEqual([]);
    // One read of the three items; the tag list is known from the first batch.
    expect(local.stats().callsByMethod).toEqual({ get: 1, sync: 2 });
  });
});

describe('createMiroBoard: Miro rules', () => {
  it('retries calls refused by the credit budget until they pass', async () => {
    let now = 0;
    const local = createLocalBoard({ creditsPerMinute: 150, creditsPerCall: 50, now: () => now });
    // No budget in the queue: the board's rate limit is hit and the queue must retry.
    const queue = createWriteQueue({
      concurrency: 4,
      sleep: async (ms) => {
        now += ms;
      },
      now: () => now,
      random: () => 0.5,
    });
    const board = createMiroBoard(local.connect({ id: 'u1', name: 'Ada' }), { queue });
    const ops: WriteOp[] = Array.from({ length: 5 }, (_, i) => ({
      op: 'create',
      ref: `n${i}`,
      item: { kind: 'note', text: `N${i}`, rect: { x: i * 300, y: 0, ...NOTE }, color: 'yellow' },
    }));
    const progress = vi.fn();
    const result = await board.apply(ops, { onProgress: progress });
    expect(result.failed).toEqual([]);
    expect(result.done).toBe(5);
    expect(local.stats().rateLimited).toBeGreaterThan(0);
    expect(progress.mock.calls.at(-1)?.[0]).toMatchObject({ done: 5, total: 5 });
    expect(progress.mock.calls.at(-1)?.[0].retries).toBeGreaterThan(0);
    expect(now).toBeGreaterThanOrEqual(60_000);
  });

  it('refuses more than 8 tags on a note and over-long tag titles before making anything', async () => {
    const { local, board } = setup();
    const tags = Array.from({ length: 9 }, (_, i) => `T${i}`);
    const result = await board.apply([
      {
        op: 'create',
        ref: 'n',
        item: { kind: 'note', text: 'x', rect: { x: 0, y: 0, ...NOTE }, color: 'gray', tags },
      },
      { op: 'ensureTag', title: 'x'.repeat(121) },
      { op: 'ensureTag', title: 'fine', color: 'not-a-colour' },
    ]);
    expect(result.failed.map((f) => f.message)).toEqual([
      expect.stringMatching(/at most 8 tags; this one asks for 9/),
      expect.stringMatching(/121 characters; Miro allows at most 120/),
      expect.stringMatching(/"not-a-colour" is not a Miro tag colour/),
    ]);
    expect(local.items()).toHaveLength(0);
    expect(local.tags()).toHaveLength(0);
  });

  it('takes a note out of its frame before moving it into free space, and keeps it in when moved within', async () => {
    const { board, local } = setup();
    const { ids } = await board.apply([
      {
        op: 'create',
        ref: 'f',
        item: { kind: 'frame', title: 'F', rect: { x: 0, y: 0, w: 1000, h: 800 } },
      },
      {
        op: 'create',
        ref: 'a',
        parent: { ref: 'f' },
        item: {
          kind: 'note',
          text: 'A',
          rect: { x: 100, y: 100, w: 199, h: 228 },
          color: 'yellow',
        },
      },
      {
        op: 'create',
        ref: 'b',
        parent: { ref: 'f' },
        item: {
          kind: 'note',
          text: 'B',
          rect: { x: 400, y: 100, w: 199, h: 228 },
          color: 'yellow',
        },
      },
    ]);
    const result = await board.apply([
      { op: 'update', id: ids.a!, patch: { rect: { x: 1500, y: 100 } } },
      { op: 'update', id: ids.b!, patch: { rect: { x: 500, y: 300 } } },
    ]);
    expect(result.failed).toEqual([]);
    expect(local.item(ids.a!)!.parentId).toBeNull();
    expect(local.absoluteRect(ids.a!)).toMatchObject({ x: 1500, y: 100 });
    expect(local.item(ids.b!)!.parentId).toBe(ids.f);
    expect(local.absoluteRect(ids.b!)).toMatchObject({ x: 500, y: 300 });
    expect(local.stats().callsByMethod['frame.remove']).toBe(1);
  });

  it('ignores a size change on a shape (read-only in Miro) but moves it', async () => {
    const { board } = setup();
    const { ids } = await board.apply([
      {
        op: 'create',
        ref: 's',
        item: { kind: 'shape', text: 'S', rect: { x: 0, y: 0, w: 100, h: 100 } },
      },
    ]);
    const result = await board.apply([
      { op: 'update', id: ids.s!, patch: { rect: { x: 50, w: 400 } } },
    ]);
    expect(result.failed).toEqual([]);
    const [shape] = await board.listItems(['shape']);
    expect(shape!.rect).toEqual({ x: 50, y: 0, w: 100, h: 100 });
  });

  it('names the board from the host and says which platform it is', async () => {
    const { board } = setup();
    expect(board.platform).toBe('playground');
    expect((await board.info()).name).toBe('Demo workshop');
    const bare = createMiroBoard(createLocalBoard().connect({ id: 'u', name: 'U' }));
    expect(bare.platform).toBe('miro');
    expect((await bare.info()).name).toMatch(/^Miro board /);
  });
});

describe('createMiroBoard: ops on one item', () => {
  it('run in batch order, even when an earlier one takes longer to land', async () => {
    const { local, sdk, board } = setup();
    const { ids } = await board.apply([
      {
        op: 'create',
        ref: 'n',
        item: { kind: 'note', text: 'Draft', rect: { x: 0, y: 0, ...NOTE }, color: 'yellow' },
      },
    ]);
    const id = ids.n!;
    // The batch's first sync() takes 60 ms to land, every later call none: were the second
    // update not to wait for the first, it would land first and the first would overwrite it.
    let syncs = 0;
    const slowFirstSync = (item: object): object =>
      new Proxy(item, {
        get(target, key) {
          const value: unknown = Reflect.get(target, key, target);
          if (key !== 'sync' || typeof value !== 'function') return value;
          return () => {
            local.setLatency(syncs++ === 0 ? 60 : 0);
            const landed: unknown = Reflect.apply(value, target, []);
            local.setLatency(0);
            return landed;
          };
        },
        set: (target, key, value) => Reflect.set(target, key, value, target),
      });
    const get = sdk.board.get.bind(sdk.board);
    const slowSdk = {
      ...sdk,
      board: new Proxy(sdk.board, {
        get(target, key) {
          if (key !== 'get') return Reflect.get(target, key, target) as unknown;
          return async (...args: Parameters<typeof get>) => (await get(...args)).map(slowFirstSync);
        },
      }),
    } as typeof sdk;
    const slow = createMiroBoard(slowSdk, { platform: 'playground', boardName: 'Demo workshop' });
    const result = await slow.apply([
      { op: 'update', id, patch: { text: 'First' } },
      { op: 'update', id, patch: { text: 'Second' } },
    ]);
    expect(result.failed).toEqual([]);
    expect(syncs).toBe(2);
    const [note] = await board.listItems(['note']);
    expect(note?.text).toBe('Second');
  });
});

describe('createMiroBoard: events from people on the board', () => {
  it('translates a note a person adds inside a frame it has not listed, with its absolute rect', async () => {
    const { local, board } = setup();
    const { ids } = await board.apply([
      {
        op: 'create',
        ref: 'f',
        item: { kind: 'frame', title: 'F', rect: { x: 1000, y: 1000, w: 1000, h: 800 } },
      },
    ]);
    // A fresh adapter knows no frames yet.
    const other = createMiroBoard(local.connect({ id: 'u2', name: 'Grace' }));
    const created: unknown[] = [];
    other.on('items:create', (p) => created.push(...p.items));
    local.human.addNote({ x: 1300, y: 1200, content: 'Fees <unclear> & slow', by: 'u3' });
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      kind: 'note',
      text: 'Fees <unclear> & slow',
      parentId: ids.f,
      rect: { x: 1300 - 199 / 2, y: 1200 - 114, w: 199, h: 228 },
    });
  });

  it('follows a frame a person moves, so its children stay right', async () => {
    const { local, board } = setup();
    const { ids } = await board.apply([
      {
        op: 'create',
        ref: 'f',
        item: { kind: 'frame', title: 'F', rect: { x: 0, y: 0, w: 1000, h: 800 } },
      },
      {
        op: 'create',
        ref: 'n',
        parent: { ref: 'f' },
        item: { kind: 'note', text: 'In', rect: { x: 100, y: 100, ...NOTE }, color: 'yellow' },
      },
    ]);
    await board.listItems();
    const updates: { id: string; rect: unknown }[] = [];
    board.on('items:update', (p) =>
      updates.push(...p.items.map((i) => ({ id: i.id, rect: i.rect }))),
    );
    local.human.move(ids.f!, 2500, 2400); // frame centre → top-left (2000, 2000)
    local.human.setText(ids.n!, 'Moved along');
    await vi.waitFor(() => expect(updates.some((u) => u.id === ids.n)).toBe(true));
    const child = updates.filter((u) => u.id === ids.n).at(-1);
    expect(child?.rect).toEqual({ x: 2100, y: 2100, ...NOTE });
  });

  it('reads what a person typed as plain text', async () => {
    const { local, board } = setup();
    const note = local.human.addNote({
      x: 0,
      y: 0,
      content: 'Line one\nFish & chips <3',
      by: 'u1',
    });
    const [item] = await board.listItems(['note']);
    expect(item).toMatchObject({ id: note.id, text: 'Line one\nFish & chips <3' });
  });
});

describe('createMiroBoard: items the SDK does not model', () => {
  // Miro's "Unsupported" reference: apps read and update x and y of unsupported items; its CRUD
  // table lists emoji as not updatable. Stamps move, emoji refuse (the strictest reading).
  const mark = (id: string, type: 'stamp' | 'emoji') => ({
    id,
    type,
    x: 100,
    y: 100,
    width: 48,
    height: 48,
    parentId: null,
    createdBy: 'u',
    metadata: {},
  });
  it('moves a stamp (position only) and refuses to move an emoji, saying why', async () => {
    const local = createLocalBoard({
      state: {
        version: 1,
        boardId: 'b',
        boardName: 'B',
        items: [mark('s1', 'stamp'), mark('e1', 'emoji')],
        tags: [],
        collections: {},
        users: [],
        nextId: 10,
      },
    });
    const board = createMiroBoard(local.connect({ id: 'u1', name: 'Ada' }));
    const result = await board.apply([
      { op: 'update', id: 's1', patch: { rect: { x: 500, y: 600 } } },
      { op: 'update', id: 'e1', patch: { rect: { x: 500, y: 600 } } },
      { op: 'update', id: 's1', patch: { text: 'no' } },
    ]);
    expect(result.failed.map((f) => [f.index, f.message])).toEqual([
      [1, expect.stringMatching(/emoji cannot be changed/)],
      [2, expect.stringMatching(/can only be moved/)],
    ]);
    const items = await board.listItems(['other']);
    expect(items.find((i) => i.id === 's1')?.rect).toMatchObject({ x: 500, y: 600 });
    expect(items.find((i) => i.id === 'e1')?.rect).toMatchObject({ x: 76, y: 76 });
  });
});

describe('connect: lines attached to two items', () => {
  const point = (ref: string, x: number): WriteOp => ({
    op: 'create',
    ref,
    item: { kind: 'shape', text: ref, rect: { x, y: 0, w: 56, h: 56 }, rounded: true },
  });
  const style = { color: '#4262ff', width: 4, dashed: true };

  it('joins items made earlier in the batch and existing ones, one call per line', async () => {
    const { local, board } = setup();
    const first = await board.apply([point('a', 0)]);
    local.resetStats();
    const result = await board.apply([
      point('b', 200),
      { op: 'connect', ref: 'ab', from: { id: first.ids.a! }, to: { ref: 'b' }, style },
    ]);
    expect(result.failed).toEqual([]);
    expect(local.stats().callsByMethod).toMatchObject({ createShape: 1, createConnector: 1 });
    const line = local.item(result.ids.ab!);
    expect(line).toMatchObject({
      type: 'connector',
      shape: 'straight',
      start: { item: first.ids.a },
      end: { item: result.ids.b },
      style: { strokeColor: '#4262ff', strokeWidth: 4, strokeStyle: 'dashed' },
    });
    expect(local.item(result.ids.b!)).toMatchObject({ shape: 'round_rectangle' });
    const items = await board.listItems();
    expect(items.find((i) => i.id === result.ids.ab)).toMatchObject({
      kind: 'other',
      platformType: 'connector',
      ends: { from: first.ids.a, to: result.ids.b },
    });
  });

  it('refuses a line to an item not made earlier in the batch, and one whose end failed', async () => {
    const { board } = setup();
    const result = await board.apply([
      { op: 'connect', ref: 'early', from: { ref: 'a' }, to: { ref: 'b' }, style },
      point('a', 0),
      {
        op: 'create',
        ref: 'b',
        item: { kind: 'shape', text: 'b', rect: { x: 0, y: 0, w: 0, h: 5 } },
      },
      { op: 'connect', ref: 'ab', from: { ref: 'a' }, to: { ref: 'b' }, style },
      { op: 'connect', ref: 'bad', from: { ref: 'a' }, to: { ref: 'a' }, style },
    ]);
    expect(result.failed.map((f) => [f.index, f.message])).toEqual([
      [0, expect.stringContaining('not an item created earlier')],
      [2, expect.stringContaining('positive size')],
      [3, expect.stringContaining('could not be created')],
      [4, expect.stringContaining('two different items')],
    ]);
  });
});
