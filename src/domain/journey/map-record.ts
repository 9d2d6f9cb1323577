/**
 * What Touchpoint stores on the board for each map (shared collection `touchpoint`, key
 * `map:<id>`), so every participant's panel finds the same map and "Update on board" knows
 * which items it made. Read back from the board, so it is `unknown` until `parseMapRecord`.
 */
import { isRecord } from '../common';
import type { MapGeometry } from './layout';
import {
  LANE_KINDS,
  type Lane,
  type LaneKind,
  type MapSpec,
  type Persona,
  type Stage,
} from './map-spec';

export const MAP_RECORD_VERSION = 1;

export interface MapRecord {
  version: typeof MAP_RECORD_VERSION;
  spec: MapSpec;
  /** Frame top-left when the map was last laid out. */
  origin: { x: number; y: number };
  size: { w: number; h: number };
  /** Where columns and rows were, to map note positions to cells. */
  geometry: MapGeometry;
  /** Layout key → board item id, only for items that exist. */
  itemIds: Record<string, string>;
  /** Stage id → title of its board tag. */
  tagTitles: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** A write failed or was cancelled: the next update completes the map. */
  incomplete: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

class Invalid extends Error {}
function need<T>(ok: boolean, value: T, what: string): T {
  if (!ok) throw new Invalid(what);
  return value;
}

function readStage(v: unknown, i: number): Stage {
  if (!isRecord(v) || !isStr(v.id) || !isStr(v.name)) throw new Invalid(`stage ${i + 1}`);
  return { id: v.id, name: v.name };
}

function readLane(v: unknown, i: number): Lane {
  if (!isRecord(v) || !isStr(v.id) || !isStr(v.name)) throw new Invalid(`lane ${i + 1}`);
  // An unknown kind (from a newer version) reads as a custom lane rather than failing the map.
  const kind = LANE_KINDS.includes(v.kind as LaneKind) ? (v.kind as LaneKind) : 'other';
  return { id: v.id, name: v.name, kind };
}

function readPersona(v: unknown): Persona | null {
  if (v === null || v === undefined) return null;
  if (!isRecord(v) || !isStr(v.name)) throw new Invalid('persona');
  return { name: v.name, summary: isStr(v.summary) ? v.summary : '' };
}

function readSpec(v: unknown): MapSpec {
  if (!isRecord(v)) throw new Invalid('spec');
  return {
    id: need(isStr(v.id) && v.id !== '', v.id as string, 'spec id'),
    title: need(isStr(v.title), v.title as string, 'title'),
    presetId: isStr(v.presetId) ? v.presetId : 'blank',
    persona: readPersona(v.persona),
    stages: need(Array.isArray(v.stages), v.stages as unknown[], 'stages').map(readStage),
    lanes: need(Array.isArray(v.lanes), v.lanes as unknown[], 'lanes').map(readLane),
  };
}

function readStringMap(v: unknown, what: string): Record<string, string> {
  if (!isRecord(v)) throw new Invalid(what);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = need(isStr(x), x as string, what);
  return out;
}

function readRect(v: unknown, what: string): { x: number; y: number; w: number; h: number } {
  if (!isRecord(v) || !isNum(v.x) || !isNum(v.y) || !isNum(v.w) || !isNum(v.h))
    throw new Invalid(what);
  return { x: v.x, y: v.y, w: v.w, h: v.h };
}

function readGeometry(v: unknown): MapGeometry {
  if (!isRecord(v) || !Array.isArray(v.columns) || !Array.isArray(v.rows))
    throw new Invalid('geometry');
  return {
    frame: readRect(v.frame, 'geometry frame'),
    columns: v.columns.map((c: unknown) => {
      if (!isRecord(c) || !isStr(c.stageId) || !isNum(c.x) || !isNum(c.w))
        throw new Invalid('column');
      return { stageId: c.stageId, x: c.x, w: c.w };
    }),
    rows: v.rows.map((r: unknown) => {
      if (!isRecord(r) || !isStr(r.laneId) || !isNum(r.y) || !isNum(r.h)) throw new Invalid('row');
      return { laneId: r.laneId, y: r.y, h: r.h };
    }),
  };
}

export function parseMapRecord(value: unknown): Parsed<MapRecord> {
  try {
    if (!isRecord(value)) throw new Invalid('record');
    if (isNum(value.version) && value.version > MAP_RECORD_VERSION)
      return {
        ok: false,
        reason: `This map was saved by a newer Touchpoint (record version ${value.version}); update the app to edit it.`,
      };
    const frame = readRect(
      isRecord(value.geometry) ? value.geometry.frame : undefined,
      'geometry frame',
    );
    return {
      ok: true,
      value: {
        version: MAP_RECORD_VERSION,
        spec: readSpec(value.spec),
        origin:
          isRecord(value.origin) && isNum(value.origin.x) && isNum(value.origin.y)
            ? { x: value.origin.x, y: value.origin.y }
            : { x: frame.x, y: frame.y },
        size:
          isRecord(value.size) && isNum(value.size.w) && isNum(value.size.h)
            ? { w: value.size.w, h: value.size.h }
            : { w: frame.w, h: frame.h },
        geometry: readGeometry(value.geometry),
        itemIds: readStringMap(value.itemIds, 'item ids'),
        tagTitles: readStringMap(value.tagTitles ?? {}, 'tag titles'),
        createdAt: isStr(value.createdAt) ? value.createdAt : '',
        updatedAt: isStr(value.updatedAt) ? value.updatedAt : '',
        incomplete: value.incomplete === true,
      },
    };
  } catch (e) {
    if (e instanceof Invalid)
      return { ok: false, reason: `Stored map: bad or missing ${e.message}.` };
    throw e;
  }
}
