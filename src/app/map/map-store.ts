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

/** Every map stored on the board, oldest first. */
export async function loadMaps(board: Board): Promise<LoadedMaps> {
  const ids = await loadMapIds(board);
  const loaded = await Promise.all(
    ids.map(async (id) => ({ id, result: await loadMap(board, id) })),
  );
  const maps: MapRecord[] = [];
  const problems: LoadedMaps['problems'] = [];
  for (const { id, result } of loaded) {
    if (result.ok) maps.push(result.record);
    // A key listed but gone: a remove raced with this read; not worth a message.
    else if (result.message !== 'This map is no longer on the board.')
      problems.push({ mapId: id, message: result.message });
  }
  maps.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { maps, problems };
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
export function watchMapIds(board: Board, fn: (ids: string[]) => void): Unsubscribe {
  return board.shared(MAP_COLLECTION).watch(MAP_INDEX_KEY, (value) => fn(readIndex(value)));
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

/**
 * Calls `fn` whenever the set of maps or any map's record changes (a map added, removed, renamed
 * or edited by another participant): the index, and each listed map's record.
 */
export function watchMaps(board: Board, fn: () => void): Unsubscribe {
  const records = new Map<string, Unsubscribe>();
  const unwatchIndex = watchMapIds(board, (ids) => {
    for (const [id, unwatch] of records) {
      if (!ids.includes(id)) {
        unwatch();
        records.delete(id);
      }
    }
    for (const id of ids) {
      if (!records.has(id))
        records.set(
          id,
          watchMap(board, id, () => fn()),
        );
    }
    fn();
  });
  return () => {
    unwatchIndex();
    for (const unwatch of records.values()) unwatch();
  };
}
