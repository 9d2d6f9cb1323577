/**
 * Group tab › the preview's run: run the engine on the scope (again, shortly after the controls
 * change), follow its progress, stop it. A superseded run's result or progress is ignored.
 */
import { signal, type Signal } from '@preact/signals';
import { granularityOf } from '../../domain/clustering/group-controls';
import type { GroupingPreview } from '../../domain/clustering/grouping-preview';
import type { GroupingScope } from '../../app/grouping/grouping-scope';
import type { TabMessage } from '../components/action-runner';
import { groupingFailedMessage, sharedWordsMessage } from './group-messages';
import type {
  GroupConnection,
  GroupingRun,
  GroupMode,
  GroupRunHandle,
  GroupTabContext,
} from './group-tab-model';

const RERUN_DELAY_MS = 300;

/** The preview's controls and what the last run proposed. */
export interface PreviewState {
  granularityStep: Signal<number>;
  exactK: Signal<number | null>;
  mode: Signal<GroupMode>;
  keepTeamGroups: Signal<boolean>;
  preview: Signal<GroupingPreview | null>;
  /** Scope the preview was made for. */
  previewScope: Signal<GroupingScope | null>;
  texts: Signal<ReadonlyMap<string, string>>;
}

/** Pins come from the preview, or the team's own groups at first. */
function pinsFor(state: PreviewState, c: GroupConnection, target: GroupingScope, fresh: boolean) {
  return !fresh && state.preview.value
    ? state.preview.value.pinned
    : state.keepTeamGroups.value
      ? c.handMadePins(target)
      : {};
}

/** A run's result becomes the preview of its scope; a fallback to shared words says so. */
function showPreview(
  state: PreviewState,
  message: Signal<TabMessage | null>,
  run: { result: GroupingPreview; notes: { id: string; text: string }[]; target: GroupingScope },
  handle: GroupRunHandle,
): void {
  state.texts.value = new Map(run.notes.map((n) => [n.id, n.text]));
  state.preview.value = run.result;
  state.previewScope.value = run.target;
  const notice = handle.notice?.() ?? null;
  if (notice) message.value = sharedWordsMessage(notice);
}

/** A run just started: no progress yet; meaning mode loads its model first. */
const startedRun = (mode: GroupMode, handle: GroupRunHandle): GroupingRun => ({
  fraction: 0,
  phase: mode === 'meaning' ? 'model' : null,
  inWorker: handle.inWorker,
  cancel: handle.cancel,
});

export function createPreviewRun(tab: GroupTabContext, state: PreviewState) {
  const { message, jobs } = tab;
  const { preview, mode } = state;
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

  /** Runs the engine on the scope. */
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
    const pinned = pinsFor(state, c, target, fresh);
    const handle = c.group(target, {
      granularity: granularityOf(state.granularityStep.value),
      k: state.exactK.value,
      pinned,
      mode: mode.value,
      onProgress: (fraction, phase) => {
        if (runCount === id && running.value)
          running.value = { ...running.value, fraction, phase: phase ?? running.value.phase };
      },
    });
    running.value = startedRun(mode.value, handle);
    handle.result.then(
      (result) => {
        if (runCount !== id) return;
        running.value = null;
        showPreview(state, message, { result, notes, target }, handle);
      },
      (error: unknown) => {
        if (runCount !== id) return;
        running.value = null;
        message.value = groupingFailedMessage(error);
      },
    );
  }

  /** Re-runs shortly after the last change of the controls, when a preview is showing. */
  function scheduleRerun(): void {
    if (!preview.value) return;
    clearTimeout(rerunTimer);
    rerunTimer = setTimeout(() => run(false), RERUN_DELAY_MS);
  }

  return { running, run, stopRun, scheduleRerun };
}
