import type { JourneyMapFile } from './journey-map-v1';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One line for the history list: "42 notes in 6 stages, 3 loose, 2 clusters, 1 vote round". */
export function summarizeMap(file: JourneyMapFile): string {
  const { map } = file;
  const loose = map.notes.filter((n) => n.loose).length;
  const parts = [
    `${plural(map.notes.length - loose, 'note')} in ${plural(map.stages.length, 'stage')}`,
    `${loose} loose`,
    plural(map.clusters.length, 'cluster'),
    plural(map.voteRounds.length, 'vote round'),
  ];
  if (map.actions.length > 0) parts.push(plural(map.actions.length, 'action'));
  return parts.join(', ');
}
