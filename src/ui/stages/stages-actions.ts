/**
 * Stages tab › actions on the chosen map: the short ones (tag the selection, settle a conflict,
 * select notes), one at a time with their message, and the long board jobs (tag by position and
 * its undo) with progress, cancel, and the undo read again after each.
 */
import { computed } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import { createActionRunner, type TabMessage } from '../components/action-runner';
import { createBoardJobs, type JobHooks } from '../components/board-job';
import type { StagesBoard } from './stages-board';
import type { ConflictChoice, StagesConnection } from './stages-tab-model';

/** Runs one short action or one job at a time on the open connection, with its message. */
export function createStagesRunner(board: StagesBoard, refreshUndo: () => Promise<void>) {
  const jobs = createBoardJobs();
  const runner = createActionRunner();
  const { message } = runner;
  /** A short action (tag selection, fix a conflict) is running. */
  const busy = computed(() => runner.busy.value !== null);

  async function act(what: string, work: (c: StagesConnection) => Promise<TabMessage | void>) {
    const c = board.connection();
    if (!c || jobs.job.value) return;
    await runner.run(what, async () => {
      const outcome = await work(c);
      if (outcome) message.value = outcome;
    });
  }

  async function runJob(
    label: string,
    work: (c: StagesConnection, hooks: JobHooks) => Promise<TabMessage>,
  ): Promise<void> {
    const c = board.connection();
    if (!c || busy.value || jobs.job.value) return;
    message.value = null;
    try {
      const outcome = await jobs.run(label, (hooks) => work(c, hooks));
      if (outcome) message.value = outcome;
    } catch (error) {
      message.value = { tone: 'error', title: `${label} failed`, body: errorMessage(error) };
    } finally {
      await refreshUndo();
    }
  }

  return { job: jobs.job, busy, message, act, runJob, cancel: jobs.cancel };
}

type StagesRunner = ReturnType<typeof createStagesRunner>;

/** The tab's actions on the map shown; nothing runs where there is none. */
export function stagesActions({ map }: StagesBoard, { act, runJob }: StagesRunner) {
  return {
    tagSelection(stageId: string) {
      const current = map.value;
      if (!current) return Promise.resolve();
      return act('Tagging', (c) => c.tagSelection(current.id, stageId));
    },
    fixConflict(noteId: string, choice: ConflictChoice) {
      const current = map.value;
      if (!current) return Promise.resolve();
      return act('Fixing the conflict', (c) => c.fixConflict(current.id, noteId, choice));
    },
    selectUntagged() {
      const ids = map.value?.untaggedIds ?? [];
      return act('Selecting', (c) => c.selectNotes(ids));
    },
    selectConflicts() {
      const ids = map.value?.conflicts.map((c) => c.noteId) ?? [];
      return act('Selecting', (c) => c.selectNotes(ids));
    },
    tagByPosition() {
      const current = map.value;
      if (!current) return Promise.resolve();
      return runJob('Tagging by position', (c, hooks) => c.tagByPosition(current.id, hooks));
    },
    undoTagByPosition() {
      const current = map.value;
      if (!current) return Promise.resolve();
      return runJob('Undoing tag by position', (c, hooks) =>
        c.undoTagByPosition(current.id, hooks),
      );
    },
  };
}
