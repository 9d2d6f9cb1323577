/**
 * The Board port's contract: what every adapter (Miro over the SDK or the local board, MURAL
 * over its REST API) must do the same way. Run it from an adapter's test file:
 *
 *   runBoardContract('Miro adapter', () => makeBoard(), { peerOf: (board) => makePeer(board) });
 *
 * `makeBoard` returns a board connected to a fresh, empty platform board; `peerOf` returns a
 * second participant on the same platform board (for shared state and events). Limits that
 * differ by platform are options; cases about a limit run only when it is given.
 *
 * Every adapter must: keep absolute top-left rects and plain text through a round trip, place
 * children of a frame (or area) absolutely, add and remove tags by title, reuse a tag of the same
 * title, rename tags in place, treat removing a gone item as done, report failures per op and
 * finish the others, stop pending work on cancel, share collections live, and deliver other
 * participants' changes as board items.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BoardItem, ItemKind, Rect } from '../../src/domain/board/board-item';
import { rectsOverlap } from '../../src/domain/board/board-item';
import type { BatchProgress, Board, BoardEvents, WriteOp } from '../../src/board/port';

export interface ContractOptions {
  /** A second participant connected to the same platform board as `board`. */
  peerOf(board: Board): Promise<Board>;
  /**
   * Kinds whose height the platform derives (Miro: text height follows its content); their
   * rect is checked by x, width and vertical centre.
   */
  derivedHeight?: readonly ItemKind[];
  /** Tags a board may hold (Miro: 100); the limit case runs only when given. */
  tagsPerBoard?: number;
  /** Bytes of marker metadata an item may carry (Miro: 256); the case runs only when given. */
  markerBytes?: number;
}

const close = (actual: number, expected: number, what: string): void => {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(0.51);
};

export function expectRect(actual: Rect, expected: Rect, derivedHeight = false): void {
  close(actual.x, expected.x, 'x');
  close(actual.w, expected.w, 'w');
  if (derivedHeight) close(actual.y + actual.h / 2, expected.y + expected.h / 2, 'centre y');
  else {
    close(actual.y, expected.y, 'y');
    close(actual.h, expected.h, 'h');
  }
}

const find = (items: BoardItem[], id: string | undefined): BoardItem => {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`Item ${String(id)} is not on the board`);
  return item;
};

/** Records payloads of one event, for `vi.waitFor` to look at. */
function record<K extends keyof BoardEvents>(board: Board, event: K) {
  const seen: BoardEvents[K][] = [];
  const off = board.on(event, (payload) => seen.push(payload));
  return { seen, off };
}

const note = (
  ref: string,
  text: string,
  rect: Rect,
  extra: Partial<WriteOp & { op: 'create' }> = {},
): WriteOp => ({
  op: 'create',
  ref,
  item: { kind: 'note', text, rect, color: 'light_yellow' },
  ...extra,
});

/** Sizes every adapter accepts for a note (Miro's square sticky note). */
const NOTE = { w: 199, h: 228 };

