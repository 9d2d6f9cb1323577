import { describe, expect, it } from 'vitest';
import { createCoalescingSaver, type SaveStatus } from './coalescing-saver';

function harness(fail = false) {
  const writes: number[] = [];
  const statuses: SaveStatus[] = [];
  let version = 0;
  let release: (() => void) | null = null;
  const saver = createCoalescingSaver(
    () =>
      new Promise<void>((resolve, reject) => {
        const seen = version;
        release = () => {
          writes.push(seen);
          if (fail) reject(new Error('disk full'));
          else resolve();
        };
      }),
    (status) => statuses.push(status),
    (fn) => queueMicrotask(fn),
  );
  const change = () => {
    version += 1;
    saver.request();
  };
  const finish = async () => {
    await Promise.resolve();
    await Promise.resolve();
    const r = release;
    release = null;
    r?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { saver, change, finish, writes, statuses };
}

describe('createCoalescingSaver', () => {
  it('turns a burst of changes into one save of the latest state', async () => {
    const h = harness();
    h.change();
    h.change();
    h.change();
    await h.finish();
    expect(h.writes).toEqual([3]);
    expect(h.statuses).toEqual(['saving', 'saved']);
  });

  it('saves once more after changes made during a save, and only once', async () => {
    const h = harness();
    h.change();
    await Promise.resolve();
    await Promise.resolve();
    h.change();
    h.change();
    await h.finish();
    await h.finish();
    expect(h.writes).toEqual([1, 3]);
    expect(h.statuses.at(-1)).toBe('saved');
  });

  it('reports a failed save', async () => {
    const h = harness(true);
    h.change();
    await h.finish();
    expect(h.statuses).toContain('failed');
    expect(h.statuses).not.toContain('saved');
  });
});
