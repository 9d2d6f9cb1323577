/**
 * The emotion curve (issue 14 §1): participants rate how a persona feels at each stage, on a
 * five-point scale from very negative to very positive, for the journey as it is and as it
 * should be. Ratings are shared data like ballots; this file holds the scale, the validator of a
 * rating read from the board, and the per-stage statistics the panel and the curve show.
 */
import { isIsoTimestamp, isRecord, isWholeNumber } from '../voting/guards';

export const EMOTION_SCALE = [
  { value: -2, face: '😫', label: 'Very negative' },
  { value: -1, face: '🙁', label: 'Negative' },
  { value: 0, face: '😐', label: 'Neutral' },
  { value: 1, face: '🙂', label: 'Positive' },
  { value: 2, face: '😄', label: 'Very positive' },
] as const;
export type EmotionValue = (typeof EMOTION_SCALE)[number]['value'];
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** As-is: the journey today. To-be: the journey the team wants. One line each per persona. */
export const CURVE_LINES = ['as-is', 'to-be'] as const;
export type CurveLine = (typeof CURVE_LINES)[number];

export interface EmotionRating {
  mapId: string;
  stageId: string;
  personaId: string;
  line: CurveLine;
  value: EmotionValue;
  /** Who rated: the rater's own key, so they can see and change their rating. */
  raterKey: string;
  /** The rater's department, when they picked one. */
  department: string | null;
  /** ISO timestamp of the last change. */
  updatedAt: string;
}

export type RatingValidation = { ok: true; rating: EmotionRating } | { ok: false; message: string };

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/** Checks a rating from the panel's form or the board's shared data (`unknown`). */
export function validateRating(input: unknown): RatingValidation {
  if (!isRecord(input)) return { ok: false, message: 'A rating must be an object.' };
  for (const field of ['mapId', 'stageId', 'personaId', 'raterKey'] as const)
    if (!isNonEmptyString(input[field]))
      return { ok: false, message: `The rating has no ${field}.` };
  if (!CURVE_LINES.includes(input.line as CurveLine))
    return { ok: false, message: `A rating's line must be ${CURVE_LINES.join(' or ')}.` };
  const value = input.value;
  if (!isWholeNumber(value) || value < EMOTION_MIN || value > EMOTION_MAX)
    return {
      ok: false,
      message: `A rating must be a whole number from ${EMOTION_MIN} (very negative) to ${EMOTION_MAX} (very positive); got ${String(value)}.`,
    };
  const department = input.department ?? null;
  if (department !== null && !isNonEmptyString(department))
    return { ok: false, message: 'The rating has a department that is not a name.' };
  if (!isIsoTimestamp(input.updatedAt))
    return { ok: false, message: 'The rating has no valid time.' };
  return {
    ok: true,
    rating: {
      mapId: input.mapId as string,
      stageId: input.stageId as string,
      personaId: input.personaId as string,
      line: input.line as CurveLine,
      value: value as EmotionValue,
      raterKey: input.raterKey as string,
      department,
      updatedAt: input.updatedAt as string,
    },
  };
}

export interface StageEmotion {
  stageId: string;
  /** How many ratings. */
  count: number;
  /** Null when nobody rated the stage. */
  mean: number | null;
  /** Population standard deviation; 0 for a single rating, null for none. */
  spread: number | null;
  /** Ratings per scale value, from very negative to very positive. */
  histogram: [number, number, number, number, number];
}

/**
 * Mean and spread per stage for one persona's line, in the map's stage order. A rater counts
 * once per stage: if the data holds two ratings by one rater (two devices), the later one wins.
 */
export function deriveStageEmotions(
  ratings: readonly EmotionRating[],
  stageIds: readonly string[],
  personaId: string,
  line: CurveLine,
): StageEmotion[] {
  const latest = new Map<string, EmotionRating>();
  for (const rating of ratings) {
    if (rating.personaId !== personaId || rating.line !== line) continue;
    const key = `${rating.stageId}\u0000${rating.raterKey}`;
    const seen = latest.get(key);
    if (!seen || seen.updatedAt < rating.updatedAt) latest.set(key, rating);
  }
  const byStage = new Map<string, number[]>();
  for (const rating of latest.values()) {
    const values = byStage.get(rating.stageId) ?? [];
    values.push(rating.value);
    byStage.set(rating.stageId, values);
  }
  return stageIds.map((stageId) => summarize(stageId, byStage.get(stageId) ?? []));
}

function summarize(stageId: string, values: readonly number[]): StageEmotion {
  const histogram: StageEmotion['histogram'] = [0, 0, 0, 0, 0];
  for (const value of values)
    histogram[value - EMOTION_MIN] = (histogram[value - EMOTION_MIN] ?? 0) + 1;
  if (values.length === 0) return { stageId, count: 0, mean: null, spread: null, histogram };
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { stageId, count: values.length, mean, spread: Math.sqrt(variance), histogram };
}

/** The scale entry nearest to a mean, for a face beside a number. */
export function faceOf(mean: number): (typeof EMOTION_SCALE)[number] {
  const index = Math.round(Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, mean))) - EMOTION_MIN;
  return EMOTION_SCALE[index] ?? EMOTION_SCALE[2];
}
