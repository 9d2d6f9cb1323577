/**
 * One import of a map at a time (issue 10 §5): two facilitators importing one file at once got
 * two maps. The import of map `<mapId>` holds a lease `import-lease:<mapId>` in the board's shared
 * collection. The collection is last-write-wins with no compare-and-set, so a claim is: read (a
 * live lease of another panel → wait), write ours, read it back, wait long enough for a panel that
 * read the key empty before our write to land its own write (twice the round trip we measured),
 * read again. Whoever's write is still there holds the lease; the other sees a live lease.
 *
 * The loser waits (watching the key, and until the lease runs out) and then imports again: the
 * same path as a repair, which finds the winner's map and notes and adopts them. A panel that
 * closes mid-import leaves its lease until it runs out (`LEASE_MS`); the holder renews it while
 * it works.
 */
import type { SharedCollection } from '../../board/port';
import { isRecord } from '../../domain/common';

export const importLeaseKey = (mapId: string) => `import-lease:${mapId}`;

/** How long a lease lasts unless renewed; a closed panel holds up another import this long. */
export const LEASE_MS = 30_000;
/** The holder renews when a third of the lease is gone. */
const RENEW_AFTER_MS = LEASE_MS / 3;
/** The shortest wait for crossing writes to land, whatever the measured round trip. */
const MIN_SETTLE_MS = 20;
/** Claims lost in a row before giving up (each loss means another panel holds or took it). */
const MAX_CLAIMS = 20;

export interface Lease {
  token: string;
  /** Who holds it, for the waiting panel's message. */
  name: string;
  /** Milliseconds since the epoch when it runs out. */
  until: number;
}

export interface LeaseClock {
  /** Milliseconds since the epoch (lease times). */
  now: () => number;
  /** Waits `ms`, or less when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const realClock: LeaseClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
};

function readLease(value: unknown): Lease | null {
  if (!isRecord(value)) return null;
  const { token, name, until } = value;
  return typeof token === 'string' && typeof name === 'string' && typeof until === 'number'
    ? { token, name, until }
    : null;
}

export type Claim = { held: true } | { held: false; by: Lease };

/** Claims the lease for `token`; `by` is the live lease of another panel when it does not. */
export async function claimLease(
  shared: SharedCollection,
  key: string,
  me: { token: string; name: string },
  clock: LeaseClock,
): Promise<Claim> {
  for (let attempt = 0; attempt < MAX_CLAIMS; attempt += 1) {
    const current = readLease(await shared.get(key));
    if (current && current.token !== me.token && current.until > clock.now())
      return { held: false, by: current };
    const started = performance.now();
    await shared.set(key, { ...me, until: clock.now() + LEASE_MS });
    const back = readLease(await shared.get(key));
    if (back?.token !== me.token) continue;
    // A panel that read the key empty just before our write may still be writing it.
    await clock.sleep(Math.max(MIN_SETTLE_MS, 2 * (performance.now() - started)));
    const settled = readLease(await shared.get(key));
    if (settled?.token === me.token) return { held: true };
  }
  throw new Error('The board did not keep this import’s claim; please try again.');
}

/**
 * Resolves once the lease of `by` is gone, replaced or run out, or `signal` aborts (whichever
 * comes first), so the caller can claim again.
 */
export function waitForLease(
  shared: SharedCollection,
  key: string,
  by: Lease,
  clock: LeaseClock,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const stop = new AbortController();
    const finish = () => {
      if (stop.signal.aborted) return;
      stop.abort();
      resolve();
    };
    if (signal?.aborted) return finish();
    signal?.addEventListener('abort', finish);
    const unwatch = shared.watch(key, (value) => {
      if (readLease(value)?.token !== by.token) finish();
    });
    // The watch may have reported at once, finishing before it returned.
    if (stop.signal.aborted) unwatch();
    else stop.signal.addEventListener('abort', unwatch);
    void clock.sleep(Math.max(0, by.until - clock.now()) + 1, stop.signal).then(finish);
  });
}

/** Keeps a held lease alive while the import works, and lets it go at the end. */
export function holdLease(
  shared: SharedCollection,
  key: string,
  me: { token: string; name: string },
  clock: LeaseClock,
) {
  let renewedAt = clock.now();
  return {
    /** Call as work progresses: renews once a third of the lease has passed. */
    renew() {
      if (clock.now() - renewedAt < RENEW_AFTER_MS) return;
      renewedAt = clock.now();
      shared.set(key, { ...me, until: renewedAt + LEASE_MS }).catch(() => undefined);
    },
    /** Removes the lease if it is still ours; a failure leaves it to run out. */
    async release() {
      try {
        if (readLease(await shared.get(key))?.token === me.token) await shared.remove(key);
      } catch {
        // It runs out by itself.
      }
    },
  };
}
