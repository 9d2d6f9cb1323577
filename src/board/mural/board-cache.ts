/**
 * What the MURAL adapter keeps between calls (widgets last seen, tags, markers, create fields
 * MURAL refused) and what reads it: the mural's record, its widgets, its data area.
 */
import type { ItemMarker } from '../../domain/board/board-item';
import type { WriteQueue } from '../write-queue';
import type { MuralTag } from './apply-ops';
import { listAll, type MuralClient } from './client';
import { createDataArea, type DataArea } from './data-area';
import { createMuralRecord } from './mural-record';
import { boardOrigin, parseWidgets, type MuralWidget, type Position } from './widgets';

export interface MuralCache {
  readonly client: MuralClient;
  readonly muralId: string;
  /** `/murals/{id}`. */
  readonly base: string;
  /** Runs one request within the adapter's rate budget. */
  readonly read: <T>(fn: () => Promise<T>) => Promise<T>;
  /** The mural's own record (title, size), read once. */
  readonly mural: () => Promise<Record<string, unknown>>;
  /** Widgets of the mural (every page), filtered by `query`. */
  readonly listWidgets: (query?: Record<string, string | undefined>) => Promise<MuralWidget[]>;
  readonly dataArea: DataArea;
  readonly widgets: Map<string, MuralWidget>;
  readonly tags: Map<string, MuralTag>;
  readonly refusedOnCreate: Set<string>;
  markers: Map<string, ItemMarker>;
}

export function createMuralCache(
  client: MuralClient,
  muralId: string,
  queue: WriteQueue,
  onError: (error: unknown) => void,
): MuralCache {
  const base = `/murals/${encodeURIComponent(muralId)}`;
  const read = <T>(fn: () => Promise<T>): Promise<T> => queue.call(fn);
  const mural = createMuralRecord(client, base);
  const listWidgets = async (
    query: Record<string, string | undefined> = {},
  ): Promise<MuralWidget[]> => parseWidgets(await listAll(client, `${base}/widgets`, query, read));
  return {
    client,
    muralId,
    base,
    read,
    mural,
    listWidgets,
    dataArea: createDataArea({ client, base, read, listWidgets, mural, onError }),
    widgets: new Map(),
    tags: new Map(),
    refusedOnCreate: new Set(),
    markers: new Map(),
  };
}

/** Board (0, 0) in the mural's own coordinates. */
export const originOf = async (cache: MuralCache): Promise<Position> =>
  boardOrigin(await cache.mural());
