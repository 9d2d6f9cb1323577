import { errorMessage } from '../../domain/common';
import { computed, signal } from '@preact/signals';
import type { BoardSession } from '../../app/workshop';
import {
  addLane,
  addStage,
  moveLane,
  moveStage,
  removeLane,
  removeStage,
  renameLane,
  renameStage,
  setPersona,
  setTitle,
} from '../../domain/journey/edit-spec';
import type { MapSpec } from '../../domain/journey/map-spec';
import {
  createIdFactory,
  createSpecFromPreset,
  findPreset,
  PRESETS,
} from '../../domain/journey/presets';
import { specLimitsOf, validateSpec, type SpecProblem } from '../../domain/journey/validate-spec';
import { createBoardJobs, type JobHooks } from '../components/board-job';
import type { FacilitatorUseCases } from './FacilitatorsSection';

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
  | { status: 'partial'; message: string }
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

export interface Message {
  tone: 'info' | 'error' | 'success' | 'warning';
  title: string;
  body?: string;
  /** The outcome of something the person just did: it takes focus as it appears. */
  focus?: boolean;
}

const newId = createIdFactory();
const classic = PRESETS[0]!;

export function createMapTabModel(workshop: BoardSession, useCases: MapUseCases) {
  const loading = signal(true);
  const maps = signal<MapOnBoard[]>([]);
  /** The map being edited; null while drafting a new one. */
  const selectedId = signal<string | null>(null);
  const onBoard = computed(() => maps.value.find((m) => m.spec.id === selectedId.value) ?? null);
  const draft = signal<MapSpec>(createSpecFromPreset(classic, newId));
  const tagTitles = signal<string[]>([]);
  const jobs = createBoardJobs();
  const message = signal<Message | null>(null);
  const confirmation = signal<RemovalItem[] | null>(null);
  const dirty = signal(false);

  // Stage tags the map already owns are reused or renamed, so they never count as new tags.
  const validation = computed(() => {
    const own = onBoard.value ? onBoard.value.spec.stages.map((s) => `Stage · ${s.name}`) : [];
    const existing = tagTitles.value.filter((t) => !own.includes(t));
    return validateSpec(draft.value, [...existing, ...own], specLimitsOf(workshop));
  });
  const problemsByField = computed(() => {
    const out: Record<string, string | undefined> = {};
    if (!validation.value.ok) for (const p of validation.value.problems) out[p.field] ??= p.message;
    return out;
  });

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
        if (selectedId.value === null) draft.value = createSpecFromPreset(classic, newId);
      }
    }
    const current = list.find((m) => m.spec.id === selectedId.value);
    if (current && !dirty.value) draft.value = current.spec;
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
      if (read === latest) {
        message.value = {
          tone: 'error',
          title: 'Could not read the board',
          body: errorMessage(error),
        };
      }
    } finally {
      if (read === latest) loading.value = false;
    }
  }
  async function readTagTitles(): Promise<void> {
    try {
      tagTitles.value = await useCases.listTagTitles(workshop);
    } catch (error) {
      message.value = {
        tone: 'error',
        title: 'Could not read the board',
        body: errorMessage(error),
      };
    }
  }

  const edit = (next: MapSpec) => {
    draft.value = next;
    dirty.value = true;
    message.value = null;
  };

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
    switch (outcome.status) {
      case 'done':
        dirty.value = false;
        confirmation.value = null;
        message.value = { tone: 'success', title: outcome.message, focus: true };
        return;
      case 'partial':
        message.value = {
          tone: 'warning',
          title: 'Part of the map was written',
          body: `${outcome.message} Press “Update on board” to finish it.`,
          focus: true,
        };
        return;
      case 'cancelled':
        message.value = { tone: 'info', title: outcome.message, focus: true };
        return;
      case 'needs-confirmation':
        confirmation.value = outcome.items;
        return;
      case 'refused':
        message.value = {
          tone: 'error',
          title: 'Nothing was changed on the board',
          body: outcome.problems.map((p) => p.message).join(' '),
          focus: true,
        };
        return;
    }
  }

  return {
    loading,
    onBoard,
    draft,
    job: jobs.job,
    message,
    confirmation,
    dirty,
    validation,
    problemsByField,
    presets: PRESETS,
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
      draft.value = map.spec;
      dirty.value = false;
      confirmation.value = null;
      message.value = null;
    },
    newMap() {
      selectedId.value = null;
      draft.value = createSpecFromPreset(classic, newId);
      dirty.value = true;
      confirmation.value = null;
      message.value = null;
    },
    choosePreset(id: string) {
      const preset = findPreset(id);
      if (preset) edit(createSpecFromPreset(preset, newId));
    },
    setTitle: (title: string) => edit(setTitle(draft.value, title)),
    setPersonaName: (name: string) =>
      edit(setPersona(draft.value, { name, summary: draft.value.persona?.summary ?? '' })),
    setPersonaSummary: (summary: string) =>
      edit(setPersona(draft.value, { name: draft.value.persona?.name ?? '', summary })),
    addStage: () =>
      edit(addStage(draft.value, { id: newId(), name: `Stage ${draft.value.stages.length + 1}` })),
    renameStage: (id: string, name: string) => edit(renameStage(draft.value, id, name)),
    moveStage: (id: string, to: number) => edit(moveStage(draft.value, id, to)),
    removeStage: (id: string) => edit(removeStage(draft.value, id)),
    addLane: () =>
      edit(
        addLane(draft.value, {
          id: newId(),
          name: `Lane ${draft.value.lanes.length + 1}`,
          kind: 'other',
        }),
      ),
    renameLane: (id: string, name: string) => edit(renameLane(draft.value, id, name)),
    moveLane: (id: string, to: number) => edit(moveLane(draft.value, id, to)),
    removeLane: (id: string) => edit(removeLane(draft.value, id)),
    discardChanges() {
      if (onBoard.value) draft.value = onBoard.value.spec;
      dirty.value = false;
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
