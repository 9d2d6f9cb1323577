/**
 * Where every part of a journey map goes on the board (issue 2 §4). Pure: the same spec and
 * origin always give the same items, and every item has a stable key (`stage:<id>`,
 * `lane:<id>`, `cell:<stageId>:<laneId>`…), so "Update on board" can diff by key.
 *
 *   ┌ frame ───────────────────────────────────────────┐
 *   │ title                                            │
 *   │ [persona]  [stage header] [stage header] …       │
 *   │ [lane]     [cell]         [cell]         …       │
 *   │ [lane]     [cell]         [cell]         …       │
 *   └──────────────────────────────────────────────────┘
 *
 * Every item except the frame has a fixed size, because Miro shapes cannot be resized after
 * creation; only the frame grows and shrinks with the number of stages and lanes.
 */
import type { Rect } from '../board/board-item';
import type { LaneKind, MapSpec } from './map-spec';

export const LAYOUT = {
  padding: 60,
  gap: 20,
  /** Lane-label column; the persona card sits at its top. */
  labelWidth: 360,
  /** Room for six 200 px sticky notes (3 × 2) with space between them. */
  cellWidth: 700,
  cellHeight: 500,
  titleHeight: 120,
  headerHeight: 140,
  fontSize: { title: 56, header: 32, lane: 28, persona: 20, cell: 14 },
} as const;

export type LayoutRole = 'frame' | 'title' | 'persona' | 'stage-header' | 'lane-label' | 'cell';

export interface LayoutItem {
  key: string;
  role: LayoutRole;
  /** Absolute, top-left. */
  rect: Rect;
  /** Plain text; for the frame, its title. */
  text: string;
  /** Hex colours. */
  fill: string;
  border?: string;
  textColor?: string;
  /** Within Miro's 10–288. */
  fontSize?: number;
  align?: 'left' | 'center';
  stageId?: string;
  laneId?: string;
}

/** Enough to map a position to a stage and lane later; small enough to store with the map. */
export interface MapGeometry {
  /** The frame where the layout put it (absolute, top-left). */
  frame: Rect;
  columns: { stageId: string; x: number; w: number }[];
  rows: { laneId: string; y: number; h: number }[];
}

export interface MapLayout {
  origin: { x: number; y: number };
  size: { w: number; h: number };
  geometry: MapGeometry;
  /** The frame first, then its children. */
  items: LayoutItem[];
}

export const FRAME_KEY = 'frame';
export const TITLE_KEY = 'title';
export const PERSONA_KEY = 'persona';
export const stageKey = (stageId: string) => `stage:${stageId}`;
export const laneKey = (laneId: string) => `lane:${laneId}`;
export const cellKey = (stageId: string, laneId: string) => `cell:${stageId}:${laneId}`;

const COLORS = {
  frame: '#ffffff',
  header: '#2d3a8c',
  headerText: '#ffffff',
  lane: '#e3e8ff',
  laneText: '#1a1a2e',
  persona: '#fff9b1',
  text: '#1a1a2e',
  cellBorder: '#d6d9e0',
} as const;

/** Light cell tints by lane kind, so pain points and opportunities stand out on the board. */
const CELL_FILL: Record<LaneKind, string> = {
  actions: '#eef3ff',
  touchpoints: '#eaf8f4',
  emotions: '#fff2f7',
  pain_points: '#fff0ee',
  opportunities: '#effae6',
  owner: '#f4f1ff',
  thinking: '#fffbe8',
  frontstage: '#eef3ff',
  backstage: '#f3f4f6',
  support: '#f0f1f4',
  evidence: '#fffbe8',
  kpis: '#f4f6ff',
  other: '#f7f8fa',
};

export function deriveMapSize(stageCount: number, laneCount: number): { w: number; h: number } {
  const { padding, gap, labelWidth, cellWidth, cellHeight, titleHeight, headerHeight } = LAYOUT;
  const n = Math.max(stageCount, 1);
  const m = Math.max(laneCount, 1);
  return {
    w: padding * 2 + labelWidth + n * (gap + cellWidth),
    h: padding * 2 + titleHeight + gap + headerHeight + m * (gap + cellHeight),
  };
}

