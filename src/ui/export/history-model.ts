/** Export tab › "History in this browser": the map's snapshots, saving, downloading, deleting. */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { countOf } from '../../domain/common';
import type { HistoryUsage, LoadedSnapshot, SnapshotMeta } from '../../app/export/snapshots';
import type { Workshop } from '../../app/workshop';
import { toDownloads } from '../../domain/export/to-downloads';
import type { ActionRunner } from '../components/action-runner';
import type { DownloadsModel } from './downloads-model';
import type { ExportEnvironment, ExportUseCases } from './export-tab-model';

export type HistoryState =
  | { status: 'loading' }
  | { status: 'off'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: SnapshotMeta[] };

type HistoryUseCases = Pick<
  ExportUseCases,
  | 'historyProblem'
  | 'listSnapshots'
  | 'usage'
  | 'saveSnapshot'
  | 'getSnapshot'
  | 'deleteSnapshot'
  | 'deleteDamaged'
>;

export function createHistoryModel(
  workshop: Workshop,
  useCases: HistoryUseCases,
  env: ExportEnvironment,
  { run, message }: ActionRunner,
  map: {
    mapId: ReadonlySignal<string | null>;
    includeAuthors: DownloadsModel['includeAuthors'];
    /** A snapshot was deleted: views of it close. */
    onDeleted: (id: string) => void;
  },
) {
  const history = signal<HistoryState>({ status: 'loading' });
  const usage = signal<HistoryUsage | null>(null);
  /** The new snapshot's label. */
  const label = signal('');
  /** The snapshot whose "Delete?" is asked. */
  const confirmDelete = signal<string | null>(null);
  const historyProblem = useCases.historyProblem(workshop);
  const snapshots = computed(() => (history.value.status === 'ready' ? history.value.items : []));

  async function refreshHistory(): Promise<void> {
    if (historyProblem) {
      history.value = { status: 'off', message: historyProblem };
      return;
    }
    const id = map.mapId.value;
    if (id === null) {
      history.value = { status: 'ready', items: [] };
      return;
    }
    const [listed, used] = await Promise.all([
      useCases.listSnapshots(workshop, id),
      useCases.usage(workshop),
    ]);
    history.value = listed.ok
      ? { status: 'ready', items: listed.value }
      : { status: listed.kind === 'unavailable' ? 'off' : 'error', message: listed.message };
    usage.value = used.ok ? used.value : null;
  }

  /** One snapshot with its file; says so when it cannot be read. */
  async function snapshotFile(id: string): Promise<LoadedSnapshot | null> {
    const got = await useCases.getSnapshot(workshop, id);
    if (got.ok) return got.value;
    message.value = { tone: 'error', title: 'Could not open the snapshot', body: got.message };
    return null;
  }

  return {
    history,
    usage,
    label,
    confirmDelete,
    snapshots,
    refreshHistory,
    snapshotFile,

    async deleteDamaged(): Promise<void> {
      const done = await useCases.deleteDamaged(workshop);
      message.value = done.ok
        ? { tone: 'success', title: `${countOf(done.value, 'damaged record')} deleted.` }
        : { tone: 'error', title: 'Nothing was deleted', body: done.message };
      await refreshHistory();
    },
    saveSnapshot: () =>
      run('Save snapshot', async () => {
        const id = map.mapId.value;
        if (id === null) return;
        const saved = await useCases.saveSnapshot(
          workshop,
          id,
          label.value,
          map.includeAuthors.value,
        );
        if (saved.ok) {
          label.value = '';
          message.value = {
            tone: 'success',
            title: `Snapshot saved: ${countOf(saved.value.noteCount, 'note')}.`,
          };
        } else message.value = { tone: 'error', title: 'Snapshot not saved', body: saved.message };
        await refreshHistory();
      }),
    downloadSnapshot: (id: string) =>
      run('Download', async () => {
        const loaded = await snapshotFile(id);
        if (loaded) env.download(toDownloads(loaded.file).json);
      }),
    askDelete: (id: string | null) => {
      confirmDelete.value = id;
    },
    deleteSnapshot: (id: string) =>
      run('Delete', async () => {
        confirmDelete.value = null;
        const deleted = await useCases.deleteSnapshot(workshop, id);
        if (!deleted.ok)
          message.value = { tone: 'error', title: 'Snapshot not deleted', body: deleted.message };
        map.onDeleted(id);
        await refreshHistory();
      }),
  };
}

export type HistoryModel = ReturnType<typeof createHistoryModel>;
