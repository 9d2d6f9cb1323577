/**
 * Maps on the board's shared collection `touchpoint`: one key per map (`map:<id>`) and an index
 * key `maps` listing the ids, because storage collections cannot list their keys. Every
 * participant's panel reads the same records; values read back are `unknown` until parsed.
 */
import type { Board, Unsubscribe } from '../../board/port';
import { parseMapRecord, type MapRecord } from '../../domain/journey/map-record';

export const MAP_COLLECTION = 'touchpoint';
export const MAP_INDEX_KEY = 'maps';
export const mapKey = (mapId: string) => `map:${mapId}`;
/** Miro's per-key limit is thought to be 64 KB (unverified); stay well under it. */
export const MAX_RECORD_CHARS = 60_000;

export interface LoadedMaps {
  maps: MapRecord[];
  /** Records that could not be read, with why (the rest still load). */
  problems: { mapId: string; message: string }[];
}

const readIndex = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

export async function loadMapIds(board: Board): Promise<string[]> {
  return readIndex(await board.shared(MAP_COLLECTION).get(MAP_INDEX_KEY));
}

export async function loadMap(
  board: Board,
  mapId: string,
): Promise<{ ok: true; record: MapRecord } | { ok: false; message: string }> {
  const value = await board.shared(MAP_COLLECTION).get(mapKey(mapId));
  if (value === undefined) return { ok: false, message: 'This map is no longer on the board.' };
  const parsed = parseMapRecord(value);
  return parsed.ok ? { ok: true, record: parsed.value } : { ok: false, message: parsed.reason };
}

/**
 * The maps listed, from each listed key's stored value (undefined: none). A key listed but
 * without a value is skipped without a message: a remove raced with the read, or a record
 * write failed after the index's (then "Create on board" makes it anew).
 */
function collectMaps(listed: readonly { id: string; value: unknown }[]): LoadedMaps {
  const maps: MapRecord[] = [];
  const problems: LoadedMaps['problems'] = [];
  for (const { id, value } of listed) {
    if (value === undefined) continue;
    const parsed = parseMapRecord(value);
    if (parsed.ok) maps.push(parsed.value);
    else problems.push({ mapId: id, message: parsed.reason });
  }
  maps.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { maps, problems };
}

/** Every map stored on the board, oldest first. */
export async function loadMaps(board: Board): Promise<LoadedMaps> {
  const shared = board.shared(MAP_COLLECTION);
  const ids = await loadMapIds(board);
  return collectMaps(
    await Promise.all(ids.map(async (id) => ({ id, value: await shared.get(mapKey(id)) }))),
  );
}

/**
 * Writes the record and makes sure the index lists it. `knownIds`: the index as the caller
 * just read it, which saves reading it again (a call, and time, on Miro).
 */
export async function saveMap(
  board: Board,
  record: MapRecord,
  knownIds?: readonly string[],
): Promise<void> {
  const size = JSON.stringify(record).length;
  if (size > MAX_RECORD_CHARS)
    throw new Error(
      `The map record is ${size} characters; the board keeps at most ${MAX_RECORD_CHARS}.`,
    );
  const shared = board.shared(MAP_COLLECTION);
  const id = record.spec.id;
  // Record and index at once (a round trip saved on Miro). If the record write fails, the index
  // may list a map without a record: `loadMaps` skips it and "Create on board" makes it anew.
  const indexWrite = async () => {
    const ids = knownIds ?? readIndex(await shared.get(MAP_INDEX_KEY));
    if (!ids.includes(id)) await shared.set(MAP_INDEX_KEY, [...ids, id]);
  };
  await Promise.all([shared.set(mapKey(id), record), indexWrite()]);
}

export async function deleteMap(board: Board, mapId: string): Promise<void> {
  const shared = board.shared(MAP_COLLECTION);
  const ids = readIndex(await shared.get(MAP_INDEX_KEY));
  if (ids.includes(mapId))
    await shared.set(
      MAP_INDEX_KEY,
      ids.filter((id) => id !== mapId),
    );
  await shared.remove(mapKey(mapId));
}

/** Calls `fn` with the list of map ids now and whenever any participant changes it. */
export function watchMapIds(
  board: Board,
  fn: (ids: string[]) => void,
  onError?: (error: unknown) => void,
): Unsubscribe {
  return board
    .shared(MAP_COLLECTION)
    .watch(MAP_INDEX_KEY, (value) => fn(readIndex(value)), onError);
}

/** Calls `fn` with the map's record (or null once removed) now and on every change. */
export function watchMap(
  board: Board,
  mapId: string,
  fn: (record: MapRecord | null) => void,
): Unsubscribe {
  return board.shared(MAP_COLLECTION).watch(mapKey(mapId), (value) => {
    const parsed = value === undefined ? null : parseMapRecord(value);
    fn(parsed?.ok ? parsed.value : null);
  });
}

/** One `watchMaps` caller: its maps, and where a first read failed, why. */
type MapsListener = {
  fn: (loaded: LoadedMaps) => void;
  onError: ((error: unknown) => void) | undefined;
  /** Heard anything yet (a joiner's catch-up is then skipped). */
  heard: boolean;
};

