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
 * loses its point, a new one gains one. Results are values, never throws.
 */
import { errorMessage } from '../../domain/common';
import type { Board, BoardItem, LineStyle, WriteOp } from '../../board/port';
import { lineBetween, type Point } from '../../domain/board/board-item';
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
  deleteCurve,
  loadCurve,
  saveCurve,
  type CurveRecord,
  type DrawnLine,
  type DrawnPoint,
} from './curve-store';
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

const LINE_WIDTH = 4;
const STRAY = 'stray:';

const pointLook = (p: CurvePoint): string => `${p.color}|${p.hollow ? 'hollow' : 'solid'}`;
const lineStyle = (s: CurveSegment): LineStyle => ({
  color: s.color,
  width: LINE_WIDTH,
  dashed: s.dashed,
});
const lineLook = (s: CurveSegment): string =>
  `${s.color}|${LINE_WIDTH}|${s.dashed ? 'dashed' : 'solid'}`;

const near = (a: number, b: number) => Math.abs(a - b) <= 1;
const nearPoint = (a: Point, b: Point) => near(a.x, b.x) && near(a.y, b.y);
const centre = (r: BoardItem['rect']) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/** Whether a board item is what creating `point` makes (or made before it moved). */
function samePlace(item: BoardItem, point: CurvePoint): boolean {
  const a = centre(item.rect);
  const b = centre(point.rect);
  return near(a.x, b.x) && near(a.y, b.y);
}
const madeFrom = (item: BoardItem, point: CurvePoint): boolean =>
  item.kind === 'shape' &&
  item.text === point.text &&
  near(item.rect.w, point.rect.w) &&
  samePlace(item, point);

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

/**
 * Journals created ids into the curve record as they come back: the first at once, later ones
 * at most one write per `gapMs`. A failed journal write is not fatal (the final save reports).
 */
