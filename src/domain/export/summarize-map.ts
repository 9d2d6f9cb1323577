import { countOf } from '../common';
import type { JourneyMapFile } from './journey-map';

/** One line for the history list: "42 notes in 6 stages, 3 loose, 2 clusters, 1 vote round". */
export function summarizeMap(file: JourneyMapFile): string {
  const { map } = file;
  const loose = map.notes.filter((n) => n.loose).length;
  const parts = [
    `${countOf(map.notes.length - loose, 'note')} in ${countOf(map.stages.length, 'stage')}`,
    `${loose} loose`,
    countOf(map.clusters.length, 'cluster'),
    countOf(map.voteRounds.length, 'vote round'),
  ];
  if (map.actions.length > 0) parts.push(countOf(map.actions.length, 'action'));
  return parts.join(', ');
}
