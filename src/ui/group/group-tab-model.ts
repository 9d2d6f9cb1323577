import { errorMessage } from '../../domain/common';
import { computed, signal } from '@preact/signals';
import type { ApplyGroupsSettings } from '../../domain/grouping-layout/plan-group-moves';
import {
  dissolveGroup,
  mergeGroups,
  moveNote,
  pinGroup,
  renameGroup,
  unpinGroup,
  type GroupingPreview,
} from '../../domain/clustering/grouping-preview';
import type { GroupingScope } from '../../app/grouping/grouping-scope';
import type { GroupingUndoStatus } from '../../app/grouping/grouping-session';
import type { Workshop } from '../../app/workshop';
import type { TabMessage } from '../components/action-runner';
import { createBoardJobs, type JobHooks } from '../components/board-job';

export type { GroupingPreview, GroupingScope, GroupingUndoStatus, ApplyGroupsSettings };

/** What the Group tab needs from the grouping use cases (app/grouping); injected so tests use fakes. */
export interface GroupUseCases {
  open(workshop: Workshop): GroupConnection;
}

/** Shared words (instant, any language) or meaning (the on-device sentence model). */
export type GroupMode = 'lexical' | 'meaning';
/** Meaning mode's steps: load the model, read the notes, group them. */
export type GroupPhase = 'model' | 'embed' | 'group';

export interface GroupRunRequest {
  granularity: number;
  k: number | null;
  pinned: Readonly<Record<string, string>>;
  mode: GroupMode;
  onProgress: (fraction: number, phase?: GroupPhase) => void;
}

export interface GroupRunHandle {
  result: Promise<GroupingPreview>;
  cancel(): void;
  inWorker: boolean;
  /** After the result: why meaning mode fell back to shared words, or null. */
  notice?: () => string | null;
}

export interface GroupMapInfo {
  id: string;
  title: string;
  stages: { id: string; name: string }[];
  lanes: { id: string; name: string }[];
}

export type GroupSnapshot =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; maps: GroupMapInfo[]; selectedNotes: number };

export interface GroupConnection {
  subscribe(fn: (snapshot: GroupSnapshot) => void): () => void;
  /** The notes of the scope now, as plain text (render as text). */
  notes(scope: GroupingScope): { id: string; text: string }[];
  /** The team's own groups in the scope: note id → group name. */
  handMadePins(scope: GroupingScope): Record<string, string>;
  group(scope: GroupingScope, request: GroupRunRequest): GroupRunHandle;
  split(preview: GroupingPreview, groupId: string): Promise<GroupingPreview>;
  apply(
    scope: GroupingScope,
    preview: GroupingPreview,
    settings: ApplyGroupsSettings,
    hooks: JobHooks,
  ): Promise<TabMessage>;
  resume(hooks: JobHooks): Promise<TabMessage>;
  undo(hooks: JobHooks): Promise<TabMessage>;
  undoStatus(): Promise<GroupingUndoStatus>;
  close(): void;
}

/** Scopes as <select> values: `selection`, `map:<m>`, `stage:<m>:<s>`, `lane:<m>:<l>`. */
export function scopeValue(scope: GroupingScope): string {
  switch (scope.kind) {
    case 'selection':
      return 'selection';
    case 'map':
      return `map:${scope.mapId}`;
    case 'stage':
      return `stage:${scope.mapId}:${scope.stageId}`;
    case 'lane':
      return `lane:${scope.mapId}:${scope.laneId}`;
    case 'cell':
      return `cell:${scope.mapId}:${scope.stageId}:${scope.laneId}`;
  }
}

export function parseScopeValue(value: string): GroupingScope | null {
  const [kind, mapId, a, b] = value.split(':');
  if (kind === 'selection') return { kind: 'selection' };
  if (!mapId) return null;
  if (kind === 'map') return { kind: 'map', mapId };
  if (kind === 'stage' && a) return { kind: 'stage', mapId, stageId: a };
  if (kind === 'lane' && a) return { kind: 'lane', mapId, laneId: a };
  if (kind === 'cell' && a && b) return { kind: 'cell', mapId, stageId: a, laneId: b };
  return null;
}

export interface GroupingRun {
  fraction: number;
  phase: GroupPhase | null;
  inWorker: boolean;
  cancel: () => void;
}

