/**
 * An append-only list of strings in a shared collection that cannot list its keys and where the
 * last write wins (no compare-and-set): entry n lives under `${prefix}${n}`, entries are never
 * emptied while the list lives, so a reader scans from 0 to the first empty slot.
 *
 * Two writers that see the same empty slot both write it; one write wins. The loser finds out by
 * reading the slot back, or (when the other write lands after that read) from the watch it keeps
 * on its slot (`keepClaimed`), and claims the next free slot. Readers drop duplicates, since a
 * writer that lost a race may appear twice once both writes settle.
 */
import type { SharedCollection, Unsubscribe } from '../../board/port';

/** Far more than any workshop's simultaneous voters. */
const MAX_LOST_RACES = 200;
/**
 * Empty slots watched past the list's end: writers racing for the next slots are seen from their
 * first write, so a displaced entry is noticed (two calls a slot on Miro).
 */
const WATCH_AHEAD = 8;

const slotKey = (prefix: string, n: number): string => `${prefix}${n}`;
const asEntry = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Slots read at once at most: a list of n entries takes about log₂(n) rounds of reads instead of
 * n one after another (each a round trip on a real board), for at most this many reads past the
 * list's end.
 */
const READ_AHEAD = 16;

/**
 * Entries in slot order up to the first empty slot, duplicates dropped. Reads windows of 1, 2,
 * 4, … slots in parallel (a short list costs a read or two more than it has entries).
 */
export async function readSlots(shared: SharedCollection, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for (let n = 0, size = 1; ; n += size, size = Math.min(size * 2, READ_AHEAD)) {
    const window = await Promise.all(
      Array.from({ length: size }, (_, i) => shared.get(slotKey(prefix, n + i))),
    );
    for (const value of window) {
      if (value === undefined || value === null) return dedupe(out);
      const entry = asEntry(value);
      if (entry) out.push(entry);
    }
  }
}

/** How many slots are taken (unreadable values count: they still occupy their slot). */
async function firstFree(shared: SharedCollection, prefix: string, from: number, value: string) {
  for (let n = from; ; n += 1) {
    const current = await shared.get(slotKey(prefix, n));
    if (current === value) return { n, present: true };
    if (current === undefined || current === null) return { n, present: false };
  }
}

/** Adds `value` unless present; returns its slot. */
export async function claimSlot(
  shared: SharedCollection,
  prefix: string,
  value: string,
  /** Where to start looking for a free slot (a caller that knows the list's end). */
  start = 0,
): Promise<number> {
  let from = start;
  for (let attempt = 0; attempt < MAX_LOST_RACES; attempt += 1) {
    const { n, present } = await firstFree(shared, prefix, from, value);
    if (present) return n;
    await shared.set(slotKey(prefix, n), value);
    if ((await shared.get(slotKey(prefix, n))) === value) return n;
    from = n + 1;
  }
  // Losing this many races in a row means writes are not sticking; say so rather than spin.
  throw new Error('The board did not keep this entry; please try again.');
}

/**
 * Watches the claimed slot and claims again if another writer's value replaces ours. `onWork`
 * receives each re-claim's promise, so callers (and tests) can wait for the list to settle.
 */
export function keepClaimed(
  shared: SharedCollection,
  prefix: string,
  value: string,
  slot: number,
  onWork: (work: Promise<number>) => void,
): Unsubscribe {
  let current = slot;
  let unwatch: Unsubscribe = () => undefined;
  let closed = false;
  const follow = (n: number) => {
    unwatch();
    unwatch = shared.watch(slotKey(prefix, n), (seen) => {
      if (closed || seen === value || seen === undefined || seen === null) return;
      const work = claimSlot(shared, prefix, value).then((next) => {
        if (!closed && next !== current) {
          current = next;
          follow(next);
        }
        return next;
      });
      onWork(work);
    });
  };
  follow(slot);
  return () => {
    closed = true;
    unwatch();
  };
}

/**
 * Calls `fn` with the entries now and whenever a slot fills or changes; follows the list's end.
 *
 * Repair: an entry is never replaced while its list lives, so a slot whose value changes from one
 * entry to another means two writers raced and the earlier write lost — possibly after its writer
 * read back and believed it won, and maybe after that writer's panel closed. Whoever watches sees
 * the displaced entry and lists it again (entries are ids and voter keys, not secrets), so an
 * entry is lost only if no panel at all is watching the list. `onRepair` gets each repair's work.
 */
export function watchSlots(
  shared: SharedCollection,
  prefix: string,
  fn: (entries: string[]) => void,
  onRepair: (work: Promise<unknown>) => void = () => undefined,
): Unsubscribe {
  const values: (string | null | undefined)[] = [];
  const unwatch: Unsubscribe[] = [];
  let closed = false;
  const listed = (entry: string): boolean => values.includes(entry);
  const repairing = new Set<string>();
  const end = (): number => {
    const n = values.findIndex((v) => v === undefined);
    return n < 0 ? values.length : n;
  };
  const repair = (entry: string): void => {
    if (repairing.has(entry)) return;
    repairing.add(entry);
    onRepair(
      claimSlot(shared, prefix, entry, end())
        .catch(() => undefined)
        .finally(() => repairing.delete(entry)),
    );
  };
  const emit = () => {
    const out: string[] = [];
    for (const v of values) {
      if (v === undefined) break;
      if (v !== null) out.push(v);
    }
    fn(dedupe(out));
  };
  const follow = (n: number) => {
    unwatch[n] = shared.watch(slotKey(prefix, n), (seen) => {
      if (closed) return;
      const before = values[n];
      // null: taken by something unreadable, which still ends no scan.
      values[n] = seen === undefined || seen === null ? undefined : (asEntry(seen) ?? null);
      const now = values[n];
      if (
        typeof before === 'string' &&
        typeof now === 'string' &&
        now !== before &&
        !listed(before)
      )
        repair(before);
      if (values[n] !== undefined)
        for (let k = n + 1; k <= n + WATCH_AHEAD; k += 1) if (unwatch[k] === undefined) follow(k);
      emit();
    });
  };
  for (let k = 0; k < WATCH_AHEAD; k += 1) follow(k);
  return () => {
    closed = true;
    for (const u of unwatch) u?.();
  };
}

/** Removes every slot of the list (when the thing it indexes is deleted). */
export async function clearSlots(shared: SharedCollection, prefix: string): Promise<void> {
  const keys: string[] = [];
  for (let n = 0; ; n += 1) {
    const value = await shared.get(slotKey(prefix, n));
    if (value === undefined || value === null) break;
    keys.push(slotKey(prefix, n));
  }
  await Promise.all(keys.map((key) => shared.remove(key)));
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}
