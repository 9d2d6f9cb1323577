/**
 * What "Draw curve on board" / "Update curve" changes (issue 14 §1), worked out without the
 * board: which recorded points and lines are still right, which unrecorded ones an interrupted
 * run made and this one adopts (points by kind, text and place; lines by the points they join),
 * which go (extra copies, a stage no longer rated, a new look, a point outside the map's frame),
 * which points move, and which points and lines are made. `app/insights/draw-curve.ts` reads the
 * board, turns the plan into write operations, records the intent and writes.
 */
import {
  lineBetween,
  nearlyEqual,
  sameCentre,
  type BoardItem,
  type Point,
} from '../board/board-item';
import { STRAY_PREFIX } from '../journey/adopt-map-items';
import type { CurvePoint, CurveSegment } from './curve-layout';
import type { CurveRecord, DrawnLine, DrawnPoint } from './curve-record';

/** Width of the curve's lines. */
export const CURVE_LINE_WIDTH = 4;

/** Colour and fill a point is drawn with; a change means drawing it anew. */
export const pointLook = (p: CurvePoint): string => `${p.color}|${p.hollow ? 'hollow' : 'solid'}`;
/** Colour, width and dash a line is drawn with. */
export const lineLook = (s: CurveSegment): string =>
  `${s.color}|${CURVE_LINE_WIDTH}|${s.dashed ? 'dashed' : 'solid'}`;

const nearPoint = (a: Point, b: Point) => nearlyEqual(a.x, b.x) && nearlyEqual(a.y, b.y);

/** Whether a board item sits where `point` goes (centres within a unit). */
const samePlace = (item: BoardItem, point: CurvePoint): boolean =>
  sameCentre(item.rect, point.rect);

/** Whether a board item is what creating `point` makes (or made before it moved). */
const madeFrom = (item: BoardItem, point: CurvePoint): boolean =>
  item.kind === 'shape' &&
  item.text === point.text &&
  nearlyEqual(item.rect.w, point.rect.w) &&
  samePlace(item, point);

export interface CurveState {
  /** The curve as laid out now. */
  points: readonly CurvePoint[];
  /** Its lines; none where the board draws no lines. */
  segments: readonly CurveSegment[];
  /** Everything on the board now. */
  items: readonly BoardItem[];
  /** The map's frame: points are its children. */
  frameId: string;
  /** Ids of the map's own items: never taken for the curve's. */
  mapItemIds: readonly string[];
  /** What was drawn before, as recorded. */
  drawn: CurveRecord | null;
}

/** How a new line names one of its ends: a point kept on the board, or the ref of its create. */
export type CurveEnd = { id: string } | { ref: string };

export interface CurvePlan {
  /** Everything of the curve that is to go (strays included), for the record. */
  removals: { key: string; id: string; kind: 'point' | 'line' }[];
  /** The removals that need a call: a line whose point goes goes with it. */
  removeIds: string[];
  /** Kept points that move or show another mean. */
  updates: { id: string; at: Point; text: string }[];
  /** Points to make. */
  pointCreates: CurvePoint[];
  /** Lines to make, between kept points or points made in the same batch. */
  lineCreates: { segment: CurveSegment; from: CurveEnd; to: CurveEnd }[];
  /** What stays recorded as it is. */
  keepPoints: Record<string, DrawnPoint>;
  keepLines: Record<string, DrawnLine>;
  counts: { added: number; moved: number; removed: number; unchanged: number; linesDrawn: number };
}

/** The recorded points still on the board, then unrecorded ones adopted, then extra copies as strays. */
function pointsThere(state: CurveState, byId: ReadonlyMap<string, BoardItem>) {
  const points = new Map<string, DrawnPoint>();
  const claimed = new Set<string>(state.mapItemIds);
  for (const [key, p] of Object.entries(state.drawn?.points ?? {}))
    if (byId.has(p.id)) {
      points.set(key, p);
      claimed.add(p.id);
    }
  for (const point of state.points) {
    if (points.has(point.key)) continue;
    const found = state.items.find((i) => !claimed.has(i.id) && madeFrom(i, point));
    if (!found) continue;
    points.set(point.key, { id: found.id, look: pointLook(point) });
    claimed.add(found.id);
  }
  // Extra copies of a point (two panels drew at once, or an answer was lost twice) go as strays.
  for (const item of state.items)
    if (!claimed.has(item.id) && state.points.some((point) => madeFrom(item, point))) {
      points.set(`${STRAY_PREFIX}${item.id}`, { id: item.id, look: '' });
      claimed.add(item.id);
    }
  return points;
}

export function planCurve(state: CurveState): CurvePlan {
  const byId = new Map(state.items.map((i) => [i.id, i]));
  const there = pointsThere(state, byId);
  const wanted = new Map(state.points.map((p) => [p.key, p]));
  const points = planPoints(state, byId, there, wanted);
  const ours = new Set([...there.values()].map((p) => p.id));
  const lines = planLines(state, byId, ours, wanted, points.endOf);
  const removals = [...points.removals, ...lines.removals];
  return {
    removals,
    removeIds: callsToRemove(removals, byId),
    updates: points.updates,
    pointCreates: points.creates,
    lineCreates: lines.creates,
    keepPoints: points.keep,
    keepLines: lines.keep,
    counts: { ...points.counts, linesDrawn: lines.creates.length },
  };
}

