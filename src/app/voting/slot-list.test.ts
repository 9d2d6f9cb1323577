import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import type { SharedCollection } from '../../board/port';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import { claimSlot, clearSlots, keepClaimed, readSlots, watchSlots } from './slot-list';

function twoPanels(latencyMs = 0) {
  const local = createLocalBoard({ latencyMs });
  const a = createMiroBoard(local.connect({ id: 'a', name: 'A' })).shared('c');
  const b = createMiroBoard(local.connect({ id: 'b', name: 'B' })).shared('c');
  return { a, b };
}

describe('slot list', () => {
  it('reads a long list in a few rounds of parallel reads, stopping at the first empty slot', async () => {
    const local = createLocalBoard({ latencyMs: 5 });
    const shared = createMiroBoard(local.connect({ id: 'a', name: 'A' })).shared('c');
    for (let n = 0; n < 50; n += 1) await shared.set(`p:${n}`, `e${n}`);
    await shared.set('p:52', 'after a gap'); // past the list's end: never read as an entry
    let inFlight = 0;
    let rounds = 0;
    const counted: SharedCollection = {
      ...shared,
      get: async <T>(key: string) => {
        if (inFlight === 0) rounds += 1;
        inFlight += 1;
        try {
          return await shared.get<T>(key);
        } finally {
          inFlight -= 1;
        }
      },
    };
    local.resetStats();
    const entries = await readSlots(counted, 'p:');
    expect(entries).toEqual(Array.from({ length: 50 }, (_, n) => `e${n}`));
    // 1 + 2 + 4 + 8 + 16 + 16 + 16 slots: seven rounds, not 51.
    expect(rounds).toBe(7);
    expect(local.stats().callsByMethod['storage.get']).toBe(63);
  });

  it('appends, finds an entry already present, and reads in order', async () => {
    const { a, b } = twoPanels();
    expect(await claimSlot(a, 'p:', 'x')).toBe(0);
    expect(await claimSlot(b, 'p:', 'y')).toBe(1);
    expect(await claimSlot(a, 'p:', 'x')).toBe(0);
    expect(await readSlots(b, 'p:')).toEqual(['x', 'y']);
  });

  it('two writers racing for one slot both end up listed', async () => {
    const { a, b } = twoPanels(2);
    await Promise.all([claimSlot(a, 'p:', 'x'), claimSlot(b, 'p:', 'y')]);
    expect((await readSlots(a, 'p:')).sort()).toEqual(['x', 'y']);
  });

  it('claims again when a late write replaces a slot already verified', async () => {
    const { a, b } = twoPanels();
    const slot = await claimSlot(a, 'p:', 'x');
    const work: Promise<number>[] = [];
    const stop = keepClaimed(a, 'p:', 'x', slot, (w) => work.push(w));
    // B read slot 0 as empty before A wrote, and its write lands after A's read-back.
    await b.set('p:0', 'y');
    expect(work).toHaveLength(1);
    expect(await work[0]).toBe(1);
    expect(await readSlots(b, 'p:')).toEqual(['y', 'x']);
    stop();
  });

  it('a watcher lists again an entry a late write displaced after its writer left', async () => {
    const { a, b } = twoPanels();
    const repairs: Promise<unknown>[] = [];
    const stop = watchSlots(
      a,
      'p:',
      () => undefined,
      (work) => repairs.push(work),
    );
    await new Promise((r) => setTimeout(r, 0));
    await claimSlot(b, 'p:', 'x'); // x's panel read back x, then closed
    await b.set('p:0', 'y'); // a racing write that was in flight lands on slot 0
    await new Promise((r) => setTimeout(r, 0));
    expect(repairs).toHaveLength(1);
    await Promise.all(repairs);
    expect((await readSlots(b, 'p:')).sort()).toEqual(['x', 'y']);
    // Clearing the list (its round deleted) is not a displacement.
    await clearSlots(b, 'p:');
    await new Promise((r) => setTimeout(r, 0));
    expect(repairs).toHaveLength(1);
    stop();
  });

  it('watches the list as it grows, and clears it', async () => {
    const { a, b } = twoPanels();
    const seen: string[][] = [];
    const stop = watchSlots(a, 'p:', (entries) => seen.push(entries));
    await claimSlot(b, 'p:', 'x');
    await claimSlot(b, 'p:', 'y');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.at(-1)).toEqual(['x', 'y']);
    await clearSlots(b, 'p:');
    expect(seen.at(-1)).toEqual([]);
    expect(await readSlots(a, 'p:')).toEqual([]);
    stop();
  });
});

describe('slot list on a board that drops writes', () => {
  it('gives up with a clear error instead of spinning', async () => {
    const { a } = twoPanels();
    const dropping = { ...a, set: async () => undefined };
    await expect(claimSlot(dropping, 'p:', 'x')).rejects.toThrow('did not keep this entry');
  });
});
