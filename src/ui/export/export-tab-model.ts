/**
 * The Export tab's model: its use cases (`ExportUseCases`) and one model made of small ones, each
 * for one concern: downloads (`downloads-model`), the history of snapshots (`history-model`),
 * compare and review (`compare-model`), and import (`import-model`). They share one action runner:
 * one action at a time, one message. This file reads the board's maps and follows them.
 */
import { signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import type { BuildResult } from '../../app/export/build-journey-map';
import type { ImportOutcome } from '../../app/export/import-map';
import type {
  HistoryUsage,
  LoadedSnapshot,
  SnapshotMeta,
  Stored,
} from '../../app/export/snapshots';
import type { Workshop } from '../../app/workshop';
import type { Download } from '../../domain/export/to-downloads';
import { createActionRunner } from '../components/action-runner';
import type { JobHooks } from '../components/board-job';
import type { TabModel } from '../components/tab-model';
import { createCompareModel } from './compare-model';
import { createDownloadsModel } from './downloads-model';
import { createHistoryModel } from './history-model';
import { createImportModel } from './import-model';

export type { SnapshotMeta };

/** What the Export tab needs from app/export; injected so tests can use fakes. */
export interface ExportUseCases {
  /** The board's maps, oldest first. */
  loadMaps(workshop: Workshop): Promise<{ id: string; title: string }[]>;
  /**
   * Calls `fn` with the board's maps now and on every change; `onError` when they could not be
   * read (then the tab reads them itself).
   */
  watchMaps(
    workshop: Workshop,
    fn: (maps: { id: string; title: string }[]) => void,
    onError: () => void,
  ): () => void;
  /** `includeLoose`: also the board's notes that belong to no map (off by default). */
  buildFile(
    workshop: Workshop,
    mapId: string,
    includeAuthors: boolean,
    includeLoose?: boolean,
  ): Promise<BuildResult>;
  /** The remembered "Include author names" choice (false when storage is off). */
  readIncludeAuthors(workshop: Workshop): Promise<boolean>;
  saveIncludeAuthors(workshop: Workshop, value: boolean): Promise<void>;
  /** Null when history works in this browser; else why it is off. */
  historyProblem(workshop: Workshop): string | null;
  listSnapshots(workshop: Workshop, mapId: string): Promise<Stored<SnapshotMeta[]>>;
  usage(workshop: Workshop): Promise<Stored<HistoryUsage>>;
  saveSnapshot(
    workshop: Workshop,
    mapId: string,
    label: string,
    includeAuthors: boolean,
  ): Promise<Stored<SnapshotMeta>>;
  getSnapshot(workshop: Workshop, id: string): Promise<Stored<LoadedSnapshot>>;
  deleteSnapshot(workshop: Workshop, id: string): Promise<Stored<boolean>>;
  /** Deletes history rows that are not readable snapshots; resolves to how many went. */
  deleteDamaged(workshop: Workshop): Promise<Stored<number>>;
  importMap(
    workshop: Workshop,
    text: string,
    /** Progress names the step (reading the file, writing the map, its notes). */
    hooks: JobHooks,
  ): Promise<ImportOutcome>;
}

/** How the tab hands files and text to the browser; the component gives the DOM versions. */
export interface ExportEnvironment {
  download(file: Download): void;
  /** Rejects when the browser refuses (no permission inside an iframe, insecure page). */
  copyText(text: string): Promise<void>;
}

export function createExportTabModel(
  workshop: Workshop,
  useCases: ExportUseCases,
  env: ExportEnvironment,
  clock: () => Date = () => new Date(),
) {
  /** 'loading' until the board's maps were first read (or could not be: the message says so). */
  const state = signal<{ status: 'loading' } | { status: 'ready' }>({ status: 'loading' });
  const maps = signal<{ id: string; title: string }[]>([]);
  const mapId = signal<string | null>(null);
  const runner = createActionRunner();
  const { message } = runner;

  const downloads = createDownloadsModel(workshop, useCases, env, runner, mapId);
  const history = createHistoryModel(workshop, useCases, env, runner, {
    mapId,
    includeAuthors: downloads.includeAuthors,
    onDeleted: (id) => compare.forget(id),
  });
  const compare = createCompareModel(env, runner, history, downloads, clock);
  const imports = createImportModel(workshop, useCases, refresh);

  /** Shows the board's maps: `watched` as the map watch delivered them, else read anew. */
  async function refresh(watched?: { id: string; title: string }[]): Promise<void> {
    const first = state.value.status === 'loading';
    try {
      const [list, authors] = await Promise.all([
        watched ?? useCases.loadMaps(workshop),
        first
          ? useCases.readIncludeAuthors(workshop)
          : Promise.resolve(downloads.includeAuthors.value),
      ]);
      maps.value = list;
      downloads.includeAuthors.value = authors;
      if (!list.some((m) => m.id === mapId.value)) mapId.value = list[0]?.id ?? null;
      await history.refreshHistory();
    } catch (error) {
      message.value = {
        tone: 'error',
        title: 'Could not read the board',
        body: errorMessage(error),
      };
    } finally {
      state.value = { status: 'ready' };
    }
  }

  const model = {
    state,
    maps,
    mapId,
    busy: runner.busy,
    message,
    ...downloads,
    ...history,
    ...compare,
    ...imports,
    /**
     * Follows the board's maps: the watch's first value opens the tab, with no read of its own
     * (on Miro the panel reads the maps from its start, so that value comes at once). Returns
     * what stops following.
     */
    open() {
      return useCases.watchMaps(
        workshop,
        (list) => void refresh(list),
        () => void refresh(),
      );
    },
    selectMap(id: string) {
      mapId.value = id;
      compare.reset();
      void history.refreshHistory();
    },
  };
  return model satisfies TabModel;
}

export type ExportTabModel = ReturnType<typeof createExportTabModel>;
