/**
 * Map tab › the jobs: create, update or remove the map on the board, one at a time, with what
 * each ending changes (the draft saved, the confirmation asked) and its notice; the board's maps
 * are read again after each.
 */
import type { Signal } from '@preact/signals';
import type { BoardSession } from '../../app/workshop';
import { errorMessage } from '../../domain/common';
import type { TabMessage } from '../components/action-runner';
import { createBoardJobs, type JobHooks } from '../components/board-job';
import type { MapList } from './map-board';
import type { createMapDraftModel } from './map-draft-model';
import { jobMessage } from './map-messages';
import type { JobOutcome, MapUseCases, RemovalItem } from './map-tab-model';

/** What the jobs share with the rest of the tab. */
interface MapJobsTab {
  list: MapList;
  drafts: ReturnType<typeof createMapDraftModel>;
  message: Signal<TabMessage | null>;
  confirmation: Signal<RemovalItem[] | null>;
  /** Reads the board's maps again (after each job). */
  refresh: () => Promise<void>;
}

export function createMapJobs(workshop: BoardSession, useCases: MapUseCases, tab: MapJobsTab) {
  const { list, drafts, message } = tab;
  const { draft, dirty } = drafts;
  const jobs = createBoardJobs();

  async function run(label: string, work: (hooks: JobHooks) => Promise<JobOutcome>): Promise<void> {
    if (jobs.job.value) return;
    message.value = null;
    try {
      const outcome = await jobs.run(label, work);
      if (outcome) report(outcome, tab);
    } catch (error) {
      message.value = {
        tone: 'error',
        title: `${label} failed`,
        body: errorMessage(error),
        focus: true,
      };
    } finally {
      await tab.refresh();
    }
  }

  return {
    job: jobs.job,
    create: () => {
      const id = draft.value.id;
      return run('Creating the map', async (hooks) => {
        const outcome = await useCases.createMap(workshop, draft.value, hooks);
        // Even a partial map is on the board now: edit it from here on.
        if (outcome.status !== 'refused') {
          list.selectedId.value = id;
          dirty.value = false;
        }
        return outcome;
      });
    },
    update: (confirmRemove: string[] = []) =>
      run('Updating the map', (hooks) =>
        useCases.updateMap(workshop, draft.value, { ...hooks, confirmRemove }),
      ),
    remove: () => {
      const map = list.onBoard.value;
      if (!map) return Promise.resolve();
      return run('Removing the map', (hooks) => useCases.removeMap(workshop, map.spec.id, hooks));
    },
    cancel: jobs.cancel,
  };
}

/** What a job's ending changes: the draft saved, the confirmation asked; and its notice. */
function report(
  outcome: JobOutcome,
  { drafts, confirmation, message }: Pick<MapJobsTab, 'drafts' | 'confirmation' | 'message'>,
): void {
  if (outcome.status === 'done') {
    drafts.dirty.value = false;
    confirmation.value = null;
  }
  if (outcome.status === 'needs-confirmation') confirmation.value = outcome.items;
  message.value = jobMessage(outcome);
}
