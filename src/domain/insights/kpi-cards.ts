/**
 * The KPI cards on the board (issue 14 §2): one small card per stage with KPIs, in line with the
 * stage's column, and one for the whole-journey KPIs in line with the lane-label column (under the
 * map's title corner). Pure and keyed (`kpi:<stageId>`, `kpi:journey`), so drawing again after a
 * reading updates the same card in place; a stage without KPIs has no card.
 *
 * Where: a map with a KPI row (a lane of kind `kpis`, which the Insights tab adds as the first
 * lane, right under the stage headers) has each stage's card in that row's cell, a child of the
 * frame, so it moves with the map. Without one, the cards sit in a band just above the frame,
 * outside it: under the stage header inside the frame is a lane's cell, where participants put
 * notes, and a card there would cover them. The journey card sits above the lane-label column,
 * outside the frame, either way. Cards follow the frame where it is now.
 */
import type { Rect } from '../board/board-item';
import { LAYOUT, type MapGeometry } from '../journey/layout';
import { kpiStatus, type KpiDefinition, type KpiReading, type KpiStatusKind } from './kpi';

export const KPI_CARD = {
  /**
   * Between the cards' bottom edge and the frame: room for the frame's title, which Miro (and
   * the playground) draw above the frame at a fixed screen size (about 20 px at 12% zoom).
   */
  gap: 160,
  padding: 20,
  lineHeight: 28,
  fontSize: 18,
  /** Characters per line at that font size, to estimate wrapping (about 0.55 em a character). */
  charWidth: 10,
  fill: '#f4f6ff',
  border: '#2d3a8c',
  textColor: '#1a1a2e',
} as const;

export const JOURNEY_CARD_KEY = 'kpi:journey';
export const kpiCardKey = (stageId: string) => `kpi:${stageId}`;

export interface KpiCard {
  key: string;
  stageId: string | null;
  /** Absolute, top-left. */
  rect: Rect;
  /** Plain text, one line per KPI under a heading. */
  text: string;
  /** In the map's KPI row, inside the frame (a child of it); else above the frame. */
  inRow: boolean;
}

const STATUS_WORDS: Record<KpiStatusKind, string> = {
  met: 'target met',
  'on-track': 'on track',
  'off-track': 'off track',
  'no-readings': 'no reading yet',
};

/** "42" or "42.5"; a number as a person would write it, up to two decimals. */
export function formatValue(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "42%", "3.5 days", "42" — a unit of symbols sticks to the number, a word does not. */
export function withUnit(value: number, unit: string): string {
  if (unit === '') return formatValue(value);
  return /^[%‰°$€£]/.test(unit) ? `${formatValue(value)}${unit}` : `${formatValue(value)} ${unit}`;
}

/** One KPI as a card line: "NPS: 42 pts (target 50 pts) · on track". */
export function kpiLine(kpi: KpiDefinition, readings: readonly KpiReading[]): string {
  const status = kpiStatus(kpi, readings);
  const now = status.latest ? withUnit(status.latest.value, kpi.unit) : '—';
  const name = kpi.name.replace(/\s+/g, ' ');
  return `${name}: ${now} (target ${withUnit(kpi.target, kpi.unit)}) · ${STATUS_WORDS[status.kind]}`;
}

function cardHeight(lines: readonly string[], width: number): number {
  const perLine = Math.max(10, Math.floor((width - 2 * KPI_CARD.padding) / KPI_CARD.charWidth));
  const rows = lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return 2 * KPI_CARD.padding + rows * KPI_CARD.lineHeight;
}

/**
 * The cards for one map. `frameNow` is where the map's frame is on the board now (the cards
 * follow a frame moved by hand); without it, where the layout put it.
 */
export function layoutKpiCards(
  stages: readonly { id: string; name: string }[],
  geometry: MapGeometry,
  kpis: readonly KpiDefinition[],
  readings: readonly KpiReading[],
  frameNow?: Rect,
  /** The lane of the map's KPI row, if it has one. */
  kpiLaneId: string | null = null,
): KpiCard[] {
  const frame = frameNow ?? geometry.frame;
  const dx = frame.x - geometry.frame.x;
  const dy = frame.y - geometry.frame.y;
  const bottom = frame.y - KPI_CARD.gap;
  const row = geometry.rows.find((r) => r.laneId === kpiLaneId);
  const card = (
    key: string,
    stageId: string | null,
    heading: string,
    own: KpiDefinition[],
    x: number,
    w: number,
  ): KpiCard => {
    const lines = [heading, ...own.map((kpi) => kpiLine(kpi, readings))];
    if (row && stageId !== null) {
      const inset = KPI_CARD.padding;
      const width = w - 2 * inset;
      const h = Math.min(cardHeight(lines, width), row.h - 2 * inset);
      const rect = { x: x + inset, y: row.y + dy + inset, w: width, h };
      return { key, stageId, rect, text: lines.join('\n'), inRow: true };
    }
    const h = cardHeight(lines, w);
    return { key, stageId, rect: { x, y: bottom - h, w, h }, text: lines.join('\n'), inRow: false };
  };
  const cards: KpiCard[] = [];
  const journey = kpis.filter((k) => k.stageId === null);
  if (journey.length > 0)
    cards.push(
      card(
        JOURNEY_CARD_KEY,
        null,
        'Journey KPIs',
        journey,
        frame.x + LAYOUT.padding,
        LAYOUT.labelWidth,
      ),
    );
  for (const column of geometry.columns) {
    const own = kpis.filter((k) => k.stageId === column.stageId);
    const stage = stages.find((s) => s.id === column.stageId);
    if (own.length === 0 || !stage) continue;
    const name = stage.name.trim().replace(/\s+/g, ' ');
    cards.push(
      card(
        kpiCardKey(column.stageId),
        column.stageId,
        `KPIs · ${name}`,
        own,
        column.x + dx,
        column.w,
      ),
    );
  }
  return cards;
}