function createCurveJournal(
  board: Board,
  record: CurveRecord,
  looks: ReadonlyMap<
    string,
    { kind: 'point'; look: string } | (Omit<DrawnLine, 'id'> & { kind: 'line' })
  >,
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

  // --- what exists: recorded ids still on the board, then unrecorded items adopted ----------
  const points = new Map<string, DrawnPoint>();
  const claimed = new Set<string>(Object.values(record.itemIds));
  for (const [key, p] of Object.entries(drawn?.points ?? {}))
    if (byId.has(p.id)) {
      points.set(key, p);
      claimed.add(p.id);
    }
  const wanted = new Map(layout.points.map((p) => [p.key, p]));
  for (const point of layout.points) {
    if (points.has(point.key)) continue;
    const found = items.find((i) => !claimed.has(i.id) && madeFrom(i, point));
    if (!found) continue;
    points.set(point.key, { id: found.id, look: pointLook(point) });
    claimed.add(found.id);
  }
  // Extra copies of a point (two panels drew at once, or an answer was lost twice) go as strays.
  for (const item of items)
    if (!claimed.has(item.id) && layout.points.some((point) => madeFrom(item, point))) {
      points.set(`${STRAY}${item.id}`, { id: item.id, look: '' });
      claimed.add(item.id);
    }
  const ours = new Set([...points.values()].map((p) => p.id));
  const drawnLines = new Map<string, DrawnLine>();
  for (const [key, l] of Object.entries(drawn?.lines ?? {}))
    if (byId.has(l.id)) drawnLines.set(key, l);
  const recordedLineIds = new Set([...drawnLines.values()].map((l) => l.id));
  /** Lines on the board between two of our points that no record names. */
  const looseLines = items.filter(
    (i) =>
      i.ends !== undefined &&
      !recordedLineIds.has(i.id) &&
      ours.has(i.ends.from) &&
      ours.has(i.ends.to),
  );

  // --- the plan ------------------------------------------------------------------------------
  const ops: WriteOp[] = [];
  const summary: CurveSummary = {
    points: layout.points.length,
    lines: segments.length,
    added: 0,
    moved: 0,
    removed: 0,
    unchanged: 0,
    linesDrawn: 0,
    linesSkipped: !connectors && layout.segments.length > 0,
  };
  /** Point key → how a line names it: the kept item's id, or the ref of its create. */
  const endOf = new Map<string, { id: string } | { ref: string }>();
  const removals: { key: string; id: string; kind: 'point' | 'line' }[] = [];
  const keepPoints: Record<string, DrawnPoint> = {};
  for (const [key, p] of points) {
    const want = wanted.get(key);
    // A point outside the frame (its frame.add never happened, or drawn before points were the
    // frame's children) is made again inside it: the port has no op to change a parent.
    const outside = byId.get(p.id)?.parentId !== frame.id;
    if (!want || p.look !== pointLook(want) || key.startsWith(STRAY) || outside) {
      removals.push({ key, id: p.id, kind: 'point' });
      continue;
    }
    keepPoints[key] = p;
    endOf.set(key, { id: p.id });
    const item = byId.get(p.id)!;
    const moved = !samePlace(item, want);
    if (!moved && item.text === want.text) {
      summary.unchanged += 1;
      continue;
    }
    summary.moved += moved ? 1 : 0;
    summary.unchanged += moved ? 0 : 1;
    ops.push({
      op: 'update',
      id: p.id,
      patch: { rect: { x: want.rect.x, y: want.rect.y }, text: want.text },
    });
  }
  const creates: WriteOp[] = [];
  for (const point of layout.points) {
    if (endOf.has(point.key)) continue;
    creates.push(pointSpec(point, frame.id));
    endOf.set(point.key, { ref: point.key });
    summary.added += 1;
  }
  summary.removed = removals.filter((r) => !r.key.startsWith(STRAY) && !wanted.has(r.key)).length;

  const keepLines: Record<string, DrawnLine> = {};
  const lineCreates: WriteOp[] = [];
  const looks = new Map<
    string,
    { kind: 'point'; look: string } | (Omit<DrawnLine, 'id'> & { kind: 'line' })
  >();
  for (const point of layout.points)
    looks.set(point.key, { kind: 'point', look: pointLook(point) });
  const wantedLines = new Map(segments.map((s) => [s.key, s]));
  const keptEnd = (key: string) => {
    const end = endOf.get(key);
    return end && 'id' in end ? end.id : null;
  };
  /**
   * Whether a line is where its points will be: always for a line kept on its items (Miro); a
   * line drawn by coordinates (`ends.at`, a MURAL arrow) must run between the points' places.
   */
  const inPlace = (item: BoardItem, want: CurveSegment): boolean => {
    const at = item.ends?.at;
    if (!at) return true;
    const from = wanted.get(want.fromKey);
    const to = wanted.get(want.toKey);
    if (!from || !to) return false;
    const line = lineBetween(from.rect, to.rect);
    return nearPoint(at.from, line.from) && nearPoint(at.to, line.to);
  };
  for (const [key, l] of drawnLines) {
    const want = wantedLines.get(key);
    const item = byId.get(l.id);
    const holds =
      want !== undefined &&
      item?.ends !== undefined &&
      l.look === lineLook(want) &&
      item.ends.from === keptEnd(want.fromKey) &&
      item.ends.to === keptEnd(want.toKey) &&
      inPlace(item, want);
    if (holds) keepLines[key] = { ...l, from: want.fromKey, to: want.toKey };
    // A line whose end goes with its point needs no call of its own (the port removes it).
    else if (item?.ends && ours.has(item.ends.from) && ours.has(item.ends.to))
      removals.push({ key, id: l.id, kind: 'line' });
  }
  for (const loose of looseLines) {
    const want = segments.find(
      (s) =>
        keepLines[s.key] === undefined &&
        keptEnd(s.fromKey) === loose.ends?.from &&
        keptEnd(s.toKey) === loose.ends?.to &&
        inPlace(loose, s),
    );
    if (want)
      keepLines[want.key] = {
        id: loose.id,
        from: want.fromKey,
        to: want.toKey,
        look: lineLook(want),
      };
    else removals.push({ key: `${STRAY}${loose.id}`, id: loose.id, kind: 'line' });
  }
  for (const segment of segments) {
    if (keepLines[segment.key]) continue;
    const from = endOf.get(segment.fromKey);
    const to = endOf.get(segment.toKey);
    if (!from || !to) continue;
    lineCreates.push({ op: 'connect', ref: segment.key, from, to, style: lineStyle(segment) });
    looks.set(segment.key, {
      kind: 'line',
      from: segment.fromKey,
      to: segment.toKey,
      look: lineLook(segment),
    });
    summary.linesDrawn += 1;
  }
  // A line whose point goes needs no call of its own: the board removes it with the point.
  const goingPoints = new Set(removals.filter((r) => r.kind === 'point').map((r) => r.id));
  const removeOps: WriteOp[] = removals
    .filter((r) => {
      const ends = r.kind === 'line' ? byId.get(r.id)?.ends : undefined;
      return !ends || !(goingPoints.has(ends.from) || goingPoints.has(ends.to));
    })
    .map((r) => ({ op: 'remove', id: r.id }));
  const batch = [...removeOps, ...ops, ...creates, ...lineCreates];

  const basis = curveBasis(lines);
  if (batch.length === 0 && drawn && !drawn.incomplete && drawn.basis === basis)
    return { status: 'done', summary };

  // --- intent before effect --------------------------------------------------------------------
  // What is to be removed stays in the record as a stray until it surely went.
  const strayPoint = (id: string): [string, DrawnPoint] => [`${STRAY}${id}`, { id, look: '' }];
  const strayLine = (id: string): [string, DrawnLine] => [
    `${STRAY}${id}`,
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
