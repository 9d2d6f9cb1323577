/**
 * Vote tab › what a new round may vote on, as the start form offers it: the kinds of target with
 * their labels, and the stage, lane or map to pick for the kinds that need one. Pure.
 */
import type { NamedGroup, VoteContext } from '../../app/voting/vote-items';
import type { RoundTargetKind } from '../../domain/voting/vote-round';

/** The kinds of target the board offers, labelled with how many notes each holds. */
export function targetChoices(
  context: Pick<VoteContext, 'maps' | 'mapNoteIds' | 'stages' | 'lanes' | 'clusters'>,
  selected: number,
): { id: RoundTargetKind; label: string }[] {
  const onlyMap = context.maps.length === 1 ? context.maps[0] : undefined;
  return [
    {
      id: 'map',
      label:
        context.maps.length > 1
          ? 'Whole map'
          : onlyMap
            ? `Whole map (${onlyMap.notes} notes)`
            : `Whole board (${context.mapNoteIds.length} notes)`,
    },
    { id: 'selection', label: `Selected notes (${selected})` },
    ...(context.stages.length > 0 ? [{ id: 'stage' as const, label: 'One stage' }] : []),
    ...(context.lanes.length > 0 ? [{ id: 'lane' as const, label: 'One lane' }] : []),
    ...(context.clusters
      ? [{ id: 'clusters' as const, label: `Clusters (${context.clusters.length})` }]
      : []),
  ];
}

/** The groups to pick one of for a kind of target, under "Vote on". */
export interface GroupChoice {
  /** What is picked: "Stage", "Lane" or "Map". */
  label: string;
  groups: readonly NamedGroup[];
  /** Stages and lanes of several maps, grouped by map (each option stays short at 320 px). */
  byMap: { map: NamedGroup; items: NamedGroup[] }[] | null;
}

/** What to pick for a kind of target: a stage, a lane, or one of several maps; null for none. */
export function groupChoice(
  context: Pick<VoteContext, 'maps' | 'stages' | 'lanes'>,
  kind: RoundTargetKind,
): GroupChoice | null {
  const several = context.maps.length > 1;
  const groups =
    kind === 'stage'
      ? context.stages
      : kind === 'lane'
        ? context.lanes
        : kind === 'map' && several
          ? context.maps
          : null;
  if (!groups) return null;
  return {
    label: kind === 'stage' ? 'Stage' : kind === 'lane' ? 'Lane' : 'Map',
    groups,
    byMap:
      several && kind !== 'map'
        ? context.maps.map((m) => ({ map: m, items: groups.filter((g) => g.mapId === m.id) }))
        : null,
  };
}

/** The group a kind of target starts on (the first stage, lane or map); '' for none. */
export function firstGroupOf(
  context: Pick<VoteContext, 'maps' | 'stages' | 'lanes'>,
  kind: RoundTargetKind,
): string {
  const first =
    kind === 'stage'
      ? context.stages[0]?.id
      : kind === 'lane'
        ? context.lanes[0]?.id
        : kind === 'map'
          ? context.maps[0]?.id
          : '';
  return first ?? '';
}
