/**
 * "Draw curve on board" / "Update curve" (issue 14 §1): every persona's as-is and to-be line in
 * the map's Emotions row, as point shapes joined by lines attached to them (Miro connectors,
 * MURAL arrows; a board without lines gets the points only), through one `Board.apply` batch.
 *
 * Repair is the first run again: each point and line has an operation key
 * (`curve:<persona>:<line>:<stage>`, `curve-seg:…`); the record (`curve-store.ts`) is written
 * before the batch and journaled as ids come back, and a run adopts what an interrupted one made
 * but never recorded: points by kind, text and place, lines by the points they join. Drawing
 * again updates in place: a moved mean moves its point (the lines follow it on Miro; a line drawn
 * by coordinates, a MURAL arrow, is drawn again where its points are now), a stage no longer rated
 * loses its point, a new one gains one. Results are values, never throws. What stays, is
 * adopted, moves, goes or is made is worked out in `domain/insights/plan-curve.ts`; this file
 * reads the board, writes the record and the batch.
 */
import { errorMessage } from '../../domain/common';
import type { Board, BoardItem, LineStyle, WriteOp } from '../../board/port';
import {
  curveBasis,
  deriveCurveLines,
  layoutEmotionCurve,
  type CurvePoint,
  type CurveSegment,
} from '../../domain/insights/curve-layout';
import { FRAME_KEY, type MapGeometry } from '../../domain/journey/layout';
import type { MapRecord } from '../../domain/journey/map-record';
import { loadMap } from '../map/map-store';
import { createTimedJournal } from '../map/record-journal';
import {
  curveItemIds,
  type CurveRecord,
  type DrawnLine,
  type DrawnPoint,
} from '../../domain/insights/curve-record';
import { CURVE_LINE_WIDTH, lineLook, planCurve, pointLook } from '../../domain/insights/plan-curve';
import { STRAY_PREFIX } from '../../domain/journey/adopt-map-items';
import { deleteCurve, loadCurve, saveCurve } from './curve-store';
import { loadPersonas, loadRatings } from './insights-store';

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

export type CurveOutcome =
  | { status: 'done'; summary: CurveSummary }
  /** Part was written; the record says what, and drawing again finishes it. */
  | { status: 'incomplete'; summary: CurveSummary; cancelled: boolean; messages: string[] }
  /** Nothing was written. */
  | { status: 'refused'; message: string }
  /** A write outside the batch failed: `changed` says whether the board changed. */
  | { status: 'failed'; message: string; changed: boolean };

export interface CurveRunOptions {
  signal?: AbortSignal;
  now?: () => Date;
}

const lineStyle = (s: CurveSegment): LineStyle => ({
  color: s.color,
  width: CURVE_LINE_WIDTH,
  dashed: s.dashed,
});

/** A point is a child of the map's frame, so a frame dragged by hand carries the curve along. */
function pointSpec(point: CurvePoint, frameId: string): WriteOp & { op: 'create' } {
  return {
    op: 'create',
    ref: point.key,
    parent: { id: frameId },
    item: {
      kind: 'shape',
      text: point.text,
      rect: point.rect,
      rounded: true,
      fill: point.hollow ? '#ffffff' : point.color,
      border: point.color,
      textColor: point.hollow ? point.color : '#ffffff',
      fontSize: point.hollow ? 10 : 12,
    },
  };
}

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

/** Whether the map has a row the curve can go in (the Emotions lane). */
const emotionsLaneOf = (record: MapRecord): string | null =>
  record.spec.lanes.find((l) => l.kind === 'emotions')?.id ?? null;

/** What a create makes: a point with its look, or a line with its ends and look. */
type CurveLook = { kind: 'point'; look: string } | (Omit<DrawnLine, 'id'> & { kind: 'line' });

/**
 * Journals created ids into the curve record as they come back: the first at once, later ones
 * at most one write per `gapMs`. A failed journal write is not fatal (the final save reports).
 */