/** One following of a board's maps, shared by every `watchMaps` on that board. */
interface MapsFeed {
  readonly listeners: Set<MapsListener>;
  /** The maps last delivered. */
  last: LoadedMaps | null;
  /** A first read that failed since the last delivery. */
  failure: { error: unknown } | null;
  stop: Unsubscribe;
}
const feeds = new WeakMap<Board, MapsFeed>();

/**
 * Calls `fn` with the board's maps (as `loadMaps` reads them) once the index and every listed
 * record have been read, then whenever any of them changes: a map added, removed, renamed or
 * edited by any participant. The maps come from the watches' own values, so opening costs one
 * read per key and a change costs none (issue 12 §1: the panel made ten calls more before).
 *
 * Every watch of one board shares one following: a watch that joins once the maps are read gets
 * them at once, with no call, and a watch that joins while they are being read waits for that
 * read. So the Miro panel starts reading the maps beside the board info and the user, and the
 * Map tab, mounted later, joins (issue 12 §1). The following stops with its last watch.
 *
 * `expected`: the ids the caller guesses the index lists (the maps this browser last saw). A
 * following this watch starts reads their records beside the index instead of after it, so where
 * the guess holds the maps come one round trip sooner. The index still decides: a guessed id it
 * does not list is dropped unread or unused, and a listed id not guessed is read once it is known.
 */
export function watchMaps(
  board: Board,
  fn: (loaded: LoadedMaps) => void,
  /** A first read failed: the maps come with the next change, unless the caller reads them. */
  onError?: (error: unknown) => void,
  expected: readonly string[] = [],
): Unsubscribe {
  const feed = feeds.get(board) ?? startFeed(board, expected);
  const listener: MapsListener = { fn, onError, heard: false };
  feed.listeners.add(listener);
  if (feed.last !== null || feed.failure !== null) {
    // Joining a following that has heard already: what it heard, without a read. Never during
    // this call, as a first value never comes during a platform's watch call either.
    queueMicrotask(() => {
      if (!feed.listeners.has(listener) || listener.heard) return;
      listener.heard = true;
      if (feed.failure) listener.onError?.(feed.failure.error);
      else if (feed.last) listener.fn(feed.last);
    });
  }
  return () => {
    if (!feed.listeners.delete(listener) || feed.listeners.size > 0) return;
    feed.stop();
    if (feeds.get(board) === feed) feeds.delete(board);
  };
}

function startFeed(board: Board, expected: readonly string[]): MapsFeed {
  const feed: MapsFeed = { listeners: new Set(), last: null, failure: null, stop: () => undefined };
  const tell = (hear: (listener: MapsListener) => void): void => {
    for (const listener of [...feed.listeners]) {
      listener.heard = true;
      hear(listener);
    }
  };
  feed.stop = followMaps(
    board,
    (loaded) => {
      feed.last = loaded;
      feed.failure = null;
      tell((listener) => listener.fn(loaded));
    },
    (error) => {
      feed.failure = { error };
      tell((listener) => listener.onError?.(error));
    },
    expected,
  );
  // Shared only once it follows: a board that throws leaves no silent following behind.
  feeds.set(board, feed);
  return feed;
}

/**
 * The watches behind one following: the index, and each listed map's record. The expected ids'
 * records are followed from the start, beside the index.
 */
function followMaps(
  board: Board,
  fn: (loaded: LoadedMaps) => void,
  onError: (error: unknown) => void,
  expected: readonly string[],
): Unsubscribe {
  const shared = board.shared(MAP_COLLECTION);
  /** Each followed map's record as last seen; `seen` once its first value arrived. */
  interface Followed {
    value: unknown;
    seen: boolean;
    unwatch: Unsubscribe;
  }
  const records = new Map<string, Followed>();
  let ids: string[] | null = null;
  const deliver = (): void => {
    if (ids === null || ids.some((id) => !records.get(id)?.seen)) return;
    fn(collectMaps(ids.map((id) => ({ id, value: records.get(id)?.value }))));
  };
  const follow = (id: string): void => {
    const record: Followed = { value: undefined, seen: false, unwatch: () => undefined };
    records.set(id, record);
    const unwatch = shared.watch(
      mapKey(id),
      (value) => {
        record.value = value;
        record.seen = true;
        deliver();
      },
      (error) => {
        if (ids !== null) return onError(error);
        // A guessed record that could not be read before the index was: forgotten, so that if
        // the index lists it, it is read again then (and a failure of that read reported).
        record.unwatch();
        records.delete(id);
      },
    );
    // Forgotten already if its failure came during the call.
    if (records.get(id) === record) record.unwatch = unwatch;
    else unwatch();
  };
  const unwatchIndex = watchMapIds(
    board,
    (next) => {
      ids = next;
      for (const [id, record] of records) {
        if (!next.includes(id)) {
          record.unwatch();
          records.delete(id);
        }
      }
      for (const id of next) if (!records.has(id)) follow(id);
      deliver();
    },
    onError,
  );
  const stop = (): void => {
    unwatchIndex();
    for (const record of records.values()) record.unwatch();
  };
  try {
    for (const id of new Set(expected)) follow(id);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
