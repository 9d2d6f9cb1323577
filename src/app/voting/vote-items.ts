import { shortMapName } from '../../domain/journey/map-spec';
/**
 * What can be voted on: the board's notes with the stage and lane each sits in (domain/stages
 * rules over the stored maps), and the applied clusters when the grouping has stored some.
 * Read once per use; the panel reads again when the board changes.
 */
import { countOf } from '../../domain/common';
import type { Board, BoardItem } from '../../board/port';
import { mapShortName } from '../../domain/journey/stage-tag-titles';
import { belongsToMap, createStageContexts, decideStage } from '../../domain/stages/decide-stage';
import { isRecord } from '../../domain/voting/guards';
import type { TallyItem } from '../../domain/voting/tally-votes';
import type { RoundTarget, RoundTargetKind } from '../../domain/voting/vote-round';
import { loadPlacedMaps } from '../map/load-placed-maps';
import type { PlacedMap } from '../../domain/stages/placed-map';
import { MAP_COLLECTION } from '../map/map-store';

/** Where the grouping keeps applied clusters (ARCHITECTURE.md §6); absent until it does. */
export const CLUSTERS_KEY = 'clusters';

export interface VotableItem extends TallyItem {
  /** Plain text of the note, or the cluster's label. Render as text, never as HTML. */
  text: string;
  kind: 'note' | 'cluster';
  /** Notes only: where it is, for badges and dot stickers. */
  rect: BoardItem['rect'] | null;
  /** Clusters only: their notes. */
  memberIds: string[];
}

export interface NamedGroup {
  id: string;
  /** The stage's, lane's or map's own name (pickers group stages and lanes by map). */
  name: string;
  notes: number;
  /** The map it belongs to, and a short name for it (pickers at 320 px). */
  mapId: string;
  mapName: string;
}

export interface MapGroup extends NamedGroup {
  /** The map's notes by the membership rule. */
  noteIds: string[];
}

export interface VoteContext {
  notes: VotableItem[];
  clusters: VotableItem[] | null;
  /** Notes of any Touchpoint map; every note when the board has no map. */
  mapNoteIds: string[];
  hasMap: boolean;
  /** Each map with its notes (issue 9 §1: inside its frame, or tagged with its stage tag). */
  maps: MapGroup[];
  stages: NamedGroup[];
  lanes: NamedGroup[];
}

/** Clusters as the grouping stores them: `[{ id, label, memberIds }]` or `{ clusters: [...] }`. */
export function readClusters(
  value: unknown,
): { id: string; label: string; memberIds: string[] }[] | null {
  const list = Array.isArray(value)
    ? value
    : isRecord(value) && Array.isArray(value.clusters)
      ? value.clusters
      : null;
  if (!list) return null;
  const out: { id: string; label: string; memberIds: string[] }[] = [];
  for (const c of list) {
    if (!isRecord(c) || typeof c.id !== 'string' || c.id === '') continue;
    const memberIds = Array.isArray(c.memberIds)
      ? c.memberIds.filter((m): m is string => typeof m === 'string')
      : [];
    out.push({
      id: c.id,
      label: typeof c.label === 'string' ? c.label : 'Untitled group',
      memberIds,
    });
  }
  return out;
}

/** The board as a caller already read it (the export): its notes and its placed maps. */
export interface BoardRead {
  items: readonly BoardItem[];
  placed: readonly PlacedMap[];
}

