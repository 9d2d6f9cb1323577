import type { TabMessage } from '../components/action-runner';
import { errorMessage } from '../../domain/common';
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { MapInsights } from '../../app/insights/load-insights';
import type { Workshop } from '../../app/workshop';
import type { CurveLine } from '../../domain/insights/emotion';
import type { CurvePersona } from '../../domain/insights/personas';
import type { RaciRole, RaciSubject } from '../../domain/insights/raci';
import { createEmotionModel } from './emotion-model';
import { createKpiModel } from './kpi-model';
import { createRaciModel } from './raci-model';
import { notConfirmed, notDone } from './insights-messages';

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

/** What every part of the tab (emotions, KPIs, departments) shares: the chosen map and its data. */
export interface InsightsContext {
  readonly workshop: Workshop;
  readonly useCases: InsightsUseCases;
  readonly map: ReadonlySignal<InsightsMap | null>;
  readonly data: ReadonlySignal<InsightsData | null>;
  readonly stageIds: ReadonlySignal<string[]>;
  readonly busy: ReadonlySignal<boolean>;
  readonly message: Signal<TabMessage | null>;
  /**
   * Runs one change, shows its outcome, and reads the board again so the view is current. The
   * outcome of what the person just did takes focus, so it is seen and heard wherever they were
   * in the tab; a redraw the panel made by itself (`background`) is shown without moving them.
   */
  run(
    change: () => Promise<InsightsOutcome>,
    success?: string,
    options?: { background?: boolean },
  ): Promise<boolean>;
  /** `run` on the chosen map; false, with nothing run, where there is none. */
  onMap(change: (map: InsightsMap) => Promise<InsightsOutcome>, success?: string): Promise<boolean>;
  /** `onMap` for a change that adds a lane to the map: the maps are read again after it. */
  changeLanes(change: (map: InsightsMap) => Promise<InsightsOutcome>): Promise<boolean>;
  /**
   * A timer for redrawing on the board from a facilitator's panel after a change: `set` replaces
   * the redraw pending with one after the pause (`InsightsTabOptions`), `clear` drops it.
   */
  redrawTimer(): { set(fn: () => void): void; clear(): void };
  /** The tab is closed: nothing scheduled may run. */
  stopped(): boolean;
}

/** A part that keeps something on the board current: told after each load, stopped on close. */
export interface InsightsPart {
  afterLoad(): void;
  stop(): void;
}

export function createInsightsTabModel(
  workshop: Workshop,
  useCases: InsightsUseCases,
  options: InsightsTabOptions = {},
) {
  const status = signal<InsightsStatus>({ status: 'loading' });
  const maps = signal<InsightsMap[]>([]);
  const mapId = signal<string | null>(null);
  const data = signal<InsightsData | null>(null);
  const busy = signal(false);
  const message = signal<TabMessage | null>(null);
  const map = computed(() => maps.value.find((m) => m.id === mapId.value) ?? maps.value[0] ?? null);
  const stageIds = computed(() => map.value?.stages.map((s) => s.id) ?? []);

  let stopped = false;
  const run: InsightsContext['run'] = async (change, success, { background = false } = {}) => {
    busy.value = true;
    message.value = null;
    const shown = (said: TabMessage) => ({ ...said, focus: !background });
    try {
      const outcome = await change();
      if (!outcome.ok) message.value = shown(notDone(outcome));
      else if (outcome.warning && outcome.message)
        message.value = shown({ tone: 'warning', title: outcome.message });
      else if (outcome.message ?? success)
        message.value = shown({ tone: 'success', title: outcome.message ?? success ?? '' });
      await reload();
      return outcome.ok;
    } catch (error) {
      // A change that failed outright (the board unreachable, an answer lost) is said, not lost.
      // Whether it landed is not known here: the view is read again to show what the board holds.
      message.value = shown(notConfirmed(errorMessage(error)));
      await reload();
      return false;
    } finally {
      busy.value = false;
    }
  };
  const onMap: InsightsContext['onMap'] = (change, success) => {
    const current = map.value;
    return current ? run(() => change(current), success) : Promise.resolve(false);
  };
  const ctx: InsightsContext = {
    workshop,
    useCases,
    map,
    data,
    stageIds,
    busy,
    message,
    run,
    onMap,
    async changeLanes(change) {
      const ok = await onMap(change);
      if (ok) maps.value = await useCases.loadMaps(workshop).catch(() => maps.value);
      return ok;
    },
    redrawTimer() {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const clear = () => {
        if (timer) clearTimeout(timer);
        timer = null;
      };
      const pause = () =>
        (options.redrawDelayMs ?? 1_500) + Math.random() * (options.redrawJitterMs ?? 1_000);
      return {
        set(fn) {
          clear();
          timer = setTimeout(() => {
            timer = null;
            fn();
          }, pause());
        },
        clear,
      };
    },
    stopped: () => stopped,
  };
  const emotion = createEmotionModel(ctx);
  const kpi = createKpiModel(ctx);
  const parts: InsightsPart[] = [emotion.part, kpi.part];

  async function reload(): Promise<void> {
    const current = map.value;
    if (!current) return;
    try {
      data.value = await useCases.load(workshop, current);
      status.value = { status: 'ready' };
      for (const part of parts) part.afterLoad();
    } catch (error) {
      status.value = { status: 'error', message: errorMessage(error) };
    }
  }

  let unwatch: (() => void) | null = null;
  function follow(): void {
    unwatch?.();
    const current = map.value;
    unwatch = current && !stopped ? useCases.watch(workshop, current, () => void reload()) : null;
  }

  function stop(): void {
    stopped = true;
    unwatch?.();
    unwatch = null;
    for (const part of parts) part.stop();
  }

  async function start(): Promise<void> {
    try {
      maps.value = await useCases.loadMaps(workshop);
    } catch (error) {
      status.value = { status: 'error', message: errorMessage(error) };
      return;
    }
    if (!map.value) {
      status.value = { status: 'ready' };
      return;
    }
    await reload();
    follow();
  }

  return {
    status,
    maps,
    map,
    data,
    busy,
    message,
    ...emotion.view,
    ...kpi.view,
    ...createRaciModel(ctx),
    open() {
      stopped = false;
      void start();
      return stop;
    },
    reload,
    chooseMap(id: string) {
      mapId.value = id;
      data.value = null;
      status.value = { status: 'loading' };
      follow();
      void reload();
    },
    /** Board drawings: `which` names the use case; the outcome says what happened. */
    onBoard: (which: 'showKpis' | 'removeKpiCards' | 'putRaci' | 'removeRaci') =>
      onMap((current) => useCases[which](workshop, current.id)),
  };
}

export type InsightsTabModel = ReturnType<typeof createInsightsTabModel>;