/** Slider steps: −4 … +4 → granularity −1 … +1. */
export const GRANULARITY_STEPS = 4;
const RERUN_DELAY_MS = 300;

export function createGroupTabModel(workshop: Workshop, useCases: GroupUseCases) {
  const snapshot = signal<GroupSnapshot>({ status: 'loading' });
  const scopeChoice = signal<string | null>(null);
  const granularityStep = signal(0);
  const exactK = signal<number | null>(null);
  const mode = signal<GroupMode>('lexical');
  const keepTeamGroups = signal(true);
  const preview = signal<GroupingPreview | null>(null);
  /** Scope the preview was made for. */
  const previewScope = signal<GroupingScope | null>(null);
  const texts = signal<ReadonlyMap<string, string>>(new Map());
  const running = signal<GroupingRun | null>(null);
  const jobs = createBoardJobs();
  const busy = signal(false);
  const message = signal<TabMessage | null>(null);
  const undo = signal<GroupingUndoStatus | null>(null);
  const colorGroups = signal(true);
  const labelGroups = signal(true);
  let connection: GroupConnection | null = null;
  /** Counts runs, so a superseded run's result or progress is ignored. */
  let runCount = 0;
  let rerunTimer: ReturnType<typeof setTimeout> | undefined;

  const maps = computed(() => (snapshot.value.status === 'ready' ? snapshot.value.maps : []));
  const selectedNotes = computed(() =>
    snapshot.value.status === 'ready' ? snapshot.value.selectedNotes : 0,
  );
  /** The chosen scope; by default the first map's whole map, or the selection without maps. */
  const scope = computed<GroupingScope>(() => {
    const chosen = scopeChoice.value === null ? null : parseScopeValue(scopeChoice.value);
    if (chosen && (chosen.kind === 'selection' || maps.value.some((m) => m.id === chosen.mapId)))
      return chosen;
    const first = maps.value[0];
    return first ? { kind: 'map', mapId: first.id } : { kind: 'selection' };
  });
  /** Notes in the scope now (follows the board through the snapshot). */
  const scopeNotes = computed(() => {
    void snapshot.value;
    return connection ? connection.notes(scope.value).length : 0;
  });

  async function refreshUndo(): Promise<void> {
    if (!connection) return;
    try {
      undo.value = await connection.undoStatus();
    } catch (error) {
      undo.value = { available: false, reason: errorMessage(error) };
    }
  }

  function stopRun(): void {
    clearTimeout(rerunTimer);
    runCount += 1;
    running.value?.cancel();
    running.value = null;
  }

  /** Runs the engine on the scope; pins come from the preview, or the team's own groups at first. */
  function run(fresh: boolean): void {
    const c = connection;
    if (!c || jobs.job.value) return;
    stopRun();
    const id = runCount;
    const target = scope.value;
    const notes = c.notes(target);
    message.value = null;
    if (notes.length === 0) {
      preview.value = null;
      return;
    }
    const pinned =
      !fresh && preview.value
        ? preview.value.pinned
        : keepTeamGroups.value
          ? c.handMadePins(target)
          : {};
    const handle = c.group(target, {
      granularity: granularityStep.value / GRANULARITY_STEPS,
      k: exactK.value,
      pinned,
      mode: mode.value,
      onProgress: (fraction, phase) => {
        if (runCount === id && running.value)
          running.value = { ...running.value, fraction, phase: phase ?? running.value.phase };
      },
    });
    running.value = {
      fraction: 0,
      phase: mode.value === 'meaning' ? 'model' : null,
      inWorker: handle.inWorker,
      cancel: handle.cancel,
    };
    handle.result.then(
      (result) => {
        if (runCount !== id) return;
        running.value = null;
        texts.value = new Map(notes.map((n) => [n.id, n.text]));
        preview.value = result;
        previewScope.value = target;
        const notice = handle.notice?.() ?? null;
        if (notice)
          message.value = { tone: 'warning', title: 'Grouped by shared words', body: notice };
      },
      (error: unknown) => {
        if (runCount !== id) return;
        running.value = null;
        message.value =
          error instanceof Error && error.name === 'ClusterCancelledError'
            ? { tone: 'info', title: 'Grouping stopped.' }
            : { tone: 'error', title: 'Grouping failed', body: errorMessage(error) };
      },
    );
  }

  /** Re-runs shortly after the last change of the controls, when a preview is showing. */
  function scheduleRerun(): void {
    if (!preview.value) return;
    clearTimeout(rerunTimer);
    rerunTimer = setTimeout(() => run(false), RERUN_DELAY_MS);
  }

  async function runJob(
    label: string,
    work: (c: GroupConnection, hooks: JobHooks) => Promise<TabMessage>,
  ): Promise<TabMessage | null> {
    const c = connection;
    if (!c || busy.value || jobs.job.value) return null;
    message.value = null;
    let outcome: TabMessage | null = null;
    try {
      outcome = (await jobs.run(label, (hooks) => work(c, hooks))) ?? null;
      message.value = outcome;
    } catch (error) {
      message.value = { tone: 'error', title: `${label} failed`, body: errorMessage(error) };
    } finally {
      await refreshUndo();
    }
    return outcome;
  }

  const edit = (change: (p: GroupingPreview) => GroupingPreview) => {
    if (preview.value) preview.value = change(preview.value);
  };

  return {
    snapshot,
    maps,
    selectedNotes,
    scope,
    scopeNotes,
    granularityStep,
    exactK,
    mode,
    keepTeamGroups,
    preview,
    previewScope,
    texts,
    running,
    job: jobs.job,
    busy,
    message,
    undo,
    colorGroups,
    labelGroups,
    open(): () => void {
      const opened = useCases.open(workshop);
      connection = opened;
      const unsubscribe = opened.subscribe((next) => {
        snapshot.value = next;
      });
      void refreshUndo();
      return () => {
        stopRun();
        unsubscribe();
        opened.close();
        if (connection === opened) connection = null;
      };
    },
    chooseScope(value: string) {
      stopRun();
      scopeChoice.value = value;
      preview.value = null;
      message.value = null;
    },
    setGranularity(step: number) {
      granularityStep.value = Math.max(-GRANULARITY_STEPS, Math.min(GRANULARITY_STEPS, step));
      scheduleRerun();
    },
    setExactK(k: number | null) {
      exactK.value = k === null || !Number.isFinite(k) ? null : Math.max(1, Math.round(k));
      scheduleRerun();
    },
    setMode(next: GroupMode) {
      if (mode.value === next) return;
      mode.value = next;
      scheduleRerun();
    },
    setKeepTeamGroups(on: boolean) {
      keepTeamGroups.value = on;
    },
    group: () => run(true),
    cancelRun: stopRun,
    rename: (groupId: string, label: string) => edit((p) => renameGroup(p, groupId, label)),
    merge: (intoId: string, fromId: string) => edit((p) => mergeGroups(p, intoId, fromId)),
    moveNote: (noteId: string, groupId: string) => edit((p) => moveNote(p, noteId, groupId)),
    dissolve: (groupId: string) => edit((p) => dissolveGroup(p, groupId)),
    pin: (groupId: string) => edit((p) => pinGroup(p, groupId)),
    unpin: (groupId: string) => edit((p) => unpinGroup(p, groupId)),
    async split(groupId: string) {
      const current = preview.value;
      if (!connection || !current || busy.value) return;
      busy.value = true;
      try {
        const next = await connection.split(current, groupId);
        // Edits made meanwhile win over a split of an older preview.
        if (preview.value === current) preview.value = next;
        if (next === current)
          message.value = { tone: 'info', title: 'This group cannot be split further.' };
      } catch (error) {
        message.value = { tone: 'error', title: 'Splitting failed', body: errorMessage(error) };
      } finally {
        busy.value = false;
      }
    },
    discard() {
      preview.value = null;
      message.value = null;
    },
    async apply() {
      const current = preview.value;
      const target = previewScope.value;
      if (!current || !target) return;
      const settings = { color: colorGroups.value, labels: labelGroups.value };
      const outcome = await runJob('Applying groups', (c, hooks) =>
        c.apply(target, current, settings, hooks),
      );
      if (outcome?.tone === 'success') preview.value = null;
    },
    resume: () => runJob('Finishing the grouping', (c, hooks) => c.resume(hooks)),
    undoGrouping: () => runJob('Undoing the grouping', (c, hooks) => c.undo(hooks)),
    cancelJob: jobs.cancel,
  };
}

export type GroupTabModel = ReturnType<typeof createGroupTabModel>;