/** What votes can be about; reads the board unless `read` brings it. */
export async function loadVoteContext(board: Board, read?: BoardRead): Promise<VoteContext> {
  const [noteItems, placed, clusterValue] = await Promise.all([
    read ? read.items.filter((i) => i.kind === 'note') : board.listItems(['note']),
    read ? [...read.placed] : loadPlacedMaps(board),
    board.shared(MAP_COLLECTION).get(CLUSTERS_KEY),
  ]);
  const contexts = createStageContexts(placed);
  const notesOfMap = new Map<string, string[]>(placed.map((p) => [p.spec.id, []]));
  const stageCount = new Map<string, number>();
  const laneCount = new Map<string, number>();
  const mapNoteIds: string[] = [];
  const clusters = readClusters(clusterValue);
  const clusterOf = new Map<string, string>();
  for (const c of clusters ?? []) for (const m of c.memberIds) clusterOf.set(m, c.id);

  const notes: VotableItem[] = noteItems
    .filter((n) => n.kind === 'note')
    .map((note) => {
      let stageId: string | null = null;
      let laneId: string | null = null;
      let inMap = false;
      for (const ctx of contexts) {
        if (!belongsToMap(note, ctx)) continue;
        // A note tagged for two maps counts in each map's whole-map scope; its stage is the first's.
        notesOfMap.get(ctx.geometry.spec.id)?.push(note.id);
        if (inMap) continue;
        ({ stageId, laneId } = decideStage(note, ctx));
        inMap = true;
      }
      if (inMap || contexts.length === 0) mapNoteIds.push(note.id);
      if (stageId) stageCount.set(stageId, (stageCount.get(stageId) ?? 0) + 1);
      if (laneId) laneCount.set(laneId, (laneCount.get(laneId) ?? 0) + 1);
      return {
        id: note.id,
        text: note.text,
        kind: 'note' as const,
        rect: note.rect,
        memberIds: [],
        stageId,
        laneId,
        clusterId: clusterOf.get(note.id) ?? null,
      };
    });

  const short = new Map(placed.map((p) => [p.spec.id, mapShortName(p.spec.title)]));
  const of = (mapId: string) => ({ mapId, mapName: short.get(mapId) ?? '' });
  return {
    notes,
    clusters:
      clusters && clusters.length > 0
        ? clusters.map((c) => ({
            id: c.id,
            text: c.label,
            kind: 'cluster' as const,
            rect: null,
            memberIds: c.memberIds,
          }))
        : null,
    mapNoteIds,
    hasMap: placed.length > 0,
    maps: placed.map((p) => {
      const noteIds = notesOfMap.get(p.spec.id) ?? [];
      return {
        id: p.spec.id,
        name: p.spec.title,
        notes: noteIds.length,
        noteIds,
        ...of(p.spec.id),
      };
    }),
    stages: placed.flatMap((p) =>
      p.spec.stages.map((s) => ({
        id: s.id,
        name: s.name,
        notes: stageCount.get(s.id) ?? 0,
        ...of(p.spec.id),
      })),
    ),
    lanes: placed.flatMap((p) =>
      p.spec.lanes.map((l) => ({
        id: l.id,
        name: l.name,
        notes: laneCount.get(l.id) ?? 0,
        ...of(p.spec.id),
      })),
    ),
  };
}

/** "Consideration", or "Consideration (Café)" when the board has several maps. */
const withMap = (context: VoteContext, group: NamedGroup | undefined, fallback: string) =>
  group === undefined
    ? fallback
    : context.maps.length > 1
      ? `${group.name} (${shortMapName(group.mapName)})`
      : group.name;

/**
 * The round's target with its items resolved now: later notes are not part of the round, so
 * every voter sees the same list. An empty list is left for the domain validator to refuse.
 */
export function resolveTarget(
  context: VoteContext,
  kind: RoundTargetKind,
  refId: string | null,
  selectedIds: readonly string[],
): RoundTarget {
  switch (kind) {
    case 'selection': {
      const selected = new Set(selectedIds);
      const itemIds = context.notes.filter((n) => selected.has(n.id)).map((n) => n.id);
      return {
        kind,
        refId: null,
        description: `Selection · ${countOf(itemIds.length, 'note')}`,
        itemIds,
      };
    }
    case 'stage': {
      const itemIds = context.notes.filter((n) => n.stageId === refId).map((n) => n.id);
      const name = withMap(
        context,
        context.stages.find((s) => s.id === refId),
        'stage',
      );
      return {
        kind,
        refId,
        description: `Stage · ${name} (${countOf(itemIds.length, 'note')})`,
        itemIds,
      };
    }
    case 'lane': {
      const itemIds = context.notes.filter((n) => n.laneId === refId).map((n) => n.id);
      const name = withMap(
        context,
        context.lanes.find((l) => l.id === refId),
        'lane',
      );
      return {
        kind,
        refId,
        description: `Lane · ${name} (${countOf(itemIds.length, 'note')})`,
        itemIds,
      };
    }
    case 'map': {
      // One map's notes (the first map's unless the picker names another); the whole board
      // when there is no map.
      const map = context.maps.find((m) => m.id === refId) ?? context.maps[0];
      if (!map) {
        const itemIds = [...context.mapNoteIds];
        return {
          kind,
          refId: null,
          description: `Whole board (${countOf(itemIds.length, 'note')})`,
          itemIds,
        };
      }
      const itemIds = [...map.noteIds];
      const where =
        context.maps.length > 1 ? `Whole map · ${shortMapName(map.mapName)}` : 'Whole map';
      return {
        kind,
        refId: map.id,
        description: `${where} (${countOf(itemIds.length, 'note')})`,
        itemIds,
      };
    }
    case 'clusters': {
      const itemIds = (context.clusters ?? []).map((c) => c.id);
      return {
        kind,
        refId: null,
        description: `Clusters (${countOf(itemIds.length, 'group')})`,
        itemIds,
      };
    }
  }
}

/** Items of the round that still exist, with their text (clusters for cluster rounds). */
export function itemsOfContext(context: VoteContext, kind: RoundTargetKind): VotableItem[] {
  return kind === 'clusters' ? (context.clusters ?? []) : context.notes;
}
