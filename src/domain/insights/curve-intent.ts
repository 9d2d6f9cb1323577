/**
 * The curve's record around one drawing's batch (issue 14 §1), intent before effect: before it,
 * what stays and what is to go (kept as a stray until it surely went); as ids come back and after
 * it, what each create made. Drawing again from any of these records gives the board an
 * uninterrupted run gives. `app/insights/draw-curve.ts` saves them.
 */
import { STRAY_PREFIX } from '../journey/adopt-map-items';
import type { CurvePoint } from './curve-layout';
import type { CurveRecord, DrawnLine, DrawnPoint } from './curve-record';
import { lineLook, pointLook, type CurvePlan } from './plan-curve';

/** What a create makes: a point with its look, or a line with its ends and look. */
export type CurveLook =
  { kind: 'point'; look: string } | (Omit<DrawnLine, 'id'> & { kind: 'line' });

/** What each create makes, by its ref: every point of the curve, and the lines made anew. */
export function curveLooks(
  points: readonly CurvePoint[],
  lineCreates: CurvePlan['lineCreates'],
): Map<string, CurveLook> {
  return new Map<string, CurveLook>([
    ...points.map((point): [string, CurveLook] => [
      point.key,
      { kind: 'point', look: pointLook(point) },
    ]),
    ...lineCreates.map(({ segment }): [string, CurveLook] => [
      segment.key,
      { kind: 'line', from: segment.fromKey, to: segment.toKey, look: lineLook(segment) },
    ]),
  ]);
}

/** Records in `record` that the create `ref` made the item `id`. */
export function recordCreated(record: CurveRecord, ref: string, id: string, look: CurveLook): void {
  if (look.kind === 'point') record.points[ref] = { id, look: look.look };
  else record.lines[ref] = { id, from: look.from, to: look.to, look: look.look };
}

// What is to be removed stays in the record as a stray until it surely went.
const strayPoint = (id: string): [string, DrawnPoint] => [`${STRAY_PREFIX}${id}`, { id, look: '' }];
const strayLine = (id: string): [string, DrawnLine] => [
  `${STRAY_PREFIX}${id}`,
  { id, from: '', to: '', look: '' },
];

/** The record saved before the batch: what stays, and everything to go as a stray. */
export function curveIntent(
  mapId: string,
  plan: Pick<CurvePlan, 'keepPoints' | 'keepLines' | 'removals'>,
  basis: string,
  drawnAt: string,
): CurveRecord {
  const { keepPoints, keepLines, removals } = plan;
  return {
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
    drawnAt,
  };
}

/** What the batch surely did, as the board answered it. */
export interface CurveBatchOutcome {
  /** The removes that did not surely happen, in batch order: strays still. */
  stillThere: readonly { id: string; kind: 'point' | 'line' }[];
  /** The ids the creates made, by ref. */
  made: Readonly<Record<string, string>>;
  /** An op failed or the batch was cancelled: the next draw finishes it. */
  incomplete: boolean;
}

/**
 * The record saved after the batch: what stays, the strays whose remove did not surely happen,
 * and what each create made (the plan's points, then its lines).
 */
export function settledCurve(
  intent: CurveRecord,
  plan: Pick<CurvePlan, 'keepPoints' | 'keepLines' | 'pointCreates' | 'lineCreates'>,
  looks: ReadonlyMap<string, CurveLook>,
  { stillThere, made, incomplete }: CurveBatchOutcome,
  drawnAt: string,
): CurveRecord {
  const settled: CurveRecord = {
    ...intent,
    points: { ...plan.keepPoints },
    lines: { ...plan.keepLines },
    incomplete,
    drawnAt,
  };
  for (const { id, kind } of stillThere) {
    if (kind === 'line') {
      const [key, value] = strayLine(id);
      settled.lines[key] = value;
    } else {
      const [key, value] = strayPoint(id);
      settled.points[key] = value;
    }
  }
  const refs = [
    ...plan.pointCreates.map((p) => p.key),
    ...plan.lineCreates.map((l) => l.segment.key),
  ];
  for (const ref of refs) {
    const id = made[ref];
    const look = looks.get(ref);
    if (id !== undefined && look) recordCreated(settled, ref, id, look);
  }
  return settled;
}
