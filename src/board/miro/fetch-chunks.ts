/**
 * Which existing items an `apply` batch reads before it writes: the items it changes, the frames
 * it places into and the ends it joins, each once, in batch order, 50 ids per `get`.
 */
import type { WriteOp } from '../port';

const FETCH_CHUNK = 50;

/** One shared read of a batch: its task key and the ids it asks for. */
export interface FetchChunk {
  readonly key: string;
  readonly ids: string[];
}

/** The existing items an op needs by id (refs are items the batch makes itself). */
function idsOf(op: WriteOp): string[] {
  switch (op.op) {
    case 'update':
    case 'remove':
    case 'tag':
      return [op.id];
    case 'create':
      return op.parent && 'id' in op.parent ? [op.parent.id] : [];
    case 'connect':
      return [op.from, op.to].flatMap((end) => ('id' in end ? [end.id] : []));
    case 'ensureTag':
    case 'renameTag':
      return [];
  }
}

export function fetchChunks(live: readonly { op: WriteOp }[]): FetchChunk[] {
  const ids = [...new Set(live.flatMap(({ op }) => idsOf(op)))];
  const chunks: FetchChunk[] = [];
  for (let start = 0; start < ids.length; start += FETCH_CHUNK) {
    chunks.push({
      key: `fetch:${start / FETCH_CHUNK}`,
      ids: ids.slice(start, start + FETCH_CHUNK),
    });
  }
  return chunks;
}
