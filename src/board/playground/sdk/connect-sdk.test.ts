import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from './errors';
import { createLocalBoard } from './local-board';
import type { LocalNotification } from './local-board-types';

const alex = { id: 'u-alex', name: 'Alex (facilitator)' };
const sam = { id: 'u-sam', name: 'Sam' };

afterEach(() => {
  vi.useRealTimers();
});

describe('credit budget through the SDK', () => {
  it('rejects calls over the minute budget with a rate-limit error and counts calls', async () => {
    let t = 0;
    const board = createLocalBoard({ creditsPerMinute: 500, creditsPerCall: 50, now: () => t });
    const sdk = board.connect(alex).board;
    for (let i = 0; i < 10; i += 1) await sdk.createStickyNote();
    const error: unknown = await sdk.createStickyNote().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as { retryAfterMs: number }).retryAfterMs).toBe(60_000);
    expect(board.items()).toHaveLength(10);
    expect(board.stats()).toEqual({
      calls: 10,
      callsByMethod: { createStickyNote: 10 },
      rateLimited: 1,
    });
    t = 60_000;
    await expect(sdk.createStickyNote()).resolves.toBeDefined();
  });

  it('budgets each user separately', async () => {
    const board = createLocalBoard({ creditsPerMinute: 100, creditsPerCall: 50, now: () => 0 });
    const a = board.connect(alex).board;
    const b = board.connect(sam).board;
    await a.getInfo();
    await a.getInfo();
    await expect(a.getInfo()).rejects.toThrow(/rate limit/);
    await expect(b.getInfo()).resolves.toMatchObject({ locale: 'en' });
  });

  it('resetStats() starts counting again', async () => {
    const board = createLocalBoard();
    await board.connect(alex).board.get();
    board.resetStats();
    expect(board.stats().calls).toBe(0);
  });
});

describe('latency', () => {
  it('delays each call by latencyMs', async () => {
    vi.useFakeTimers();
    const board = createLocalBoard({ latencyMs: 100 });
    const sdk = board.connect(alex).board;
    let done = false;
    const pending = sdk.createStickyNote().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    expect(board.items()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
    board.setLatency(0);
    await sdk.createStickyNote();
    expect(board.items()).toHaveLength(2);
  });

  it('sync() sends the item as it is at the call; a change made while it is on its way waits', async () => {
    vi.useFakeTimers();
    const board = createLocalBoard();
    const sdk = board.connect(alex).board;
    const note = await sdk.createStickyNote({ content: 'Draft' });
    board.setLatency(100);
    note.content = 'Sent';
    const pending = note.sync();
    note.content = 'Changed on the way';
    await vi.advanceTimersByTimeAsync(100);
    await pending;
    const [stored] = board.items();
    expect(stored?.type === 'sticky_note' && stored.content).toBe('<p>Sent</p>');
  });
});

describe('viewport and empty space', () => {
  it('viewport.set and get round-trip; zoomTo frames the items with padding', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(alex).board;
    await sdk.viewport.set({ viewport: { x: 0, y: 0, width: 1600, height: 900 } });
    expect(await sdk.viewport.get()).toEqual({ x: 0, y: 0, width: 1600, height: 900 });
    const a = await sdk.createShape({ x: 5000, y: 5000, width: 100, height: 100 });
    const b = await sdk.createShape({ x: 6000, y: 5000, width: 100, height: 100 });
    await sdk.viewport.zoomTo([a, b]);
    const v = board.viewport();
    expect(v.x).toBeLessThan(4950);
    expect(v.x + v.width).toBeGreaterThan(6050);
    expect(v.y).toBeLessThan(4950);
    expect(v.width / v.height).toBeCloseTo(1600 / 900);
  });

  it('findEmptySpace avoids existing items, including children of frames', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(alex).board;
    await sdk.createFrame({ x: 0, y: 0, width: 1000, height: 1000 });
    const space = await sdk.findEmptySpace({ x: 0, y: 0, width: 300, height: 200, offset: 20 });
    expect(space.width).toBe(300);
    const left = space.x - 150;
    const right = space.x + 150;
    const top = space.y - 100;
    const bottom = space.y + 100;
    const clear = right <= -520 || left >= 520 || bottom <= -520 || top >= 520;
    expect(clear).toBe(true);
  });
});

describe('board, users and notifications', () => {
  it('getInfo, getUserInfo and getOnlineUsers describe the board and its simulated participants', async () => {
    const board = createLocalBoard({ now: () => Date.UTC(2026, 0, 5) });
    const a = board.connect(alex).board;
    const b = board.connect(sam);
    expect(await a.getInfo()).toMatchObject({
      id: 'uXjVPlayground=',
      createdAt: '2026-01-05T00:00:00.000Z',
    });
    expect(await a.getUserInfo()).toEqual(alex);
    expect(await a.getOnlineUsers()).toEqual([alex, sam]);
    // A participant who closed their panel is still at the workshop.
    board.disconnect(b);
    expect(await a.getOnlineUsers()).toEqual([alex, sam]);
    expect(board.state().users).toEqual([alex, sam]);
  });

  it('getInfo().updatedAt follows the last change', async () => {
    let t = Date.UTC(2026, 0, 5);
    const board = createLocalBoard({ now: () => t });
    const sdk = board.connect(alex).board;
    t = Date.UTC(2026, 0, 6);
    await sdk.createStickyNote();
    expect(await sdk.getInfo()).toMatchObject({
      createdAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-01-06T00:00:00.000Z',
    });
  });

  it('icon:click never fires in the playground', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(alex).board;
    const clicks: unknown[] = [];
    sdk.ui.on('icon:click', (e) => clicks.push(e));
    board.human.addNote({ x: 0, y: 0, by: alex.id });
    await sdk.createStickyNote();
    board.human.select([board.items()[0]?.id ?? ''], alex.id);
    expect(clicks).toEqual([]);
  });

  it('canUse is false on this free-plan board', async () => {
    const sdk = createLocalBoard().connect(alex).board;
    expect(await sdk.canUse('voting')).toBe(false);
    expect(sdk.experimental).toBeUndefined();
  });

  it('notifications reach onNotification listeners', async () => {
    const board = createLocalBoard();
    const seen: LocalNotification[] = [];
    board.onNotification((n) => seen.push(n));
    const sdk = board.connect(alex).board;
    await sdk.notifications.showInfo('Map created');
    await sdk.notifications.showError('Board has 100 tags');
    expect(seen).toEqual([
      { level: 'info', message: 'Map created', userId: alex.id },
      { level: 'error', message: 'Board has 100 tags', userId: alex.id },
    ]);
  });

  it('a disconnected SDK hears no more events', async () => {
    const board = createLocalBoard();
    const gone = board.connect(sam);
    const seen: unknown[] = [];
    gone.board.ui.on('items:create', (e) => seen.push(e));
    board.disconnect(gone);
    board.human.addNote({ x: 0, y: 0, by: alex.id });
    expect(seen).toEqual([]);
  });
});
