/**
 * The applied groups on the board's shared collection `touchpoint` (ARCHITECTURE.md §6): one key
 * per map (`groups:<mapId>`, or `groups:board` for notes outside any map), so the team sees the
 * same groups; and the `clusters` key voting reads (every applied group of the board). Values read
 * back are `unknown` until parsed here.
 */
import type { Board } from '../../board/port';
import type { ExportCluster } from '../../domain/export/journey-map';
import { loadMapIds, MAP_COLLECTION } from '../map/map-store';

export interface AppliedCluster {
  id: string;
  label: string;
  keywords: string[];
  memberIds: string[];
}

export interface AppliedGroups {
  version: 1;
  /** Null for groups outside any map. */
  mapId: string | null;
  appliedAt: string;
  clusters: AppliedCluster[];
}

export const groupsKey = (mapId: string | null) => `groups:${mapId ?? 'board'}`;
/** Read by voting (`app/voting/vote-items.ts`, `CLUSTERS_KEY`). */
export const VOTING_CLUSTERS_KEY = 'clusters';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

export function parseAppliedGroups(value: unknown): AppliedGroups | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  if (o.version !== 1 || !Array.isArray(o.clusters)) return null;
  const clusters: AppliedCluster[] = [];
  for (const raw of o.clusters as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const c = raw as Record<string, unknown>;
    if (typeof c.id !== 'string' || c.id === '') continue;
    clusters.push({
      id: c.id,
      label: typeof c.label === 'string' ? c.label : 'Untitled group',
      keywords: strings(c.keywords),
      memberIds: strings(c.memberIds),
    });
  }
  return {
    version: 1,
    mapId: typeof o.mapId === 'string' ? o.mapId : null,
    appliedAt: typeof o.appliedAt === 'string' ? o.appliedAt : '',
    clusters,
  };
}

export async function loadAppliedGroups(
  board: Board,
  mapId: string | null,
): Promise<AppliedGroups | null> {
  return parseAppliedGroups(await board.shared(MAP_COLLECTION).get(groupsKey(mapId)));
}

/**
 * A new grouping of some notes on top of what was applied before: those notes leave their old
 * clusters (clusters left empty go), the new clusters join.
 */
export function mergeAppliedGroups(
  before: AppliedGroups | null,
  next: AppliedGroups,
): AppliedGroups {
  const regrouped = new Set(next.clusters.flatMap((c) => c.memberIds));
  const newIds = new Set(next.clusters.map((c) => c.id));
  const kept = (before?.clusters ?? [])
    .filter((c) => !newIds.has(c.id))
    .map((c) => ({ ...c, memberIds: c.memberIds.filter((id) => !regrouped.has(id)) }))
    .filter((c) => c.memberIds.length > 0);
  return { ...next, clusters: [...kept, ...next.clusters] };
}

/** Writes (or, with null, removes) a map's groups, then the board-wide list voting reads. */
export async function saveAppliedGroups(
  board: Board,
  mapId: string | null,
  value: unknown,
): Promise<void> {
  const shared = board.shared(MAP_COLLECTION);
  if (value === undefined || value === null) await shared.remove(groupsKey(mapId));
  else await shared.set(groupsKey(mapId), value);
  const ids = [null, ...(await loadMapIds(board))];
  const all = await Promise.all(ids.map((id) => loadAppliedGroups(board, id)));
  await shared.set(VOTING_CLUSTERS_KEY, {
    clusters: all.flatMap((g) =>
      (g?.clusters ?? []).map(({ id, label, memberIds }) => ({ id, label, memberIds })),
    ),
  });
}

export interface ExportedClusters {
  clusters: ExportCluster[];
  /** Note id → cluster id, for `deriveJourneyMap`'s `clusterIds`. */
  clusterIds: Record<string, string>;
}

/**
 * The applied clusters for the export of one map (issue 4 §4): the map's own groups and the
 * groups of loose notes (`groups:board`), limited to notes the export holds when `noteIds` is given.
 */
export async function exportAppliedClusters(
  board: Board,
  mapId: string,
  noteIds?: ReadonlySet<string>,
): Promise<ExportedClusters> {
  const [own, loose] = await Promise.all([
    loadAppliedGroups(board, mapId),
    loadAppliedGroups(board, null),
  ]);
  const clusters: ExportCluster[] = [];
  const clusterIds: Record<string, string> = {};
  const seen = new Set<string>();
  for (const c of [...(own?.clusters ?? []), ...(loose?.clusters ?? [])]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const memberIds = c.memberIds.filter(
      (id) => (noteIds === undefined || noteIds.has(id)) && clusterIds[id] === undefined,
    );
    if (memberIds.length === 0) continue;
    for (const id of memberIds) clusterIds[id] = c.id;
    clusters.push({ id: c.id, label: c.label, keywords: [...c.keywords], memberIds });
  }
  return { clusters, clusterIds };
}
