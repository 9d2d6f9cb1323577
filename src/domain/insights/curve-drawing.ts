/**
 * What "Draw curve on board" / "Update curve" does with what it read (issue 14 §1), without the
 * board: whether the map can take a curve (an Emotions lane, its frame on the board, a row laid
 * out, a rating or a curve drawn before), the curve laid out where the frame is now, what drawing
 * it changes (`planCurve`), what each create makes, and whether the board already shows it.
 * `app/insights/draw-curve.ts` reads the board, then records and writes what this decides.
 */
import type { BoardItem } from '../board/board-item';
import { FRAME_KEY, type MapGeometry } from '../journey/layout';
import type { MapRecord } from '../journey/map-record';
import { curveBasis, deriveCurveLines, layoutEmotionCurve } from './curve-layout';
import { curveLooks, type CurveLook } from './curve-intent';
import type { CurveRecord } from './curve-record';
import type { EmotionRating } from './emotion';
import type { CurvePersona } from './personas';
import { planCurve, type CurvePlan } from './plan-curve';

export interface CurveSummary {
  /** Points and lines on the board for the curve now (as far as this run knows). */
  points: number;
  lines: number;
  added: number;
  moved: number;
  removed: number;
  unchanged: number;
  /** Lines drawn anew (their points were made anew, or their colour changed). */
  linesDrawn: number;
  /** The board draws no lines (`limits.connectors` false): points only. */
  linesSkipped: boolean;
}

export interface CurveInputs {
  record: MapRecord;
  /** Everything on the board now. */
  items: readonly BoardItem[];
  personas: readonly CurvePersona[];
  ratings: readonly EmotionRating[];
  /** What was drawn before, as recorded. */
  drawn: CurveRecord | null;
  /** Whether the board draws lines (`limits.connectors`). */
  connectors: boolean;
}

export type CurveDrawing =
  | { ok: false; message: string }
  | {
      ok: true;
      /** The map's frame on the board: points are its children. */
      frameId: string;
      plan: CurvePlan;
      /** What each create makes, by its ref, to record its id as it comes back. */
      looks: Map<string, CurveLook>;
      /** `curveBasis` of what the curve is drawn from. */
      basis: string;
      summary: CurveSummary;
      /** Nothing to write, and the record says the board shows this curve already. */
      upToDate: boolean;
    };

/** The map's geometry where its frame is now (a frame moved by hand carries the curve along). */
function geometryNow(record: MapRecord, frame: BoardItem): MapGeometry {
  const dx = frame.rect.x - record.geometry.frame.x;
  const dy = frame.rect.y - record.geometry.frame.y;
  return {
    frame: frame.rect,
    columns: record.geometry.columns.map((c) => ({ ...c, x: c.x + dx })),
    rows: record.geometry.rows.map((r) => ({ ...r, y: r.y + dy })),
  };
}

/** The row the curve goes in (the Emotions lane), if the map has one. */
const emotionsLaneOf = (record: MapRecord): string | null =>
  record.spec.lanes.find((l) => l.kind === 'emotions')?.id ?? null;

const isEmpty = (plan: CurvePlan): boolean =>
  plan.removeIds.length === 0 &&
  plan.updates.length === 0 &&
  plan.pointCreates.length === 0 &&
  plan.lineCreates.length === 0;

export function planCurveDrawing(input: CurveInputs): CurveDrawing {
  const { record, items, drawn, connectors } = input;
  const laneId = emotionsLaneOf(record);
  if (laneId === null)
    return {
      ok: false,
      message: 'This map has no Emotions lane for the curve: add one (Insights tab), then draw it.',
    };
  const frameId = record.itemIds[FRAME_KEY];
  const frame =
    frameId === undefined ? undefined : new Map(items.map((i) => [i.id, i])).get(frameId);
  if (!frame)
    return {
      ok: false,
      message: 'The map’s frame is not on the board: use “Update on board” in the Map tab first.',
    };
  const stageIds = record.spec.stages.map((s) => s.id);
  const lines = deriveCurveLines(input.personas, input.ratings, stageIds);
  const layout = layoutEmotionCurve(geometryNow(record, frame), laneId, lines);
  if (!layout) return { ok: false, message: 'The map’s Emotions row is not laid out.' };
  const recorded = Object.keys(drawn?.points ?? {}).length > 0;
  if (layout.points.length === 0 && !recorded)
    return { ok: false, message: 'Nobody has rated a stage yet: there is no curve to draw.' };
  const segments = connectors ? layout.segments : [];

  const plan = planCurve({
    points: layout.points,
    segments,
    items,
    frameId: frame.id,
    mapItemIds: Object.values(record.itemIds),
    drawn,
  });
  const basis = curveBasis(lines);
  return {
    ok: true,
    frameId: frame.id,
    plan,
    looks: curveLooks(layout.points, plan.lineCreates),
    basis,
    summary: {
      points: layout.points.length,
      lines: segments.length,
      ...plan.counts,
      linesSkipped: !connectors && layout.segments.length > 0,
    },
    upToDate: isEmpty(plan) && drawn !== null && !drawn.incomplete && drawn.basis === basis,
  };
}
