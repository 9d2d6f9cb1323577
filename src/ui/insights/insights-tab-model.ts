import type { MapInsights } from '../../app/insights/load-insights';
import type { Workshop } from '../../app/workshop';
import type { CurveLine } from '../../domain/insights/emotion';
import type { CurvePersona } from '../../domain/insights/personas';
import type { RaciRole, RaciSubject } from '../../domain/insights/raci';
import { createEmotionModel } from './emotion-model';
import { createKpiModel } from './kpi-model';
import { createRaciModel } from './raci-model';
import { createInsightsBoard } from './insights-board';
import { createInsightsContext, type InsightsPart } from './insights-context';

/** What the Insights tab needs from app/insights; injected so tests use fakes. */
export interface InsightsUseCases {
  loadMaps(workshop: Workshop): Promise<InsightsMap[]>;
  load(workshop: Workshop, map: InsightsMap): Promise<InsightsData>;
  /** Calls `fn` after changes by anyone (ratings, departments, KPIs, notes, votes); returns stop. */
  watch(workshop: Workshop, map: InsightsMap, fn: () => void): () => void;
  rate(workshop: Workshop, input: RateInput): Promise<InsightsOutcome>;
  savePersonas(
    workshop: Workshop,
    mapId: string,
    personas: CurvePersona[],
  ): Promise<InsightsOutcome>;
  saveKpi(workshop: Workshop, map: InsightsMap, input: unknown): Promise<InsightsOutcome>;
  removeKpi(workshop: Workshop, mapId: string, kpiId: string): Promise<InsightsOutcome>;
  addReading(workshop: Workshop, mapId: string, input: unknown): Promise<InsightsOutcome>;
  removeReading(
    workshop: Workshop,
    mapId: string,
    kpiId: string,
    readingId: string,
  ): Promise<InsightsOutcome>;
  setRaci(workshop: Workshop, change: RaciChangeInput): Promise<InsightsOutcome>;
  setDepartment(workshop: Workshop, name: string): Promise<InsightsOutcome>;
  /** Board drawings (facilitators): the KPI cards and the RACI frame, drawn or removed. */
  showKpis(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
  removeKpiCards(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
  putRaci(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
  removeRaci(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
  /** Draws or updates the map's emotion curve on the board (facilitators). */
  drawCurve(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
  removeCurve(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
  /** Adds an Emotions lane at the bottom of a map that has none (the frame grows by a row). */
  addEmotionsLane(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
  /** Adds a KPI row as the map's first lane, under the stage headers; the cards go in it. */
  addKpiRow(workshop: Workshop, mapId: string): Promise<InsightsOutcome>;
}

/** The emotion curve on the board, as the panel needs to know it. */
export interface CurveState {
  /** Touchpoint has drawn it (its record names points). */
  drawn: boolean;
  /** What it was drawn from (`curveBasis`), and whether the last run stopped halfway. */
  basis: string;
  incomplete: boolean;
  /** This user may draw it (a facilitator, or anyone while the board names none). */
  canDraw: boolean;
  /** The board draws lines between points (`Board.limits.connectors`; where not, points only). */
  lines: boolean;
}

export interface InsightsMap {
  id: string;
  title: string;
  stages: { id: string; name: string }[];
  /** The map has a lane of kind Emotions, where the curve is drawn. */
  emotionsLane: boolean;
  /** The map has a KPI row (a lane of kind `kpis`), where the KPI cards sit under the headers. */
  kpiLane: boolean;
}

/** What the tab shows of the chosen map: its insights (`app/insights`), and the board drawings' state. */
export interface InsightsData extends MapInsights {
  curve: CurveState;
  /** KPI cards are on the board for this map (a facilitator showed them). */
  kpiCardsShown: boolean;
}

export interface RateInput {
  mapId: string;
  stageId: string;
  personaId: string;
  line: CurveLine;
  value: number | null;
}

export interface RaciChangeInput {
  mapId: string;
  subject: RaciSubject;
  subjectName: string;
  department: string;
  role: RaciRole | null;
}

export type InsightsOutcome =
  /**
   * `changed: false`: a board drawing found the board already current. `warning`: the change is
   * saved, but what should have followed it did not (the message says what). A failure's `title`
   * says what did not happen ("Curve drawn in part"); without one, it is a refused save.
   */
  | { ok: true; message?: string; changed?: boolean; warning?: boolean }
  | { ok: false; message: string; title?: string };

export type InsightsStatus =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

export interface InsightsTabOptions {
  /**
   * How long after a change of ratings (or of KPIs and readings) the facilitator's panel redraws a
   * drawn curve (or the KPI cards on the board), plus up to `redrawJitterMs` at random, so two
   * facilitators' panels rarely redraw at the same moment.
   */
  redrawDelayMs?: number;
  redrawJitterMs?: number;
}

/**
 * The Insights tab's model, made of small ones, each for one concern: the board (`insights-board`:
 * the maps, the chosen one and its data, read and followed), the context the parts share
 * (`insights-context`: running a change and showing its outcome, the redraw timer), and the parts
 * (`emotion-model`, `kpi-model`, `raci-model`), in one flat object.
 */
export function createInsightsTabModel(
  workshop: Workshop,
  useCases: InsightsUseCases,
  options: InsightsTabOptions = {},
) {
  const parts: InsightsPart[] = [];
  const board = createInsightsBoard(workshop, useCases, () => {
    for (const part of parts) part.afterLoad();
  });
  const ctx = createInsightsContext(workshop, useCases, board, options);
  const emotion = createEmotionModel(ctx);
  const kpi = createKpiModel(ctx);
  parts.push(emotion.part, kpi.part);

  function stop(): void {
    board.close();
    for (const part of parts) part.stop();
  }

  return {
    status: board.status,
    maps: board.maps,
    map: board.map,
    data: board.data,
    busy: ctx.busy,
    message: ctx.message,
    ...emotion.view,
    ...kpi.view,
    ...createRaciModel(ctx),
    open() {
      board.open();
      return stop;
    },
    reload: board.reload,
    chooseMap: board.chooseMap,
    /** Board drawings: `which` names the use case; the outcome says what happened. */
    onBoard: (which: 'showKpis' | 'removeKpiCards' | 'putRaci' | 'removeRaci') =>
      ctx.onMap((current) => useCases[which](workshop, current.id)),
  };
}

export type InsightsTabModel = ReturnType<typeof createInsightsTabModel>;
