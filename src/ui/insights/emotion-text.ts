/**
 * The emotion section's words: a stage's team mood (mean, spread, how many), a rating's sign, and
 * what the board holds of the curve.
 */
import { countOf } from '../../domain/common';
import { formatMean } from '../../domain/insights/curve-layout';
import { faceOf, type StageEmotion } from '../../domain/insights/emotion';
import type { CurveState } from './insights-tab-model';

type TeamMood = Pick<StageEmotion, 'mean' | 'spread' | 'count'>;

/** The team's mood for a stage in words, for screen readers: "Team: Neutral, mean 0.0, …". */
export function teamMoodLabel(stat: TeamMood | undefined): string {
  const mean = stat?.mean ?? null;
  if (mean === null) return 'Team: no ratings';
  return `Team: ${faceOf(mean).label}, mean ${formatMean(mean)}, spread ${spreadOf(stat)}, ${countOf(stat?.count ?? 0, 'rating')}`;
}

/** The team's mood for a stage in figures, beside its face: "+0.5 ± 1.2 · 4". */
export const teamMoodFigures = (mean: number, stat: TeamMood): string =>
  `${formatMean(mean)} ± ${spreadOf(stat)} · ${stat.count}`;

const spreadOf = (stat: TeamMood | undefined): string => (stat?.spread ?? 0).toFixed(1);

/** A rating with its sign when positive: "+2", "0", "-1". */
export const signed = (value: number): string => (value > 0 ? `+${value}` : `${value}`);

/** What the board holds of the curve, for a map that has an Emotions lane or a drawn curve. */
export function curveStateText(
  curve: Pick<CurveState, 'drawn' | 'canDraw'>,
  stale: boolean,
): string {
  if (!curve.drawn) return 'The curve is not on the board yet.';
  if (!stale) return 'The curve on the board shows these ratings.';
  return curve.canDraw
    ? 'Ratings changed since the curve was drawn; this panel updates it in a moment.'
    : 'Ratings changed since the curve was drawn; a facilitator’s panel updates it.';
}
