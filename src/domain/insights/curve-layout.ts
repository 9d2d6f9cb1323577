/**
 * Where the emotion curve goes on the board (issue 14 §1): one point per rated stage in the
 * map's Emotions row, high for positive and low for negative, and a segment between the points
 * of neighbouring rated stages. Pure and keyed (`curve:<persona>:<line>:<stage>`), like the map
 * layout, so drawing again after ratings change updates the same items in place.
 */
import { rectCenter, type Rect } from '../board/board-item';
import type { MapGeometry } from '../journey/layout';
import {
  CURVE_LINES,
  deriveStageEmotions,
  EMOTION_MAX,
  EMOTION_MIN,
  faceOf,
  type CurveLine,
  type EmotionRating,
  type StageEmotion,
} from './emotion';
import { personaColor, personasOrDefault, type CurvePersona } from './personas';

export const CURVE_LAYOUT = {
  /** Point diameter. */
  point: 56,
  /** Room kept free at the top and bottom of the row, so points never touch its edges. */
  margin: 40,
  /** Horizontal offset between the lines of different personas at one stage. */
  spread: 20,
  /** To-be points are drawn hollow and a little smaller. */
  toBePoint: 44,
} as const;

export interface CurveLineInput {
  personaId: string;
  /** The persona's place in the map's list: its colour and its offset. */
  personaIndex: number;
  line: CurveLine;
  color: string;
  stages: StageEmotion[];
}

export interface CurvePoint {
  key: string;
  personaId: string;
  line: CurveLine;
  stageId: string;
  /** Absolute, top-left. */
  rect: Rect;
  /** "🙂 0.8" */
  text: string;
  color: string;
  hollow: boolean;
}

export interface CurveSegment {
  key: string;
  personaId: string;
  line: CurveLine;
  /** Centres of the two points it joins, absolute. */
  from: { x: number; y: number };
  to: { x: number; y: number };
  fromKey: string;
  toKey: string;
  color: string;
  dashed: boolean;
}

export interface CurveLayout {
  points: CurvePoint[];
  segments: CurveSegment[];
}

export const curvePointKey = (personaId: string, line: CurveLine, stageId: string): string =>
  `curve:${personaId}:${line}:${stageId}`;

/**
 * The curve for every line inside the row `laneId` of a map laid out as `geometry`. Stages no
 * one rated get no point; the segment then joins the nearest rated stages on either side.
 * Returns null when the map has no such row.
 */
export function layoutEmotionCurve(
  geometry: MapGeometry,
  laneId: string,
  lines: readonly CurveLineInput[],
): CurveLayout | null {
  const row = geometry.rows.find((r) => r.laneId === laneId);
  if (!row) return null;
  const { point, margin, spread, toBePoint } = CURVE_LAYOUT;
  const top = row.y + margin + point / 2;
  const usable = Math.max(0, row.h - 2 * margin - point);
  const yOf = (mean: number) =>
    top +
    ((EMOTION_MAX - clamp(mean, EMOTION_MIN, EMOTION_MAX)) / (EMOTION_MAX - EMOTION_MIN)) * usable;
  const personas = new Set(lines.map((l) => l.personaIndex)).size;

  const points: CurvePoint[] = [];
  const segments: CurveSegment[] = [];
  for (const input of lines) {
    const hollow = input.line === 'to-be';
    const size = hollow ? toBePoint : point;
    // Personas side by side around the column's centre, so equal means do not hide each other.
    const offset = (input.personaIndex - (personas - 1) / 2) * spread;
    let previous: CurvePoint | null = null;
    for (const stage of input.stages) {
      const column = geometry.columns.find((c) => c.stageId === stage.stageId);
      if (!column || stage.mean === null) continue;
      const cx = column.x + column.w / 2 + offset;
      const cy = yOf(stage.mean);
      const face = faceOf(stage.mean);
      const current: CurvePoint = {
        key: curvePointKey(input.personaId, input.line, stage.stageId),
        personaId: input.personaId,
        line: input.line,
        stageId: stage.stageId,
        rect: { x: cx - size / 2, y: cy - size / 2, w: size, h: size },
        text: `${face.face} ${formatMean(stage.mean)}`,
        color: input.color,
        hollow,
      };
      points.push(current);
      if (previous)
        segments.push({
          key: `curve-seg:${input.personaId}:${input.line}:${previous.stageId}`,
          personaId: input.personaId,
          line: input.line,
          from: rectCenter(previous.rect),
          to: rectCenter(current.rect),
          fromKey: previous.key,
          toKey: current.key,
          color: input.color,
          dashed: hollow,
        });
      previous = current;
    }
  }
  return { points, segments };
}

/** Every persona's as-is and to-be line (the default persona while none is named). */
export function deriveCurveLines(
  personas: readonly CurvePersona[],
  ratings: readonly EmotionRating[],
  stageIds: readonly string[],
): CurveLineInput[] {
  return personasOrDefault(personas).flatMap((persona, personaIndex) =>
    CURVE_LINES.map((line) => ({
      personaId: persona.id,
      personaIndex,
      line,
      color: personaColor(personaIndex),
      stages: deriveStageEmotions(ratings, stageIds, persona.id, line),
    })),
  );
}

/**
 * What a drawn curve was drawn from, as one string: two panels that compute it from the same
 * ratings and personas get the same string, so a panel can tell that the board's curve is stale.
 */
export const curveBasis = (lines: readonly CurveLineInput[]): string =>
  JSON.stringify(
    lines.map((l) => [l.personaId, l.personaIndex, l.line, l.stages.map((s) => s.mean)]),
  );

/** One decimal (halves away from zero), a real minus sign and an explicit plus: "+0.8", "−1.3", "0". */
export function formatMean(mean: number): string {
  const tenths = Math.round(Math.abs(mean) * 10);
  if (tenths === 0) return '0';
  return `${mean > 0 ? '+' : '−'}${(tenths / 10).toFixed(1)}`;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