/**
 * The points: those on the board that stay (moved or given another mean where they must), those
 * that go, those to make; and how a line names each point's end.
 */
function planPoints(
  state: CurveState,
  byId: ReadonlyMap<string, BoardItem>,
  there: ReadonlyMap<string, DrawnPoint>,
  wanted: ReadonlyMap<string, CurvePoint>,
) {
  const counts = { added: 0, moved: 0, removed: 0, unchanged: 0 };
  /** Point key → how a line names it. */
  const endOf = new Map<string, CurveEnd>();
  const removals: CurvePlan['removals'] = [];
  const updates: CurvePlan['updates'] = [];
  const keep: Record<string, DrawnPoint> = {};
  for (const [key, p] of there) {
    const want = wanted.get(key);
    // A point outside the frame (its frame.add never happened, or drawn before points were the
    // frame's children) is made again inside it: the port has no op to change a parent.
    const outside = byId.get(p.id)?.parentId !== state.frameId;
    if (!want || p.look !== pointLook(want) || key.startsWith(STRAY_PREFIX) || outside) {
      removals.push({ key, id: p.id, kind: 'point' });
      continue;
    }
    keep[key] = p;
    endOf.set(key, { id: p.id });
    const item = byId.get(p.id)!;
    const moved = !samePlace(item, want);
    if (!moved && item.text === want.text) {
      counts.unchanged += 1;
      continue;
    }
    counts.moved += moved ? 1 : 0;
    counts.unchanged += moved ? 0 : 1;
    updates.push({ id: p.id, at: { x: want.rect.x, y: want.rect.y }, text: want.text });
  }
  const creates: CurvePoint[] = [];
  for (const point of state.points) {
    if (endOf.has(point.key)) continue;
    creates.push(point);
    endOf.set(point.key, { ref: point.key });
    counts.added += 1;
  }
  counts.removed = removals.filter(
    (r) => !r.key.startsWith(STRAY_PREFIX) && !wanted.has(r.key),
  ).length;
  return { counts, endOf, removals, updates, keep, creates };
}

/**
 * The lines: recorded or loose ones that still join the right points in the right place stay,
 * other lines on two of our points go, and the segments without a line are drawn.
 */
function planLines(
  state: CurveState,
  byId: ReadonlyMap<string, BoardItem>,
  ours: ReadonlySet<string>,
  wanted: ReadonlyMap<string, CurvePoint>,
  endOf: ReadonlyMap<string, CurveEnd>,
) {
  const drawnLines = new Map<string, DrawnLine>();
  for (const [key, l] of Object.entries(state.drawn?.lines ?? {}))
    if (byId.has(l.id)) drawnLines.set(key, l);
  const recordedLineIds = new Set([...drawnLines.values()].map((l) => l.id));
  /** Lines on the board between two of our points that no record names. */
  const looseLines = state.items.filter(
    (i) =>
      i.ends !== undefined &&
      !recordedLineIds.has(i.id) &&
      ours.has(i.ends.from) &&
      ours.has(i.ends.to),
  );
  const removals: CurvePlan['removals'] = [];
  const keep: Record<string, DrawnLine> = {};
  const wantedLines = new Map(state.segments.map((s) => [s.key, s]));
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
    if (holds) keep[key] = { ...l, from: want.fromKey, to: want.toKey };
    // A line on two of our points goes (with them, or on its own); other lines are not ours now.
    else if (item?.ends && ours.has(item.ends.from) && ours.has(item.ends.to))
      removals.push({ key, id: l.id, kind: 'line' });
  }
  for (const loose of looseLines) {
    const want = state.segments.find(
      (s) =>
        keep[s.key] === undefined &&
        keptEnd(s.fromKey) === loose.ends?.from &&
        keptEnd(s.toKey) === loose.ends?.to &&
        inPlace(loose, s),
    );
    if (want)
      keep[want.key] = {
        id: loose.id,
        from: want.fromKey,
        to: want.toKey,
        look: lineLook(want),
      };
    else removals.push({ key: `${STRAY_PREFIX}${loose.id}`, id: loose.id, kind: 'line' });
  }
  const creates: CurvePlan['lineCreates'] = [];
  for (const segment of state.segments) {
    if (keep[segment.key]) continue;
    const from = endOf.get(segment.fromKey);
    const to = endOf.get(segment.toKey);
    if (!from || !to) continue;
    creates.push({ segment, from, to });
  }
  return { removals, keep, creates };
}

/** The removals that need a call: a line whose point goes needs none, the board removes it too. */
function callsToRemove(
  removals: CurvePlan['removals'],
  byId: ReadonlyMap<string, BoardItem>,
): string[] {
  const goingPoints = new Set(removals.filter((r) => r.kind === 'point').map((r) => r.id));
  return removals
    .filter((r) => {
      const ends = r.kind === 'line' ? byId.get(r.id)?.ends : undefined;
      return !ends || !(goingPoints.has(ends.from) || goingPoints.has(ends.to));
    })
    .map((r) => r.id);
}
