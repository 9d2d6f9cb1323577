/**
 * Which notes on this board came from an imported file, and under which import key: the board's
 * shared collection `touchpoint` keeps it, so every participant's import sees the same index and
 * a second import of the same file skips what is there. Miro keeps a value per key small (about
 * 64 KB), and a 2,000-note import needs more, so each import appends chunks:
 *
 *   imports            → map ids that have imports
 *   imports:<mapId>    → number of chunks
 *   imports:<mapId>:n  → [itemId, importKey][]
 *
 * Notes carry no marker for this: on Miro a marker costs a call per note to write and another to
 * read. A note that does carry one (role `note`) is still recognised by `deriveImportKey`.
 *
 * Intent before effect (issue 10 §2): before its batch an import appends its plan — where each
 * note will go, as `[planToken(rect relative to the map's frame), importKey]` (the token and
 * the plan's rules: `domain/export/import-plan.ts`) — so a note whose id never came back (the
 * panel closed, the answer was lost, the index write failed) is still known by its place, and a
 * repair puts the missing notes exactly where the plan said.
 */
import type { Board } from '../../board/port';
import { MAP_COLLECTION, MAX_RECORD_CHARS } from '../map/map-store';

export const IMPORTS_INDEX_KEY = 'imports';
export const importsKey = (mapId: string) => `imports:${mapId}`;
export const importsChunkKey = (mapId: string, n: number) => `imports:${mapId}:${n}`;

/** Characters per chunk, under the per-key limit with room for JSON punctuation. */
const CHUNK_CHARS = MAX_RECORD_CHARS - 1_000;

const readIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

const readCount = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 10_000 ? value : 0;

function readPairs(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  const out: [string, string][] = [];
  for (const pair of value as unknown[]) {
    if (
      Array.isArray(pair) &&
      pair.length === 2 &&
      typeof pair[0] === 'string' &&
      typeof pair[1] === 'string' &&
      pair[0] !== '' &&
      pair[1] !== ''
    )
      out.push([pair[0], pair[1]]);
  }
  return out;
}

/** Item id → the map it was imported into and its import key. */
export async function loadImportedKeys(
  board: Board,
): Promise<Map<string, { mapId: string; key: string }>> {
  const shared = board.shared(MAP_COLLECTION);
  const mapIds = readIds(await shared.get(IMPORTS_INDEX_KEY));
  const perMap = await Promise.all(
    mapIds.map(async (mapId) => {
      const chunks = readCount(await shared.get(importsKey(mapId)));
      const values = await Promise.all(
        Array.from({ length: chunks }, (_, n) => shared.get(importsChunkKey(mapId, n))),
      );
      return { mapId, pairs: values.flatMap(readPairs) };
    }),
  );
  const out = new Map<string, { mapId: string; key: string }>();
  for (const { mapId, pairs } of perMap) for (const [id, key] of pairs) out.set(id, { mapId, key });
  return out;
}

/** Splits pairs into chunks whose JSON stays under the per-key limit. */
export function chunkPairs(
  pairs: readonly [string, string][],
  limit = CHUNK_CHARS,
): [string, string][][] {
  const chunks: [string, string][][] = [];
  let current: [string, string][] = [];
  let size = 2;
  for (const pair of pairs) {
    const cost = JSON.stringify(pair).length + 1;
    if (current.length > 0 && size + cost > limit) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(pair);
    size += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Appends newly imported notes to the map's index (chunks first, then the counts that list them). */
export async function saveImportedKeys(
  board: Board,
  mapId: string,
  pairs: readonly [string, string][],
): Promise<void> {
  if (pairs.length === 0) return;
  const shared = board.shared(MAP_COLLECTION);
  const [mapIds, count] = await Promise.all([
    shared.get(IMPORTS_INDEX_KEY).then(readIds),
    shared.get(importsKey(mapId)).then(readCount),
  ]);
  const chunks = chunkPairs(pairs);
  await Promise.all(chunks.map((chunk, i) => shared.set(importsChunkKey(mapId, count + i), chunk)));
  await Promise.all([
    shared.set(importsKey(mapId), count + chunks.length),
    mapIds.includes(mapId) ? undefined : shared.set(IMPORTS_INDEX_KEY, [...mapIds, mapId]),
  ]);
}