function createCurveJournal(
  board: Board,
  record: CurveRecord,
  looks: ReadonlyMap<string, CurveLook>,
  gapMs = 1_000,
) {
  const next: CurveRecord = { ...record, points: { ...record.points }, lines: { ...record.lines } };
  const journal = createTimedJournal(
    () => saveCurve(board, { ...next, points: { ...next.points }, lines: { ...next.lines } }),
    gapMs,
  );
  return {
    created(ref: string, id: string) {
      const look = looks.get(ref);
      if (!look) return;
      if (look.kind === 'point') next.points[ref] = { id, look: look.look };
      else next.lines[ref] = { id, from: look.from, to: look.to, look: look.look };
      journal.changed();
    },
    settled: journal.settled,
  };
}

export async function drawCurve(
  board: Board,
  mapId: string,
  options: CurveRunOptions = {},
): Promise<CurveOutcome> {
  const now = () => (options.now?.() ?? new Date()).toISOString();
  let read;
  try {
    read = await Promise.all([
      loadMap(board, mapId),
      board.listItems(),
      loadPersonas(board, mapId),
      loadRatings(board, mapId),
      loadCurve(board, mapId),
    ]);
  } catch (error) {
    return {
      status: 'refused',
      message: `Nothing on the board was changed: the board could not be read (${errorMessage(error)}).`,
    };
  }
  const [loaded, items, personas, ratings, drawn] = read;
  if (!loaded.ok) return { status: 'refused', message: loaded.message };
  const record = loaded.record;
  const laneId = emotionsLaneOf(record);
  if (laneId === null)
    return {
      status: 'refused',
      message: 'This map has no Emotions lane for the curve: add one (Insights tab), then draw it.',
    };
  const byId = new Map(items.map((i) => [i.id, i]));
  const frameId = record.itemIds[FRAME_KEY];
  const frame = frameId === undefined ? undefined : byId.get(frameId);
  if (!frame)
    return {
      status: 'refused',
      message: 'The map’s frame is not on the board: use “Update on board” in the Map tab first.',
    };
  const stageIds = record.spec.stages.map((s) => s.id);
  const lines = deriveCurveLines(personas.values, ratings.values, stageIds);
  const layout = layoutEmotionCurve(geometryNow(record, frame), laneId, lines);
  if (!layout) return { status: 'refused', message: 'The map’s Emotions row is not laid out.' };
  const recorded = Object.keys(drawn?.points ?? {}).length > 0;
  if (layout.points.length === 0 && !recorded)
    return {
      status: 'refused',
      message: 'Nobody has rated a stage yet: there is no curve to draw.',
    };
  const connectors = board.limits.connectors;
  const segments = connectors ? layout.segments : [];

  const plan = planCurve({
    points: layout.points,
    segments,
    items,
    frameId: frame.id,
    mapItemIds: Object.values(record.itemIds),
    drawn,
  });
  const summary: CurveSummary = {
    points: layout.points.length,
    lines: segments.length,
    ...plan.counts,
    linesSkipped: !connectors && layout.segments.length > 0,
  };
  const { removals, keepPoints, keepLines } = plan;
  const batch: WriteOp[] = [
    ...plan.removeIds.map((id): WriteOp => ({ op: 'remove', id })),
    ...plan.updates.map(({ id, at, text }): WriteOp => ({
      op: 'update',
      id,
      patch: { rect: at, text },
    })),
    ...plan.pointCreates.map((point) => pointSpec(point, frame.id)),
    ...plan.lineCreates.map(({ segment, from, to }): WriteOp => ({
      op: 'connect',
      ref: segment.key,
      from,
      to,
      style: lineStyle(segment),
    })),
  ];
  /** What each create makes, to journal its id as it comes back. */
  const looks = new Map<string, CurveLook>([
    ...layout.points.map((point): [string, CurveLook] => [
      point.key,
      { kind: 'point', look: pointLook(point) },
    ]),
    ...plan.lineCreates.map(({ segment }): [string, CurveLook] => [
      segment.key,
      { kind: 'line', from: segment.fromKey, to: segment.toKey, look: lineLook(segment) },
    ]),
  ]);

  const basis = curveBasis(lines);
  if (batch.length === 0 && drawn && !drawn.incomplete && drawn.basis === basis)
    return { status: 'done', summary };

  // --- intent before effect --------------------------------------------------------------------
  // What is to be removed stays in the record as a stray until it surely went.
  const strayPoint = (id: string): [string, DrawnPoint] => [
    `${STRAY_PREFIX}${id}`,
    { id, look: '' },
  ];
  const strayLine = (id: string): [string, DrawnLine] => [
    `${STRAY_PREFIX}${id}`,
    { id, from: '', to: '', look: '' },
  ];
  const intent: CurveRecord = {
    version: 1,
    mapId,
    points: {
      ...keepPoints,
      ...Object.fromEntries(
        removals.filter((r) => r.kind === 'point').map((r) => strayPoint(r.id)),
      ),
    },
    lines: {
      ...keepLines,
      ...Object.fromEntries(removals.filter((r) => r.kind === 'line').map((r) => strayLine(r.id))),
    },
    basis,
    incomplete: true,
    drawnAt: now(),
  };
  try {
    await saveCurve(board, intent);
  } catch (error) {
    return {
      status: 'failed',
      changed: false,
      message: `Nothing on the board was changed: the curve could not be recorded (${errorMessage(error)}).`,
    };
  }
  const journal = createCurveJournal(board, intent, looks);
  const result = await board.apply(batch, { signal: options.signal, onCreated: journal.created });
  await journal.settled();

  // --- what the board holds now ----------------------------------------------------------------
  const failed = new Set(result.failed.map((f) => f.index));
  const surely = (i: number) => !result.cancelled && !failed.has(i);
  const final: CurveRecord = {
    ...intent,
    points: { ...keepPoints },
    lines: { ...keepLines },
    incomplete: result.failed.length > 0 || result.cancelled,
    drawnAt: now(),
  };
  batch.forEach((op, i) => {
    if (op.op === 'remove' && !surely(i)) {
      if (byId.get(op.id)?.ends) {
        const [key, value] = strayLine(op.id);
        final.lines[key] = value;
      } else {
        const [key, value] = strayPoint(op.id);
        final.points[key] = value;
      }
    }
    if (op.op === 'create' || op.op === 'connect') {
      const id = result.ids[op.ref];
      const look = looks.get(op.ref);
      if (id === undefined || !look) return;
      if (look.kind === 'point') final.points[op.ref] = { id, look: look.look };
      else final.lines[op.ref] = { id, from: look.from, to: look.to, look: look.look };
    }
  });
  const messages = result.failed.map((f) => f.message);
  try {
    await saveCurve(board, final);
  } catch (error) {
    return {
      status: 'incomplete',
      summary,
      cancelled: result.cancelled,
      messages: [
        ...messages,
        `The curve is on the board but its record could not be saved (${errorMessage(error)}); “Update curve” finishes it.`,
      ],
    };
  }
  return final.incomplete
    ? { status: 'incomplete', summary, cancelled: result.cancelled, messages }
    : { status: 'done', summary };
}