export function layoutMap(spec: MapSpec, origin: { x: number; y: number }): MapLayout {
  const { padding, gap, labelWidth, cellWidth, cellHeight, titleHeight, headerHeight, fontSize } =
    LAYOUT;
  const size = deriveMapSize(spec.stages.length, spec.lanes.length);
  const frame: Rect = { x: origin.x, y: origin.y, w: size.w, h: size.h };
  const left = origin.x + padding;
  const headerY = origin.y + padding + titleHeight + gap;
  const firstRowY = headerY + headerHeight + gap;
  const columns = spec.stages.map((stage, i) => ({
    stageId: stage.id,
    x: left + labelWidth + gap + i * (cellWidth + gap),
    w: cellWidth,
  }));
  const rows = spec.lanes.map((lane, j) => ({
    laneId: lane.id,
    y: firstRowY + j * (cellHeight + gap),
    h: cellHeight,
  }));

  const items: LayoutItem[] = [
    { key: FRAME_KEY, role: 'frame', rect: frame, text: spec.title.trim(), fill: COLORS.frame },
    {
      key: TITLE_KEY,
      role: 'title',
      rect: { x: left, y: origin.y + padding, w: labelWidth + gap + cellWidth, h: titleHeight },
      text: spec.title.trim(),
      fill: 'transparent',
      textColor: COLORS.text,
      fontSize: fontSize.title,
      align: 'left',
    },
  ];
  if (spec.persona) {
    const name = spec.persona.name.trim();
    const summary = spec.persona.summary.trim();
    items.push({
      key: PERSONA_KEY,
      role: 'persona',
      rect: { x: left, y: headerY, w: labelWidth, h: headerHeight },
      text: summary === '' ? name : `${name}\n${summary}`,
      fill: COLORS.persona,
      textColor: COLORS.text,
      fontSize: fontSize.persona,
      align: 'left',
    });
  }
  spec.stages.forEach((stage, i) => {
    const col = columns[i] as (typeof columns)[number];
    items.push({
      key: stageKey(stage.id),
      role: 'stage-header',
      rect: { x: col.x, y: headerY, w: cellWidth, h: headerHeight },
      text: stage.name.trim(),
      fill: COLORS.header,
      textColor: COLORS.headerText,
      fontSize: fontSize.header,
      align: 'center',
      stageId: stage.id,
    });
  });
  spec.lanes.forEach((lane, j) => {
    const row = rows[j] as (typeof rows)[number];
    items.push({
      key: laneKey(lane.id),
      role: 'lane-label',
      rect: { x: left, y: row.y, w: labelWidth, h: cellHeight },
      text: lane.name.trim(),
      fill: COLORS.lane,
      textColor: COLORS.laneText,
      fontSize: fontSize.lane,
      align: 'left',
      laneId: lane.id,
    });
  });
  spec.lanes.forEach((lane, j) => {
    const row = rows[j] as (typeof rows)[number];
    spec.stages.forEach((stage, i) => {
      const col = columns[i] as (typeof columns)[number];
      items.push({
        key: cellKey(stage.id, lane.id),
        role: 'cell',
        rect: { x: col.x, y: row.y, w: cellWidth, h: cellHeight },
        text: '',
        fill: CELL_FILL[lane.kind],
        border: COLORS.cellBorder,
        fontSize: fontSize.cell,
        stageId: stage.id,
        laneId: lane.id,
      });
    });
  });

  return { origin: { ...origin }, size, geometry: { frame, columns, rows }, items };
}

/**
 * The stage and lane of the cell under `point` (absolute), or null outside every cell (headers,
 * gaps, outside the map). `frame` is where the frame is now, if it was moved since the layout.
 */
export function cellAt(
  geometry: MapGeometry,
  point: { x: number; y: number },
  frame?: { x: number; y: number },
): { stageId: string; laneId: string } | null {
  const dx = frame ? geometry.frame.x - frame.x : 0;
  const dy = frame ? geometry.frame.y - frame.y : 0;
  const px = point.x + dx;
  const py = point.y + dy;
  const col = geometry.columns.find((c) => px >= c.x && px < c.x + c.w);
  const row = geometry.rows.find((r) => py >= r.y && py < r.y + r.h);
  return col && row ? { stageId: col.stageId, laneId: row.laneId } : null;
}
