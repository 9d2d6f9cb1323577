import { countOf, errorMessage, localIsoDate } from '../../domain/common';
import { computed, signal } from '@preact/signals';
import type { BuildResult } from '../../app/export/build-journey-map';
import type { ImportOutcome } from '../../app/export/import-map';
import type { RestoredData } from '../../app/export/restore-workshop-data';
import type {
  HistoryUsage,
  LoadedSnapshot,
  SnapshotMeta,
  Stored,
} from '../../app/export/snapshots';
import {
  exportBaseName,
  toDownloads,
  toJsonText,
  type Download,
} from '../../domain/export/to-downloads';
import type { Workshop } from '../../app/workshop';
import { compareMaps, type MapComparison } from '../../domain/export/compare-maps';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { LIMITS } from '../../domain/export/limits';
import { reviewMap, type MapReview } from '../../domain/review/review-map';
import { toReviewMarkdown } from '../../domain/review/review-markdown';

export type { SnapshotMeta };

/** What the Export tab needs from app/export; injected so tests can use fakes. */
export interface ExportUseCases {
  /** The board's maps, oldest first. */
  loadMaps(workshop: Workshop): Promise<{ id: string; title: string }[]>;
  watchMaps(workshop: Workshop, fn: () => void): () => void;
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
    hooks: {
      onProgress: (done: number, total: number, label: string) => void;
      signal: AbortSignal;
    },
  ): Promise<ImportOutcome>;
}

/** How the tab hands files and text to the browser; the component gives the DOM versions. */
export interface ExportEnvironment {
  download(file: Download): void;
  /** Rejects when the browser refuses (no permission inside an iframe, insecure page). */
  copyText(text: string): Promise<void>;
}

export interface Message {
  tone: 'info' | 'error' | 'success' | 'warning';
  title: string;
  body?: string;
}

export interface ImportJob {
  label: string;
  done: number;
  total: number;
  controller: AbortController;
}

/** Files beyond the export format's own limit are refused before being read into memory. */
export const MAX_IMPORT_BYTES = LIMITS.maxFileBytes;

/** "Board now" in the compare picker. */
export const BOARD_NOW = '__board__';

export interface CompareView {
  before: string;
  after: string;
  comparison: MapComparison;
}

/** The board now reviewed against one snapshot (issue 14 §5), with its report ready to download. */
export interface ReviewView {
  snapshotId: string;
  snapshotName: string;
  review: MapReview;
  report: Download;
}

export type HistoryState =
  | { status: 'loading' }
  | { status: 'off'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: SnapshotMeta[] };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** "2.4 GB", "512 MB": the browser's round figures for the site's storage. */
function formatApprox(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  return gb >= 1 ? `${gb >= 10 ? Math.round(gb) : gb.toFixed(1)} GB` : formatBytes(bytes);
}

/**
 * "12 snapshots · 3.4 MB of 25 MB; automatic ones beyond 20 are pruned, oldest first. This browser
 * holds 14 MB for Touchpoint, of about 2.4 GB it allows".
 */
