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
 * loses its point, a new one gains one. Results are values, never throws. Whether the map takes a
 * curve and what stays, is adopted, moves, goes or is made is worked out in
 * `domain/insights/curve-drawing.ts` and `plan-curve.ts`, the record before and after the batch in
 * `curve-intent.ts`; this file reads the board, turns the plan into write operations, and writes
 * the record and the batch.
 */
import { errorMessage } from '../../domain/common';
import { batchStatus, succeededOps } from '../../board/batch-result';
import type { Board, BatchResult, LineStyle, WriteOp } from '../../board/port';
import type { CurvePoint, CurveSegment } from '../../domain/insights/curve-layout';
import {
  planCurveDrawing,
  type CurveInputs,
  type CurveSummary,
} from '../../domain/insights/curve-drawing';
import {
  curveIntent,
  recordCreated,
  settledCurve,
  type CurveLook,
} from '../../domain/insights/curve-intent';
import { curveItemIds, type CurveRecord } from '../../domain/insights/curve-record';
import { CURVE_LINE_WIDTH, type CurvePlan } from '../../domain/insights/plan-curve';
import { loadMap } from '../map/map-store';
import { createTimedJournal } from '../map/record-journal';
import { deleteCurve, loadCurve, saveCurve } from './curve-store';
import { loadPersonas, loadRatings } from './insights-store';

export type { CurveSummary } from '../../domain/insights/curve-drawing';

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

type Refused = Extract<CurveOutcome, { status: 'refused' }>;

/** The map, the board's items, the personas, the ratings and the curve's record, read at once. */
async function readCurveInputs(
  board: Board,
  mapId: string,
): Promise<Omit<CurveInputs, 'connectors'> | Refused> {
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
  return {
    record: loaded.record,
    items,
    personas: personas.values,
    ratings: ratings.values,
    drawn,
  };
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

/** The plan as one batch: removes, moves, then the points and the lines between them. */
function curveWriteOps(plan: CurvePlan, frameId: string): WriteOp[] {
  return [
    ...plan.removeIds.map((id): WriteOp => ({ op: 'remove', id })),
    ...plan.updates.map(({ id, at, text }): WriteOp => ({
      op: 'update',
      id,
      patch: { rect: at, text },
    })),
    ...plan.pointCreates.map((point) => pointSpec(point, frameId)),
    ...plan.lineCreates.map(({ segment, from, to }): WriteOp => ({
      op: 'connect',
      ref: segment.key,
      from,
      to,
      style: lineStyle(segment),
    })),
  ];
}

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
      recordCreated(next, ref, id, look);
      journal.changed();
    },
    settled: journal.settled,
  };
}

/** The batch, its created ids journaled into the record as they come back. */
async function applyJournaled(
  board: Board,
  batch: WriteOp[],
  intent: CurveRecord,
  looks: ReadonlyMap<string, CurveLook>,
  signal: AbortSignal | undefined,
): Promise<BatchResult> {
  const journal = createCurveJournal(board, intent, looks);
  const result = await board.apply(batch, { signal, onCreated: journal.created });
  await journal.settled();
  return result;
}

/** The removes that did not surely happen (a line if the board showed one), in batch order. */
function removesNotDone(
  batch: readonly WriteOp[],
  result: BatchResult,
  items: CurveInputs['items'],
): { id: string; kind: 'point' | 'line' }[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const surely = succeededOps(result, batch.length);
  return batch.flatMap((op, i) =>
    op.op === 'remove' && !surely.has(i)
      ? [{ id: op.id, kind: byId.get(op.id)?.ends ? ('line' as const) : ('point' as const) }]
      : [],
  );
}

export async function drawCurve(
  board: Board,
  mapId: string,
  options: CurveRunOptions = {},
): Promise<CurveOutcome> {
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const read = await readCurveInputs(board, mapId);
  if ('status' in read) return read;
  const drawing = planCurveDrawing({ ...read, connectors: board.limits.connectors });
  if (!drawing.ok) return { status: 'refused', message: drawing.message };
  const { plan, looks, basis, summary } = drawing;
  if (drawing.upToDate) return { status: 'done', summary };
  const batch = curveWriteOps(plan, drawing.frameId);

  // --- intent before effect --------------------------------------------------------------------
  const intent = curveIntent(mapId, plan, basis, now());
  try {
    await saveCurve(board, intent);
  } catch (error) {
    return {
      status: 'failed',
      changed: false,
      message: `Nothing on the board was changed: the curve could not be recorded (${errorMessage(error)}).`,
    };
  }
  const result = await applyJournaled(board, batch, intent, looks, options.signal);

  // --- what the board holds now ----------------------------------------------------------------
  const final = settledCurve(
    intent,
    plan,
    looks,
    {
      stillThere: removesNotDone(batch, result, read.items),
      made: result.ids,
      incomplete: batchStatus(result) !== 'done',
    },
    now(),
  );
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