export type RemoveCurveOutcome =
  { status: 'done'; removed: number } | { status: 'incomplete'; messages: string[] };

/**
 * "Remove curve": removes the points and lines the record names (a line goes with its points on
 * Miro; removing it again is harmless), then the record. Running it again finishes it.
 */
export async function removeCurve(board: Board, mapId: string): Promise<RemoveCurveOutcome> {
  let drawn: CurveRecord | null;
  try {
    drawn = await loadCurve(board, mapId);
  } catch (error) {
    return {
      status: 'incomplete',
      messages: [
        `Nothing was removed: the curve's record could not be read (${errorMessage(error)}).`,
      ],
    };
  }
  const ids = curveItemIds(drawn);
  const result =
    ids.length === 0
      ? { failed: [], cancelled: false }
      : await board.apply(ids.map((id) => ({ op: 'remove', id })));
  if (result.failed.length > 0 || result.cancelled)
    return {
      status: 'incomplete',
      messages: [
        ...result.failed.map((f) => f.message),
        'Part of the curve is still on the board; “Remove curve” again finishes.',
      ],
    };
  try {
    await deleteCurve(board, mapId);
  } catch (error) {
    return {
      status: 'incomplete',
      messages: [
        `The curve is off the board but its record could not be deleted (${errorMessage(error)}); “Remove curve” again finishes.`,
      ],
    };
  }
  return { status: 'done', removed: ids.length };
}