export function budgetLine(usage: HistoryUsage): string {
  const { budget, browser } = usage;
  const site = browser
    ? `. This browser holds ${formatBytes(browser.usageBytes)} for Touchpoint, of about ` +
      `${formatApprox(browser.quotaBytes)} it allows`
    : '';
  return (
    `${countOf(usage.count, 'snapshot')} · ${formatBytes(usage.bytes)} of ` +
    `${formatBytes(budget.maxAutoBytes)}; automatic ones beyond ${budget.maxAutoCount} are ` +
    `pruned, oldest first${site}`
  );
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "2 groups, 3 actions and 1 vote round restored", or '' when nothing was. */
function restoredWords(restored: RestoredData): string {
  const parts = [
    restored.groups > 0 ? countOf(restored.groups, 'group') : '',
    restored.actions > 0 ? countOf(restored.actions, 'action') : '',
    restored.rounds > 0 ? countOf(restored.rounds, 'vote round') : '',
    restored.ratings > 0 ? countOf(restored.ratings, 'rating') : '',
    restored.kpis > 0 ? countOf(restored.kpis, 'KPI') : '',
    restored.raci > 0 ? countOf(restored.raci, 'RACI entry', 'RACI entries') : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  const list =
    parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `${list} restored`;
}

/** What an import outcome tells the facilitator. */
export function importMessage(outcome: ImportOutcome): Message {
  switch (outcome.status) {
    case 'invalid':
      return { tone: 'error', title: 'Nothing was imported', body: outcome.message };
    case 'refused':
      return { tone: 'error', title: 'Nothing was imported', body: outcome.message };
    case 'stopped':
      return {
        tone: 'error',
        title: 'Import stopped before changing the board',
        body: outcome.message,
      };
    case 'interrupted':
      return { tone: 'warning', title: 'Import stopped part way', body: outcome.message };
    case 'already-imported': {
      const put = restoredWords(outcome.restored);
      return {
        tone: 'info',
        title: `Already imported: ${countOf(outcome.skipped, 'note')} skipped`,
        body: [
          `“${outcome.mapTitle}” and all its notes are on this board already${put ? `; put back ${put}` : ''}.`,
          ...outcome.restored.warnings,
        ].join(' '),
      };
    }
    case 'done':
    case 'incomplete': {
      const parts = [
        outcome.mapCreated ? `Map “${outcome.mapTitle}” created` : `Into “${outcome.mapTitle}”`,
        `${countOf(outcome.created, 'note')} added`,
      ];
      if (outcome.beside > 0) parts.push(`${outcome.beside} beside the map`);
      if (outcome.skipped > 0)
        parts.push(`already imported: ${countOf(outcome.skipped, 'note')} skipped`);
      const put = restoredWords(outcome.restored);
      if (put) parts.push(put);
      const notes = [...outcome.warnings, ...outcome.restored.warnings];
      if (outcome.snapshot.status === 'unavailable')
        notes.push(`No automatic snapshot: ${outcome.snapshot.message}`);
      if (outcome.status === 'done')
        return {
          tone: 'success',
          title: `${parts.join(', ')}.`,
          body: notes.join(' ') || undefined,
        };
      return {
        tone: 'warning',
        title: outcome.cancelled ? 'Import stopped part way' : 'Part of the import failed',
        body: `${parts.join(', ')}; ${countOf(outcome.failed, 'note')} not made. Import the same file again to finish. ${[...outcome.messages, ...notes].join(' ')}`.trim(),
      };
    }
  }
}

const describe = (error: unknown) => errorMessage(error);

export function createExportTabModel(
  workshop: Workshop,
  useCases: ExportUseCases,
  env: ExportEnvironment,
  clock: () => Date = () => new Date(),
) {
  const loading = signal(true);
  const maps = signal<{ id: string; title: string }[]>([]);
  const mapId = signal<string | null>(null);
  const includeAuthors = signal(false);
  /** "Include notes outside the map": off by default, not remembered (issue 9 §2). */
  const includeLoose = signal(false);
  const busy = signal<string | null>(null);
  const message = signal<Message | null>(null);
  /** JSON the browser would not copy, shown for copying by hand. */
  const copyFallback = signal<string | null>(null);
  const history = signal<HistoryState>({ status: 'loading' });
  const usage = signal<HistoryUsage | null>(null);
  const label = signal('');
  const confirmDelete = signal<string | null>(null);
  const compareFrom = signal<string | null>(null);
  const compare = signal<CompareView | null>(null);
  const review = signal<ReviewView | null>(null);
  const importJob = signal<ImportJob | null>(null);
  const importResult = signal<Message | null>(null);
  const historyProblem = useCases.historyProblem(workshop);

  const snapshots = computed(() => (history.value.status === 'ready' ? history.value.items : []));

  async function refreshHistory(): Promise<void> {
    if (historyProblem) {
      history.value = { status: 'off', message: historyProblem };
      return;
    }
    const id = mapId.value;
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

  async function refresh(): Promise<void> {
    try {
      const [list, authors] = await Promise.all([
        useCases.loadMaps(workshop),
        loading.value
          ? useCases.readIncludeAuthors(workshop)
          : Promise.resolve(includeAuthors.value),
      ]);
      maps.value = list;
      includeAuthors.value = authors;
      if (!list.some((m) => m.id === mapId.value)) mapId.value = list[0]?.id ?? null;
      await refreshHistory();
    } catch (error) {
      message.value = { tone: 'error', title: 'Could not read the board', body: describe(error) };
    } finally {
      loading.value = false;
    }
  }

  /** Runs one action at a time; errors become a message. */
  async function act(name: string, work: () => Promise<void>): Promise<void> {
    if (busy.value) return;
    busy.value = name;
    message.value = null;
    try {
      await work();
    } catch (error) {
      message.value = { tone: 'error', title: `${name} failed`, body: describe(error) };
    } finally {
      busy.value = null;
    }
  }

  /** `loose`: with notes of no map; a comparison with snapshots (which never hold them) says no. */
  async function currentFile(loose = includeLoose.value): Promise<JourneyMapFile | null> {
    const id = mapId.value;
    if (id === null) return null;
    const built = await useCases.buildFile(workshop, id, includeAuthors.value, loose);
    if (!built.ok) {
      message.value = { tone: 'error', title: built.message };
      return null;
    }
    if (built.warnings.length > 0)
      message.value = {
        tone: 'warning',
        title: 'Parts of the map were left out',
        body: built.warnings.join(' '),
      };
    return built.file;
  }

  async function snapshotFile(id: string): Promise<LoadedSnapshot | null> {
    const got = await useCases.getSnapshot(workshop, id);
    if (got.ok) return got.value;
    message.value = { tone: 'error', title: 'Could not open the snapshot', body: got.message };
    return null;
  }

  async function importText(text: string, fileName: string): Promise<void> {
    if (importJob.value) return;
    const controller = new AbortController();
    importJob.value = { label: `Importing ${fileName}`, done: 0, total: 0, controller };
    importResult.value = null;
    try {
      const outcome = await useCases.importMap(workshop, text, {
        signal: controller.signal,
        onProgress: (done, total, what) => {
          if (importJob.value) importJob.value = { ...importJob.value, label: what, done, total };
        },
      });
      importResult.value = importMessage(outcome);
    } catch (error) {
      importResult.value = { tone: 'error', title: 'Import failed', body: describe(error) };
    } finally {
      importJob.value = null;
      await refresh();
    }
  }

  async function deleteDamaged(): Promise<void> {
    const done = await useCases.deleteDamaged(workshop);
    message.value = done.ok
      ? { tone: 'success', title: `${countOf(done.value, 'damaged record')} deleted.` }
      : { tone: 'error', title: 'Nothing was deleted', body: done.message };
    await refreshHistory();
  }

  const nameOf = (meta: SnapshotMeta) =>
    `${meta.kind === 'auto' ? 'Automatic' : 'Snapshot'} ${formatTime(meta.createdAt)}${meta.reason ? ` (${meta.reason})` : ''}`;

  return {
    deleteDamaged,
    loading,
    maps,
    mapId,
    includeAuthors,
    includeLoose,
    busy,
    message,
    copyFallback,
    history,
    snapshots,
    usage,
    label,
    confirmDelete,
    compareFrom,
    compare,
    review,
    importJob,
    importResult,
    open() {
      void refresh();
      return useCases.watchMaps(workshop, () => void refresh());
    },
    selectMap(id: string) {
      mapId.value = id;
      compare.value = null;
      review.value = null;
      compareFrom.value = null;
      void refreshHistory();
    },
    async setIncludeAuthors(value: boolean) {
      includeAuthors.value = value;
      try {
        await useCases.saveIncludeAuthors(workshop, value);
      } catch {
        // Remembering the choice is a convenience; the export still follows the checkbox.
      }
    },
    download: (kind: 'json' | 'csv' | 'markdown') =>
      act('Download', async () => {
        const file = await currentFile();
        if (file) env.download(toDownloads(file)[kind]);
      }),
    /** The insight tables (KPIs, ratings, RACI), one CSV each; says so when the map has none. */
    downloadTables: () =>
      act('Download', async () => {
        const file = await currentFile();
        if (!file) return;
        const { tables } = toDownloads(file);
        if (tables.length === 0) {
          message.value = {
            tone: 'info',
            title: 'No insight tables yet',
            body: 'Ratings, KPIs and RACI from the Insights tab appear here once the map has some.',
          };
          return;
        }
        for (const table of tables) env.download(table);
      }),
    copyJson: () =>
      act('Copy', async () => {
        copyFallback.value = null;
        const file = await currentFile();
        if (!file) return;
        const text = toJsonText(file);
        try {
          await env.copyText(text);
          message.value ??= { tone: 'success', title: 'JSON copied to the clipboard.' };
        } catch {
          copyFallback.value = text;
          message.value = {
            tone: 'warning',
            title: 'The browser did not allow copying',
            body: 'Select the text below and copy it (Ctrl+C or ⌘C), or use Download JSON.',
          };
        }
      }),
    dismissCopyFallback: () => {
      copyFallback.value = null;
    },
    saveSnapshot: () =>
      act('Save snapshot', async () => {
        const id = mapId.value;
        if (id === null) return;
        const saved = await useCases.saveSnapshot(workshop, id, label.value, includeAuthors.value);
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
      act('Download', async () => {
        const loaded = await snapshotFile(id);
        if (loaded) env.download(toDownloads(loaded.file).json);
      }),
    askDelete: (id: string | null) => {
      confirmDelete.value = id;
    },
    deleteSnapshot: (id: string) =>
      act('Delete', async () => {
        confirmDelete.value = null;
        const deleted = await useCases.deleteSnapshot(workshop, id);
        if (!deleted.ok)
          message.value = { tone: 'error', title: 'Snapshot not deleted', body: deleted.message };
        if (compare.value && compareFrom.value === id) compare.value = null;
        if (compareFrom.value === id) compareFrom.value = null;
        if (review.value?.snapshotId === id) review.value = null;
        await refreshHistory();
      }),
    startCompare: (id: string | null) => {
      compareFrom.value = id;
      compare.value = null;
      review.value = null;
    },
    /** Compares the chosen snapshot with another one, or with the board now; older first. */
    compareWith: (otherId: string) =>
      act('Compare', async () => {
        const fromId = compareFrom.value;
        if (fromId === null) return;
        const from = await snapshotFile(fromId);
        if (!from) return;
        let other: { file: JourneyMapFile; at: number; name: string } | null = null;
        if (otherId === BOARD_NOW) {
          const file = await currentFile(false);
          if (file) other = { file, at: Date.now(), name: 'The board now' };
        } else {
          const loaded = await snapshotFile(otherId);
          if (loaded)
            other = { file: loaded.file, at: loaded.meta.createdAt, name: nameOf(loaded.meta) };
        }
        if (!other) return;
        const self = { file: from.file, at: from.meta.createdAt, name: nameOf(from.meta) };
        const [before, after] = self.at <= other.at ? [self, other] : [other, self];
        compare.value = {
          before: before.name,
          after: after.name,
          comparison: compareMaps(before.file, after.file),
        };
      }),
    /** Reviews the board now against a snapshot: what was done, measured and felt since. */
    startReview: (id: string) =>
      act('Review', async () => {
        compare.value = null;
        compareFrom.value = null;
        const then = await snapshotFile(id);
        if (!then) return;
        const now = await currentFile(false);
        if (!now) return;
        const snapshotName = nameOf(then.meta);
        const result = reviewMap(then.file, now, localIsoDate(clock()));
        const text = toReviewMarkdown(result, {
          mapTitle: now.map.title,
          boardName: now.source.boardName,
          snapshotName,
        });
        review.value = {
          snapshotId: id,
          snapshotName,
          review: result,
          report: {
            filename: `${exportBaseName(now).replace(/-\d{4}-\d{2}-\d{2}$/, '')}-review-${result.since}-to-${result.today}.md`,
            mimeType: 'text/markdown;charset=utf-8',
            text,
          },
        };
      }),
    downloadReview: () => {
      if (review.value) env.download(review.value.report);
    },
    closeReview: () => {
      review.value = null;
    },
    closeCompare: () => {
      compare.value = null;
      compareFrom.value = null;
    },
    importText,
    cancelImport: () => importJob.value?.controller.abort(),
    /** A file the facilitator picked or dropped; the import itself says what is wrong with it. */
    async importFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<void> {
      if (file.size > MAX_IMPORT_BYTES) {
        importResult.value = {
          tone: 'error',
          title: 'Nothing was imported',
          body: `“${file.name}” is ${formatBytes(file.size)}; a Touchpoint map file is at most ${formatBytes(MAX_IMPORT_BYTES)}.`,
        };
        return;
      }
      await importText(await file.text(), file.name);
    },
  };
}

export type ExportTabModel = ReturnType<typeof createExportTabModel>;
