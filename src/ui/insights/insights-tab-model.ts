import { errorMessage } from '../../domain/common';
import { computed, signal } from '@preact/signals';
import type { Workshop } from '../../app/workshop';
import type { Contribution } from '../../domain/insights/departments';
import { deriveCoverage } from '../../domain/insights/departments';
import {
  deriveStageEmotions,
  type CurveLine,
  type EmotionRating,
} from '../../domain/insights/emotion';
import { curveBasis, deriveCurveLines } from '../../domain/insights/curve-layout';
import { kpiStatus, type KpiDefinition, type KpiReading } from '../../domain/insights/kpi';
import {
  DEFAULT_PERSONA,
  MAX_PERSONAS,
  personasOrDefault,
  type CurvePersona,
} from '../../domain/insights/personas';
import {
  checkRaci,
  type RaciAssignment,
  type RaciRole,
  type RaciSubject,
} from '../../domain/insights/raci';

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

export interface InsightsData {
  personas: CurvePersona[];
  ratings: EmotionRating[];
  kpis: KpiDefinition[];
  readings: (KpiReading & { id: string })[];
  raci: RaciAssignment[];
  actions: { id: string; title: string }[];
  /** This participant's department, if picked. */
  myDepartment: string | null;
  /** Departments picked on this board by anyone. */
  departments: string[];
  contributions: Contribution[];
  /** Stored entries left out because they were unreadable. */
  skipped: number;
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
  /** `changed: false`: a board drawing found the board already current. */
  { ok: true; message?: string; changed?: boolean } | { ok: false; message: string };

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

export function createInsightsTabModel(
  workshop: Workshop,
  useCases: InsightsUseCases,
  options: InsightsTabOptions = {},
) {
  const status = signal<InsightsStatus>({ status: 'loading' });
  const maps = signal<InsightsMap[]>([]);
  const mapId = signal<string | null>(null);
  const data = signal<InsightsData | null>(null);
  const personaId = signal<string>(DEFAULT_PERSONA.id);
  const line = signal<CurveLine>('as-is');
  const busy = signal(false);
  const message = signal<{ tone: 'success' | 'error'; text: string } | null>(null);

  const map = computed(() => maps.value.find((m) => m.id === mapId.value) ?? maps.value[0] ?? null);
  const personas = computed(() => personasOrDefault(data.value?.personas ?? []));
  const persona = computed(
    () =>
      personas.value.find((p) => p.id === personaId.value) ?? personas.value[0] ?? DEFAULT_PERSONA,
  );
  const stageIds = computed(() => map.value?.stages.map((s) => s.id) ?? []);
  const emotions = computed(() =>
    deriveStageEmotions(data.value?.ratings ?? [], stageIds.value, persona.value.id, line.value),
  );
  /** This participant's own rating per stage for the chosen persona and line. */
  const myRatings = computed(() => {
    const mine = new Map<string, number>();
    for (const r of data.value?.ratings ?? [])
      if (
        r.raterKey === workshop.user.id &&
        r.personaId === persona.value.id &&
        r.line === line.value
      )
        mine.set(r.stageId, r.value);
    return mine;
  });
  const kpiRows = computed(() =>
    (data.value?.kpis ?? []).map((kpi) => ({
      kpi,
      status: kpiStatus(kpi, data.value?.readings ?? []),
    })),
  );
  const raciSubjects = computed<RaciSubject[]>(() => [
    ...stageIds.value.map((id) => ({ kind: 'stage' as const, id })),
    ...(data.value?.actions ?? []).map((a) => ({ kind: 'action' as const, id: a.id })),
  ]);
  const subjectName = (subject: RaciSubject): string =>
    subject.kind === 'stage'
      ? (map.value?.stages.find((s) => s.id === subject.id)?.name ?? 'A stage')
      : (data.value?.actions.find((a) => a.id === subject.id)?.title ?? 'An action');
  const raciFindings = computed(() =>
    checkRaci(data.value?.raci ?? [], raciSubjects.value, subjectName),
  );
  const curve = computed(() => data.value?.curve ?? null);
  /** `curveBasis` of the ratings and personas now. */
  const basisNow = computed(() =>
    curveBasis(
      deriveCurveLines(data.value?.personas ?? [], data.value?.ratings ?? [], stageIds.value),
    ),
  );
  /** What the KPI cards show: the KPIs and their readings. */
  const kpiBasis = computed(() =>
    JSON.stringify([data.value?.kpis ?? [], (data.value?.readings ?? []).map((r) => r.id)]),
  );
  /** The drawn curve no longer shows the ratings (or a run stopped halfway). */
  const curveStale = computed(() => {
    const c = curve.value;
    return c !== null && c.drawn && (c.incomplete || c.basis !== basisNow.value);
  });
  const coverage = computed(() =>
    deriveCoverage(data.value?.contributions ?? [], stageIds.value, data.value?.departments ?? []),
  );

  async function reload(): Promise<void> {
    const current = map.value;
    if (!current) return;
    try {
      data.value = await useCases.load(workshop, current);
      status.value = { status: 'ready' };
      scheduleRedraw();
      scheduleCards();
    } catch (error) {
      status.value = {
        status: 'error',
        message: errorMessage(error),
      };
    }
  }

  // A facilitator's open panel keeps a drawn curve current: once per new basis, after a pause.
  let redrawTimer: ReturnType<typeof setTimeout> | null = null;
  let triedBasis: string | null = null;
  function scheduleRedraw(): void {
    const c = curve.value;
    const current = map.value;
    if (stopped || !current || !c?.canDraw || !curveStale.value) return;
    if (triedBasis === basisNow.value) return;
    if (redrawTimer) clearTimeout(redrawTimer);
    const delay =
      (options.redrawDelayMs ?? 1_500) + Math.random() * (options.redrawJitterMs ?? 1_000);
    redrawTimer = setTimeout(() => {
      redrawTimer = null;
      if (stopped || map.value?.id !== current.id || !curveStale.value) return;
      if (busy.value) return scheduleRedraw();
      triedBasis = basisNow.value;
      void run(() => useCases.drawCurve(workshop, current.id));
    }, delay);
  }

  // A facilitator's open panel keeps KPI cards on the board current too: a participant's reading
  // is saved by their panel, which may not draw; this one redraws once per new set of KPIs and
  // readings, after a pause, and says something only when the board changed or could not.
  let cardsTimer: ReturnType<typeof setTimeout> | null = null;
  let cardsBasis: string | null = null;
  function scheduleCards(): void {
    const current = map.value;
    const d = data.value;
    if (stopped || !current || !d?.kpiCardsShown || !d.curve.canDraw) return;
    if (cardsBasis === kpiBasis.value) return;
    if (cardsTimer) clearTimeout(cardsTimer);
    const delay =
      (options.redrawDelayMs ?? 1_500) + Math.random() * (options.redrawJitterMs ?? 1_000);
    cardsTimer = setTimeout(() => {
      cardsTimer = null;
      if (stopped || map.value?.id !== current.id) return;
      if (busy.value) return scheduleCards();
      const basis = kpiBasis.value;
      void useCases.showKpis(workshop, current.id).then(
        (outcome) => {
          cardsBasis = basis;
          if (!outcome.ok) message.value = { tone: 'error', text: outcome.message };
          else if (outcome.message && outcome.changed !== false)
            message.value = { tone: 'success', text: outcome.message };
        },
        () => undefined,
      );
    }, delay);
  }

  let unwatch: (() => void) | null = null;
  let stopped = false;
  function follow(): void {
    unwatch?.();
    const current = map.value;
    unwatch = current && !stopped ? useCases.watch(workshop, current, () => void reload()) : null;
  }

  function stop(): void {
    stopped = true;
    unwatch?.();
    unwatch = null;
    if (redrawTimer) clearTimeout(redrawTimer);
    redrawTimer = null;
    if (cardsTimer) clearTimeout(cardsTimer);
    cardsTimer = null;
  }

  async function start(): Promise<void> {
    try {
      maps.value = await useCases.loadMaps(workshop);
    } catch (error) {
      status.value = {
        status: 'error',
        message: errorMessage(error),
      };
      return;
    }
    if (!map.value) {
      status.value = { status: 'ready' };
      return;
    }
    await reload();
    follow();
  }

  /** Runs one change, shows its outcome, and reads the board again so the view is current. */
  async function run(change: () => Promise<InsightsOutcome>, success?: string): Promise<boolean> {
    busy.value = true;
    message.value = null;
    try {
      const outcome = await change();
      if (!outcome.ok) message.value = { tone: 'error', text: outcome.message };
      else if (outcome.message ?? success)
        message.value = { tone: 'success', text: outcome.message ?? success ?? '' };
      await reload();
      return outcome.ok;
    } finally {
      busy.value = false;
    }
  }

  return {
    status,
    maps,
    map,
    data,
    personas,
    persona,
    line,
    busy,
    message,
    emotions,
    myRatings,
    kpiRows,
    raciSubjects,
    raciFindings,
    coverage,
    curve,
    curveStale,
    subjectName,
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
    choosePersona(id: string) {
      personaId.value = id;
    },
    chooseLine(next: CurveLine) {
      line.value = next;
    },
    rate(stageId: string, value: number | null) {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() =>
        useCases.rate(workshop, {
          mapId: current.id,
          stageId,
          personaId: persona.value.id,
          line: line.value,
          value,
        }),
      );
    },
    addPersona(name: string) {
      const current = map.value;
      const own = data.value?.personas ?? [];
      if (!current) return Promise.resolve(false);
      if (own.length >= MAX_PERSONAS) {
        message.value = { tone: 'error', text: `A map has at most ${MAX_PERSONAS} personas.` };
        return Promise.resolve(false);
      }
      const id = `p${Date.now().toString(36)}`;
      return run(
        () => useCases.savePersonas(workshop, current.id, [...own, { id, name, summary: '' }]),
        `Persona “${name.trim()}” added.`,
      ).then((ok) => {
        if (ok) personaId.value = id;
        return ok;
      });
    },
    removePersona(id: string) {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      const rest = (data.value?.personas ?? []).filter((p) => p.id !== id);
      return run(() => useCases.savePersonas(workshop, current.id, rest), 'Persona removed.');
    },
    saveKpi(input: Record<string, unknown>) {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() => useCases.saveKpi(workshop, current, input), 'KPI saved.');
    },
    removeKpi(kpiId: string) {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() => useCases.removeKpi(workshop, current.id, kpiId), 'KPI removed.');
    },
    addReading(input: Record<string, unknown>) {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() => useCases.addReading(workshop, current.id, input), 'Reading added.');
    },
    removeReading(kpiId: string, readingId: string) {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(
        () => useCases.removeReading(workshop, current.id, kpiId, readingId),
        'Reading removed.',
      );
    },
    setRaci(subject: RaciSubject, department: string, role: RaciRole | null) {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() =>
        useCases.setRaci(workshop, {
          mapId: current.id,
          subject,
          subjectName: subjectName(subject),
          department,
          role,
        }),
      );
    },
    /** Board drawings: `which` names the use case; the outcome says what happened. */
    onBoard(which: 'showKpis' | 'removeKpiCards' | 'putRaci' | 'removeRaci') {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() => useCases[which](workshop, current.id));
    },
    setDepartment(name: string) {
      return run(() => useCases.setDepartment(workshop, name), 'Department saved.');
    },
    drawCurve() {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() => useCases.drawCurve(workshop, current.id));
    },
    removeCurve() {
      const current = map.value;
      if (!current) return Promise.resolve(false);
      return run(() => useCases.removeCurve(workshop, current.id));
    },
    async addEmotionsLane() {
      const current = map.value;
      if (!current) return false;
      const ok = await run(() => useCases.addEmotionsLane(workshop, current.id));
      if (ok) maps.value = await useCases.loadMaps(workshop).catch(() => maps.value);
      return ok;
    },
    async addKpiRow() {
      const current = map.value;
      if (!current) return false;
      const ok = await run(() => useCases.addKpiRow(workshop, current.id));
      if (ok) maps.value = await useCases.loadMaps(workshop).catch(() => maps.value);
      return ok;
    },
  };
}

export type InsightsTabModel = ReturnType<typeof createInsightsTabModel>;
