/**
 * Group tab › the board: put the preview on the board (colours, labels), finish a grouping a
 * closed panel left halfway, undo the last one — each a board job with progress and a cancel —
 * and what undo can do now.
 */
import { signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import type { TabMessage } from '../components/action-runner';
import type { JobHooks } from '../components/board-job';
import type { GroupPreviewModel } from './group-preview-model';
import type { GroupConnection, GroupingUndoStatus, GroupTabContext } from './group-tab-model';

export function createGroupApplyModel(
  tab: GroupTabContext,
  { preview, previewScope }: Pick<GroupPreviewModel, 'preview' | 'previewScope'>,
) {
  const { message, busy, jobs } = tab;
  const undo = signal<GroupingUndoStatus | null>(null);
  const colorGroups = signal(true);
  const labelGroups = signal(true);

  async function refreshUndo(): Promise<void> {
    const c = tab.connection();
    if (!c) return;
    try {
      undo.value = await c.undoStatus();
    } catch (error) {
      undo.value = { available: false, reason: errorMessage(error) };
    }
  }

  async function runJob(
    label: string,
    work: (c: GroupConnection, hooks: JobHooks) => Promise<TabMessage>,
  ): Promise<TabMessage | null> {
    const c = tab.connection();
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

  return {
    job: jobs.job,
    undo,
    colorGroups,
    labelGroups,
    /** Reads what undo can do now (as the tab opens, and after each job). */
    refreshUndo,
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
