/**
 * Group tab › the preview: run the grouping engine on the scope (again, shortly after the
 * controls change), follow its progress, stop it, and edit what it proposes before it goes on
 * the board.
 */
import { signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
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
import type { GroupingRun, GroupMode, GroupTabContext } from './group-tab-model';

/** Slider steps: −4 … +4 → granularity −1 … +1. */
export const GRANULARITY_STEPS = 4;
const RERUN_DELAY_MS = 300;

export function createGroupPreviewModel(tab: GroupTabContext) {
  const { message, busy, jobs } = tab;
  const granularityStep = signal(0);
  const exactK = signal<number | null>(null);
  const mode = signal<GroupMode>('lexical');
  const keepTeamGroups = signal(true);
  const preview = signal<GroupingPreview | null>(null);
  /** Scope the preview was made for. */
  const previewScope = signal<GroupingScope | null>(null);
  const texts = signal<ReadonlyMap<string, string>>(new Map());
  const running = signal<GroupingRun | null>(null);
  /** Counts runs, so a superseded run's result or progress is ignored. */
  let runCount = 0;
  let rerunTimer: ReturnType<typeof setTimeout> | undefined;

  function stopRun(): void {
    clearTimeout(rerunTimer);
    runCount += 1;
    running.value?.cancel();
    running.value = null;
  }

  /** Runs the engine on the scope; pins come from the preview, or the team's own groups at first. */
  function run(fresh: boolean): void {
    const c = tab.connection();
    if (!c || jobs.job.value) return;
    stopRun();
    const id = runCount;
    const target = tab.scope.value;
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

  const edit = (change: (p: GroupingPreview) => GroupingPreview) => {
    if (preview.value) preview.value = change(preview.value);
  };

  return {
    granularityStep,
    exactK,
    mode,
    keepTeamGroups,
    preview,
    previewScope,
    texts,
    running,
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
      const c = tab.connection();
      const current = preview.value;
      if (!c || !current || busy.value) return;
      busy.value = true;
      try {
        const next = await c.split(current, groupId);
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
  };
}

export type GroupPreviewModel = ReturnType<typeof createGroupPreviewModel>;
