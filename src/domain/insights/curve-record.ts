/**
 * What Touchpoint drew of a map's emotion curve (issue 14 §1): the board id of each point and
 * line by its operation key, so drawing again updates in place and "Remove map" finds the curve.
 * Stored by `app/insights/curve-store.ts`; read back as `unknown` and checked here: an unreadable
 * record reads as none (the next draw adopts by place).
 */
import { isRecord } from '../common';

export interface DrawnPoint {
  id: string;
  /** Colour and fill it was drawn with ("#1a73e8|solid"); a change means drawing it anew. */
  look: string;
}

export interface DrawnLine {
  id: string;
  /** Point keys it joins. */
  from: string;
  to: string;
  /** Colour, width and dash it was drawn with. */
  look: string;
}

export interface CurveRecord {
  version: 1;
  mapId: string;
  points: Record<string, DrawnPoint>;
  lines: Record<string, DrawnLine>;
  /** `curveBasis` of the ratings and personas it was drawn from. */
  basis: string;
  /** A run stopped before the board matched the basis; the next draw finishes it. */
  incomplete: boolean;
  drawnAt: string;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

function readEntries<T>(value: unknown, read: (v: Record<string, unknown>) => T | null) {
  const out: Record<string, T> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    const parsed = isRecord(entry) ? read(entry) : null;
    if (parsed) out[key] = parsed;
  }
  return out;
}

export function parseCurveRecord(value: unknown): CurveRecord | null {
  if (!isRecord(value) || value.version !== 1 || !isString(value.mapId)) return null;
  return {
    version: 1,
    mapId: value.mapId,
    points: readEntries(value.points, (p) =>
      isString(p.id) && typeof p.look === 'string' ? { id: p.id, look: p.look } : null,
    ),
    lines: readEntries(value.lines, (l) =>
      isString(l.id) && isString(l.from) && isString(l.to) && typeof l.look === 'string'
        ? { id: l.id, from: l.from, to: l.to, look: l.look }
        : null,
    ),
    basis: typeof value.basis === 'string' ? value.basis : '',
    incomplete: value.incomplete === true,
    drawnAt: typeof value.drawnAt === 'string' ? value.drawnAt : '',
  };
}

/** Whether a recorded line goes with its points: both of its ends are recorded points. */
const withItsPoints = (record: CurveRecord, line: DrawnLine): boolean =>
  record.points[line.from] !== undefined && record.points[line.to] !== undefined;

/**
 * The ids to remove to take the curve off the board: its points, and the lines that do not go
 * with them (a line goes when either of its items goes: the `Board` port's `connect`).
 */
export function curveItemIds(record: CurveRecord | null): string[] {
  if (!record) return [];
  const points = Object.values(record.points).map((p) => p.id);
  const lines = Object.values(record.lines)
    .filter((l) => !withItsPoints(record, l))
    .map((l) => l.id);
  return [...new Set([...points, ...lines])];
}

/** The curve's lines that go with their points: not removed one by one, but the curve's. */
export function curveAttachedLineIds(record: CurveRecord | null): string[] {
  if (!record) return [];
  return Object.values(record.lines)
    .filter((l) => withItsPoints(record, l))
    .map((l) => l.id);
}
