import type { JourneyMap } from './journey-map';

/** Id → display name lookups for a map's stages, lanes and clusters. */
export interface MapNames {
  stage(id: string | null): string;
  lane(id: string | null): string;
  cluster(id: string | null): string;
}

export function createMapNames(map: JourneyMap): MapNames {
  const stages = new Map(map.stages.map((s) => [s.id, s.name]));
  const lanes = new Map(map.lanes.map((l) => [l.id, l.name]));
  const clusters = new Map(map.clusters.map((c) => [c.id, c.label]));
  const get = (names: Map<string, string>) => (id: string | null) =>
    id === null ? '' : (names.get(id) ?? id);
  return { stage: get(stages), lane: get(lanes), cluster: get(clusters) };
}
