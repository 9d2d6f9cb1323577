import { errorMessage } from '../../domain/common';
import { computed, signal } from '@preact/signals';
import type { BoardSession } from '../../app/workshop';
import type { MapSpec } from '../../domain/journey/map-spec';
import type { SpecProblem } from '../../domain/journey/validate-spec';
import type { TabMessage } from '../components/action-runner';
import { createBoardJobs, type JobHooks } from '../components/board-job';
import type { FacilitatorUseCases } from './FacilitatorsSection';
import { createMapDraftModel } from './map-draft-model';
import { couldNotRead, jobMessage } from './map-messages';

/** What the Map tab needs from the map use cases (app/map); injected so tests can use fakes. */
export interface MapUseCases extends FacilitatorUseCases {
  /** Every Touchpoint map on the board, oldest first. */
  loadMaps(workshop: BoardSession): Promise<MapOnBoard[]>;
  /**
   * Calls `fn` with the board's maps (as `loadMaps` gives them) once read, then whenever any
   * participant adds, changes or removes a map.
   */
  watchMaps(
    workshop: BoardSession,
    fn: (maps: MapOnBoard[]) => void,
    onError: (error: unknown) => void,
  ): () => void;
  listTagTitles(workshop: BoardSession): Promise<string[]>;
  createMap(workshop: BoardSession, spec: MapSpec, progress: JobHooks): Promise<JobOutcome>;
  updateMap(
    workshop: BoardSession,
    spec: MapSpec,
    progress: JobHooks & { confirmRemove: string[] },
  ): Promise<JobOutcome>;
  removeMap(workshop: BoardSession, mapId: string, progress: JobHooks): Promise<JobOutcome>;
  zoomToMap(workshop: BoardSession, mapId: string): Promise<void>;
}

export interface MapOnBoard {
  spec: MapSpec;
  incomplete: boolean;
}

export type JobOutcome =
  | { status: 'done'; message: string }
  /** Written or removed in part: `title` says which, `message` what is left and what finishes it. */
  | { status: 'partial'; title: string; message: string }
  | { status: 'cancelled'; message: string }
  | { status: 'needs-confirmation'; items: RemovalItem[] }
  | { status: 'refused'; problems: SpecProblem[] };

/** A stage or lane the facilitator removed that still holds notes. */
export interface RemovalItem {
  id: string;
  kind: 'stage' | 'lane';
  name: string;
  notes: number;
}

export function createMapTabModel(workshop: BoardSession, useCases: MapUseCases) {
  const loading = signal(true);
  const maps = signal<MapOnBoard[]>([]);
  /** The map being edited; null while drafting a new one. */
  const selectedId = signal<string | null>(null);
  const onBoard = computed(() => maps.value.find((m) => m.spec.id === selectedId.value) ?? null);
  const tagTitles = signal<string[]>([]);
  const jobs = createBoardJobs();
  const message = signal<TabMessage | null>(null);
  const confirmation = signal<RemovalItem[] | null>(null);
  const drafts = createMapDraftModel(workshop, {
    onBoard,
    tagTitles,
    onEdit: () => {
      message.value = null;
    },
  });
  const { draft, dirty } = drafts;

  /** Shows `list` as the board's maps, following the selected map. */
  function show(list: MapOnBoard[]): void {
    maps.value = list;
    // Follow the selected map. When it is gone (or on first load), open the board's first map,
    // unless the facilitator is drafting a new one.
    if (!list.some((m) => m.spec.id === selectedId.value)) {
      const drafting = selectedId.value === null && dirty.value;
      if (!drafting) {
        selectedId.value = list[0]?.spec.id ?? null;
        dirty.value = false;
        if (selectedId.value === null) drafts.startNew(false);
      }
    }
    const current = list.find((m) => m.spec.id === selectedId.value);
    if (current && !dirty.value) drafts.showSpec(current.spec);
    loading.value = false;
  }

  // The list comes from the map watch (its first value as the tab opens, then every change by
  // any participant) and from a read after each job of this tab. Only the newest may apply: a
  // read that began before the watch reported a new map could otherwise undo its selection.
  let latest = 0;
  function fromWatch(list: MapOnBoard[]): void {
    latest += 1;
    show(list);
  }
  async function refresh(): Promise<void> {
    const read = ++latest;
    try {
      const [list, titles] = await Promise.all([
        useCases.loadMaps(workshop),
        useCases.listTagTitles(workshop),
      ]);
      tagTitles.value = titles;
      if (read === latest) show(list);
    } catch (error) {
      if (read === latest) message.value = couldNotRead(error);
    } finally {
      if (read === latest) loading.value = false;
    }
  }
  async function readTagTitles(): Promise<void> {
    try {
      tagTitles.value = await useCases.listTagTitles(workshop);
    } catch (error) {
      message.value = couldNotRead(error);
    }
  }

  async function run(label: string, work: (hooks: JobHooks) => Promise<JobOutcome>): Promise<void> {
    if (jobs.job.value) return;
    message.value = null;
    try {
      const outcome = await jobs.run(label, work);
      if (outcome) report(outcome);
    } catch (error) {
      message.value = {
        tone: 'error',
        title: `${label} failed`,
        body: errorMessage(error),
        focus: true,
      };
    } finally {
      await refresh();
    }
  }

  function report(outcome: JobOutcome): void {
    if (outcome.status === 'done') {
      dirty.value = false;
      confirmation.value = null;
    }
    if (outcome.status === 'needs-confirmation') confirmation.value = outcome.items;
    message.value = jobMessage(outcome);
  }

  return {
    loading,
    onBoard,
    job: jobs.job,
    message,
    confirmation,
    ...drafts,
    open() {
      void readTagTitles();
      // A first read the watch could not make is made again the ordinary way (with its message).
      return useCases.watchMaps(workshop, fromWatch, () => void refresh());
    },
    maps,
    selectedId,
    selectMap(id: string) {
      const map = maps.value.find((m) => m.spec.id === id);
      if (!map) return;
      selectedId.value = id;
      drafts.showSpec(map.spec);
      confirmation.value = null;
      message.value = null;
    },
    newMap() {
      selectedId.value = null;
      drafts.startNew(true);
      confirmation.value = null;
      message.value = null;
    },
    discardChanges() {
      if (onBoard.value) drafts.showSpec(onBoard.value.spec);
      else dirty.value = false;
      confirmation.value = null;
    },
    create: () => {
      const id = draft.value.id;
      return run('Creating the map', async (hooks) => {
        const outcome = await useCases.createMap(workshop, draft.value, hooks);
        // Even a partial map is on the board now: edit it from here on.
        if (outcome.status !== 'refused') {
          selectedId.value = id;
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
      const map = onBoard.value;
      if (!map) return Promise.resolve();
      return run('Removing the map', (hooks) => useCases.removeMap(workshop, map.spec.id, hooks));
    },
    zoom: () => {
      const map = onBoard.value;
      return map ? useCases.zoomToMap(workshop, map.spec.id) : Promise.resolve();
    },
    cancel: jobs.cancel,
    dismissConfirmation: () => {
      confirmation.value = null;
    },
  };
}

export type MapTabModel = ReturnType<typeof createMapTabModel>;
