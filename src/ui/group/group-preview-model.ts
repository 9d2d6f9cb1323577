/**
 * Group tab › the preview: the engine's controls, the run (`group-preview-run.ts`: run the engine
 * on the scope, again shortly after the controls change, follow its progress, stop it) and the
 * edits of what it proposes before it goes on the board (`group-preview-edits.ts`).
 */
import { signal } from '@preact/signals';
import { clampGranularityStep, exactGroupCount } from '../../domain/clustering/group-controls';
import type { GroupingPreview } from '../../domain/clustering/grouping-preview';
import type { GroupingScope } from '../../app/grouping/grouping-scope';
import { createPreviewEdits } from './group-preview-edits';
import { createPreviewRun, type PreviewState } from './group-preview-run';
import type { GroupMode, GroupTabContext } from './group-tab-model';

export { GRANULARITY_STEPS } from '../../domain/clustering/group-controls';

export function createGroupPreviewModel(tab: GroupTabContext) {
  const state: PreviewState = {
    granularityStep: signal(0),
    exactK: signal<number | null>(null),
    mode: signal<GroupMode>('lexical'),
    keepTeamGroups: signal(true),
    preview: signal<GroupingPreview | null>(null),
    previewScope: signal<GroupingScope | null>(null),
    texts: signal<ReadonlyMap<string, string>>(new Map()),
  };
  const { granularityStep, exactK, mode, keepTeamGroups } = state;
  const { running, run, stopRun, scheduleRerun } = createPreviewRun(tab, state);

  return {
    ...state,
    running,
    setGranularity(step: number) {
      granularityStep.value = clampGranularityStep(step);
      scheduleRerun();
    },
    setExactK(k: number | null) {
      exactK.value = exactGroupCount(k);
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
    ...createPreviewEdits(tab, state.preview),
  };
}

export type GroupPreviewModel = ReturnType<typeof createGroupPreviewModel>;