export function runBoardContract(
  name: string,
  makeBoard: () => Promise<Board>,
  options: ContractOptions,
): void {
  const derived = new Set(options.derivedHeight ?? []);

  describe(`Board contract: ${name}`, () => {
    it('creates each kind and reads it back with the same absolute rect and text', async () => {
      const board = await makeBoard();
      const specs = {
        frame: { x: 1000, y: 500, w: 1200, h: 800 },
        shape: { x: -400, y: -300, w: 240, h: 120 },
        text: { x: -400, y: 100, w: 300, h: 60 },
        note: { x: 40, y: -20, ...NOTE },
      };
      const result = await board.apply([
        {
          op: 'create',
          ref: 'f',
          item: { kind: 'frame', title: 'Onboarding journey', rect: specs.frame },
        },
        {
          op: 'create',
          ref: 's',
          item: {
            kind: 'shape',
            text: 'Pain points & "gaps" <b>not bold</b>',
            rect: specs.shape,
            fill: '#ffffff',
          },
        },
        {
          op: 'create',
          ref: 't',
          item: { kind: 'text', text: "Persona: Zoë — it's “careful” 👩‍💻", rect: specs.text },
        },
        note('n', 'Open an account\nin 5 minutes — 開設 ✓', specs.note),
      ]);
      expect(result.failed).toEqual([]);
      expect(result.done).toBe(4);
      const items = await board.listItems();
      const frame = find(items, result.ids.f);
      expect(frame).toMatchObject({ kind: 'frame', text: 'Onboarding journey', parentId: null });
      expectRect(frame.rect, specs.frame);
      const shape = find(items, result.ids.s);
      expect(shape).toMatchObject({ kind: 'shape', text: 'Pain points & "gaps" <b>not bold</b>' });
      expectRect(shape.rect, specs.shape);
      const text = find(items, result.ids.t);
      expect(text).toMatchObject({ kind: 'text', text: "Persona: Zoë — it's “careful” 👩‍💻" });
      expectRect(text.rect, specs.text, derived.has('text'));
      const n = find(items, result.ids.n);
      expect(n).toMatchObject({
        kind: 'note',
        text: 'Open an account\nin 5 minutes — 開設 ✓',
        color: 'light_yellow',
      });
      expectRect(n.rect, specs.note, derived.has('note'));
    });

    it('lists only the kinds asked for', async () => {
      const board = await makeBoard();
      await board.apply([
        {
          op: 'create',
          ref: 'f',
          item: { kind: 'frame', title: 'F', rect: { x: 0, y: 0, w: 400, h: 400 } },
        },
        note('n', 'A note', { x: 1000, y: 0, ...NOTE }),
      ]);
      const notes = await board.listItems(['note']);
      expect(notes.map((i) => i.kind)).toEqual(['note']);
    });

    it('puts children of a frame at the right absolute place', async () => {
      const board = await makeBoard();
      const frameRect = { x: 2000, y: 1000, w: 1000, h: 600 };
      const childRect = { x: 2100, y: 1150, ...NOTE };
      const first = await board.apply([
        { op: 'create', ref: 'frame', item: { kind: 'frame', title: 'Map', rect: frameRect } },
        { ...note('child', 'Inside', childRect), parent: { ref: 'frame' } } as WriteOp,
        {
          op: 'create',
          ref: 'label',
          parent: { ref: 'frame' },
          item: { kind: 'shape', text: 'Awareness', rect: { x: 2600, y: 1020, w: 300, h: 80 } },
        },
      ]);
      expect(first.failed).toEqual([]);
      const frameId = first.ids.frame;
      // A later batch places into the existing frame by id.
      const second = await board.apply([
        {
          ...note('late', 'Added later', { x: 2700, y: 1300, ...NOTE }),
          parent: { id: frameId! },
        } as WriteOp,
      ]);
      expect(second.failed).toEqual([]);
      const items = await board.listItems();
      expectRect(find(items, frameId).rect, frameRect);
      const child = find(items, first.ids.child);
      expect(child.parentId).toBe(frameId);
      expectRect(child.rect, childRect, derived.has('note'));
      const label = find(items, first.ids.label);
      expect(label.parentId).toBe(frameId);
      expectRect(label.rect, { x: 2600, y: 1020, w: 300, h: 80 });
      const late = find(items, second.ids.late);
      expect(late.parentId).toBe(frameId);
      expectRect(late.rect, { x: 2700, y: 1300, ...NOTE }, derived.has('note'));
    });

    it.skipIf(options.markerBytes === undefined)(
      'keeps the Touchpoint marker on a frame, and refuses one over the metadata limit',
      async () => {
        const board = await makeBoard();
        const result = await board.apply([
          {
            op: 'create',
            ref: 'f',
            item: { kind: 'frame', title: 'Map', rect: { x: 0, y: 0, w: 800, h: 600 } },
            meta: { m: 'map-1', r: 'frame' },
          },
          {
            op: 'create',
            ref: 'big',
            item: { kind: 'frame', title: 'Too big', rect: { x: 2000, y: 0, w: 800, h: 600 } },
            meta: { m: 'x'.repeat(options.markerBytes ?? 0), r: 'frame' },
          },
        ]);
        expect(result.done).toBe(1);
        expect(result.failed).toHaveLength(1);
        expect(result.failed[0]!.index).toBe(1);
        expect(result.failed[0]!.message).toMatch(new RegExp(`${options.markerBytes} bytes`));
        expect(result.ids.big).toBeUndefined();
        const frames = await board.listItems(['frame']);
        expect(frames).toHaveLength(1);
        expect(frames[0]!.meta).toEqual({ m: 'map-1', r: 'frame' });
      },
    );

    it('adds and removes tags by title', async () => {
      const board = await makeBoard();
      const { ids } = await board.apply([note('n', 'Tag me', { x: 0, y: 0, ...NOTE })]);
      const added = await board.apply([
        { op: 'tag', id: ids.n!, add: ['Stage · Awareness', 'Hot'] },
      ]);
      expect(added.failed).toEqual([]);
      let [item] = await board.listItems(['note']);
      expect([...item!.tags].sort()).toEqual(['Hot', 'Stage · Awareness']);
      expect((await board.listTags()).map((t) => t.title).sort()).toEqual([
        'Hot',
        'Stage · Awareness',
      ]);
      await board.apply([{ op: 'tag', id: ids.n!, remove: ['Hot'] }]);
      [item] = await board.listItems(['note']);
      expect(item!.tags).toEqual(['Stage · Awareness']);
    });

    it('creates a note with its tags', async () => {
      const board = await makeBoard();
      const result = await board.apply([
        note(
          'n',
          'Tagged at birth',
          { x: 0, y: 0, ...NOTE },
          {
            item: {
              kind: 'note',
              text: 'Tagged at birth',
              rect: { x: 0, y: 0, ...NOTE },
              color: 'pink',
              tags: ['A', 'B'],
            },
          },
        ),
      ]);
      expect(result.failed).toEqual([]);
      const [item] = await board.listItems(['note']);
      expect([...item!.tags].sort()).toEqual(['A', 'B']);
      expect(item!.color).toBe('pink');
    });

    it('ensureTag reuses an existing tag of that exact title', async () => {
      const board = await makeBoard();
      await board.apply([{ op: 'ensureTag', title: 'Stage · Purchase' }]);
      const again = await board.apply([
        { op: 'ensureTag', title: 'Stage · Purchase' },
        { op: 'ensureTag', title: 'Stage · Purchase' },
      ]);
      expect(again.failed).toEqual([]);
      expect(again.done).toBe(2);
      const tags = await board.listTags();
      expect(tags.filter((t) => t.title === 'Stage · Purchase')).toHaveLength(1);
    });

    it.skipIf(options.tagsPerBoard === undefined)(
      'refuses a tag beyond the board limit with a clear message',
      async () => {
        const board = await makeBoard();
        const limit = options.tagsPerBoard ?? 0;
        const full: WriteOp[] = Array.from({ length: limit }, (_, i) => ({
          op: 'ensureTag',
          title: `T${i}`,
        }));
        expect((await board.apply(full)).failed).toEqual([]);
        const more = await board.apply([
          { op: 'ensureTag', title: 'One too many' },
          { op: 'ensureTag', title: 'T7' },
        ]);
        expect(more.done).toBe(1);
        expect(more.failed.map((f) => f.index)).toEqual([0]);
        expect(more.failed[0]!.message).toMatch(new RegExp(`${limit} tags`));
        expect(await board.listTags()).toHaveLength(limit);
      },
    );

    it('renames a tag, keeping it on the items that have it', async () => {
      const board = await makeBoard();
      const { ids } = await board.apply([note('n', 'Buying', { x: 0, y: 0, ...NOTE })]);
      await board.apply([{ op: 'tag', id: ids.n!, add: ['Stage · Purchase'] }]);
      const renamed = await board.apply([
        { op: 'renameTag', from: 'Stage · Purchase', to: 'Stage · Buy' },
      ]);
      expect(renamed.failed).toEqual([]);
      const [item] = await board.listItems(['note']);
      expect(item!.tags).toEqual(['Stage · Buy']);
      expect((await board.listTags()).map((t) => t.title)).toEqual(['Stage · Buy']);
      const missing = await board.apply([{ op: 'renameTag', from: 'Nope', to: 'Still nope' }]);
      expect(missing.failed[0]!.message).toMatch(/Nope/);
    });

    it('updates move and change text and colour; children move with their frame', async () => {
      const board = await makeBoard();
      const { ids } = await board.apply([
        {
          op: 'create',
          ref: 'f',
          item: { kind: 'frame', title: 'F', rect: { x: 300, y: 200, w: 1000, h: 800 } },
        },
        {
          ...note('inner', 'In the frame', { x: 400, y: 300, ...NOTE }),
          parent: { ref: 'f' },
        } as WriteOp,
        note('n', 'Before', { x: 2000, y: 0, ...NOTE }),
      ]);
      const result = await board.apply([
        {
          op: 'update',
          id: ids.n!,
          patch: { rect: { x: 2500, y: 600 }, text: 'After & more', color: 'blue' },
        },
        { op: 'update', id: ids.inner!, patch: { rect: { x: 700, y: 500 } } },
      ]);
      expect(result.failed).toEqual([]);
      let items = await board.listItems();
      const moved = find(items, ids.n);
      expect(moved).toMatchObject({ text: 'After & more', color: 'blue' });
      expectRect(moved.rect, { x: 2500, y: 600, ...NOTE }, derived.has('note'));
      expectRect(find(items, ids.inner).rect, { x: 700, y: 500, ...NOTE }, derived.has('note'));

      const frameMove = await board.apply([
        { op: 'update', id: ids.f!, patch: { text: 'Renamed frame', rect: { x: 100, y: 50 } } },
      ]);
      expect(frameMove.failed).toEqual([]);
      items = await board.listItems();
      const frame = find(items, ids.f);
      expect(frame.text).toBe('Renamed frame');
      expectRect(frame.rect, { x: 100, y: 50, w: 1000, h: 800 });
      // The frame moved by (−200, −150); its child went along.
      const inner = find(items, ids.inner);
      expect(inner.parentId).toBe(ids.f);
      expectRect(inner.rect, { x: 500, y: 350, ...NOTE }, derived.has('note'));
    });

    it('removes items, and removing a gone item is not a failure', async () => {
      const board = await makeBoard();
      const { ids } = await board.apply([
        note('a', 'Keep', { x: 0, y: 0, ...NOTE }),
        note('b', 'Drop', { x: 400, y: 0, ...NOTE }),
      ]);
      const removed = await board.apply([{ op: 'remove', id: ids.b! }]);
      expect(removed).toMatchObject({ done: 1, failed: [] });
      expect((await board.listItems()).map((i) => i.id)).toEqual([ids.a]);
      expect(await board.apply([{ op: 'remove', id: ids.b! }])).toMatchObject({
        done: 1,
        failed: [],
      });
    });

    it('reports failures per op and completes the rest', async () => {
      const board = await makeBoard();
      const result = await board.apply([
        note('a', 'First', { x: 0, y: 0, ...NOTE }),
        { op: 'update', id: 'no-such-item', patch: { text: 'x' } },
        { op: 'tag', id: 'no-such-item-either', add: ['T'] },
        note('b', 'Second', { x: 400, y: 0, ...NOTE }),
      ]);
      expect(result.done).toBe(2);
      expect(result.failed.map((f) => f.index)).toEqual([1, 2]);
      expect(result.failed[0]!.message).toMatch(/no-such-item/);
      expect(result.failed[0]!.op).toEqual({
        op: 'update',
        id: 'no-such-item',
        patch: { text: 'x' },
      });
      expect(Object.keys(result.ids).sort()).toEqual(['a', 'b']);
      expect(await board.listItems(['note'])).toHaveLength(2);
    });

    it('reports progress up to the whole batch', async () => {
      const board = await makeBoard();
      const events: BatchProgress[] = [];
      const ops = Array.from({ length: 6 }, (_, i) =>
        note(`n${i}`, `Note ${i}`, { x: i * 300, y: 0, ...NOTE }),
      );
      await board.apply(ops, { onProgress: (p) => events.push(p) });
      expect(events.length).toBeGreaterThan(0);
      expect(events.at(-1)).toMatchObject({ done: 6, total: 6 });
      const dones = events.map((e) => e.done);
      expect(dones).toEqual([...dones].sort((a, b) => a - b));
    });

    it('cancels: pending ops never run, finished ones stay, nothing is half-reported', async () => {
      const board = await makeBoard();
      const controller = new AbortController();
      // Enough ops that a cancel after the first progress event always leaves some unstarted,
      // even where one request carries many items (MURAL: 25 per create) and 8 run at once.
      const total = 400;
      const ops = Array.from({ length: total }, (_, i) =>
        note(`n${i}`, `Note ${i}`, { x: (i % 20) * 300, y: Math.floor(i / 20) * 300, ...NOTE }),
      );
      const result = await board.apply(ops, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done >= 1) controller.abort();
        },
      });
      expect(result.cancelled).toBe(true);
      expect(result.failed).toEqual([]);
      expect(result.done).toBeGreaterThanOrEqual(1);
      expect(result.done).toBeLessThan(total);
      const notes = await board.listItems(['note']);
      expect(notes).toHaveLength(result.done);
      expect(Object.keys(result.ids)).toHaveLength(result.done);
    });

    it('shares collections live between two participants', async () => {
      const board = await makeBoard();
      const peer = await options.peerOf(board);
      const mine = board.shared('touchpoint-test');
      const theirs = peer.shared('touchpoint-test');
      await mine.set('map', { title: 'Onboarding', stages: ['a', 'b'] });
      expect(await theirs.get('map')).toEqual({ title: 'Onboarding', stages: ['a', 'b'] });
      const seen: unknown[] = [];
      const stop = theirs.watch('map', (value) => seen.push(value));
      await vi.waitFor(() => expect(seen).toEqual([{ title: 'Onboarding', stages: ['a', 'b'] }]));
      await mine.set('map', { title: 'Renamed', stages: [] });
      await vi.waitFor(() => expect(seen.at(-1)).toEqual({ title: 'Renamed', stages: [] }));
      await mine.remove('map');
      await vi.waitFor(() => expect(seen.at(-1)).toBeUndefined());
      expect(await theirs.get('map')).toBeUndefined();
      const count = seen.length;
      stop();
      await mine.set('map', { title: 'After stop' });
      expect(await theirs.get('map')).toEqual({ title: 'After stop' });
      expect(seen).toHaveLength(count);
      await expect(mine.set('bad', { when: new Date(0) })).rejects.toThrow(/JSON/);
    });

    it("delivers another participant's changes to subscribers as board items", async () => {
      const board = await makeBoard();
      const peer = await options.peerOf(board);
      const created = record(board, 'items:create');
      const updated = record(board, 'items:update');
      const deleted = record(board, 'items:delete');
      const { ids } = await peer.apply([note('n', 'From a peer', { x: 300, y: 200, ...NOTE })]);
      await vi.waitFor(() =>
        expect(created.seen.flatMap((p) => p.items).map((i) => i.id)).toContain(ids.n),
      );
      const item = created.seen.flatMap((p) => p.items).find((i) => i.id === ids.n)!;
      expect(item).toMatchObject({ kind: 'note', text: 'From a peer' });
      expectRect(item.rect, { x: 300, y: 200, ...NOTE }, derived.has('note'));
      await peer.apply([{ op: 'update', id: ids.n!, patch: { text: 'Edited' } }]);
      await vi.waitFor(() =>
        expect(
          updated.seen.flatMap((p) => p.items).some((i) => i.id === ids.n && i.text === 'Edited'),
        ).toBe(true),
      );
      await peer.apply([{ op: 'remove', id: ids.n! }]);
      await vi.waitFor(() => expect(deleted.seen.flatMap((p) => p.ids)).toContain(ids.n));
      created.off();
      await peer.apply([note('m', 'Unheard', { x: 900, y: 200, ...NOTE })]);
      expect(created.seen.flatMap((p) => p.items).map((i) => i.text)).not.toContain('Unheard');
      updated.off();
      deleted.off();
    });

    it('selects items and reads the selection', async () => {
      const board = await makeBoard();
      const { ids } = await board.apply([
        note('a', 'A', { x: 0, y: 0, ...NOTE }),
        note('b', 'B', { x: 400, y: 0, ...NOTE }),
      ]);
      await board.select([ids.a!, ids.b!]);
      expect((await board.selection()).map((i) => i.id).sort()).toEqual([ids.a, ids.b].sort());
      await board.select([ids.b!]);
      expect((await board.selection()).map((i) => i.id)).toEqual([ids.b]);
    });

    it('finds empty space of the asked size clear of other items, and zooms to items', async () => {
      const board = await makeBoard();
      const taken = { x: -100, y: -100, w: 600, h: 600 };
      const { ids } = await board.apply([
        { op: 'create', ref: 'f', item: { kind: 'frame', title: 'Taken', rect: taken } },
      ]);
      const space = await board.findEmptySpace({ w: 800, h: 500 }, taken);
      expect(space.w).toBe(800);
      expect(space.h).toBe(500);
      expect(rectsOverlap(space, taken)).toBe(false);
      const view = await board.viewport();
      expect(view.w).toBeGreaterThan(0);
      await board.zoomTo([ids.f!]);
      const zoomed = await board.viewport();
      expect(zoomed.x).toBeLessThanOrEqual(taken.x);
      expect(zoomed.y).toBeLessThanOrEqual(taken.y);
      expect(zoomed.x + zoomed.w).toBeGreaterThanOrEqual(taken.x + taken.w);
      expect(zoomed.y + zoomed.h).toBeGreaterThanOrEqual(taken.y + taken.h);
    });

    it('knows the board, the user and who is online', async () => {
      const board = await makeBoard();
      const info = await board.info();
      expect(info.id).not.toBe('');
      expect(info.name).not.toBe('');
      const me = await board.currentUser();
      expect(me.id).not.toBe('');
      const peer = await options.peerOf(board);
      const them = await peer.currentUser();
      const online = (await board.onlineUsers()).map((u) => u.id);
      expect(online).toEqual(expect.arrayContaining([me.id, them.id]));
      expect(typeof (await board.canUse('voting'))).toBe('boolean');
    });
  });
}
