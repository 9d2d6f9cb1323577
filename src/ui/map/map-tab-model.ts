import { signal } from '@preact/signals';
import type { BoardSession } from '../../app/workshop';
import type { MapSpec } from '../../domain/journey/map-spec';
import type { SpecProblem } from '../../domain/journey/validate-spec';
import type { TabMessage } from '../components/action-runner';
import type { JobHooks } from '../components/board-job';
import type { FacilitatorUseCases } from './FacilitatorsSection';
import { createMapList, followMaps } from './map-board';
import { createMapDraftModel } from './map-draft-model';
import { createMapJobs } from './map-jobs';

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

/** The Map tab: the board's maps (`map-board.ts`), the draft (`map-draft-model.ts`), the jobs (`map-jobs.ts`). */
export function createMapTabModel(workshop: BoardSession, useCases: MapUseCases) {
  const list = createMapList();
  const { maps, selectedId, onBoard } = list;
  const message = signal<TabMessage | null>(null);
  const confirmation = signal<RemovalItem[] | null>(null);
  const drafts = createMapDraftModel(workshop, {
    onBoard,
    tagTitles: list.tagTitles,
    onEdit: () => {
      message.value = null;
    },
  });
  const board = followMaps(workshop, useCases, { list, drafts, message });
  const jobs = createMapJobs(workshop, useCases, {
    list,
    drafts,
    message,
    confirmation,
    refresh: board.refresh,
  });

  return {
    loading: list.loading,
    onBoard,
    job: jobs.job,
    message,
    confirmation,
    ...drafts,
    open: board.open,
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
      else drafts.dirty.value = false;
      confirmation.value = null;
    },
    create: jobs.create,
    update: jobs.update,
    remove: jobs.remove,
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
