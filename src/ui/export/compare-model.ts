/**
 * Export tab › History › "Compare with…" and "Review against now" (issue 14 §5): a snapshot
 * against another or against the board now, and the board now reviewed against a snapshot.
 */
import { signal } from '@preact/signals';
import { localIsoDate } from '../../domain/common';
import type { SnapshotMeta } from '../../app/export/snapshots';
import { compareMaps, type MapComparison } from '../../domain/export/compare-maps';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { exportBaseName, type Download } from '../../domain/export/to-downloads';
import { reviewMap, type MapReview } from '../../domain/review/review-map';
import { toReviewMarkdown } from '../../domain/review/review-markdown';
import type { ActionRunner } from '../components/action-runner';
import type { DownloadsModel } from './downloads-model';
import { formatTime } from './export-messages';
import type { ExportEnvironment } from './export-tab-model';
import type { HistoryModel } from './history-model';

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

const nameOf = (meta: SnapshotMeta) =>
  `${meta.kind === 'auto' ? 'Automatic' : 'Snapshot'} ${formatTime(meta.createdAt)}${meta.reason ? ` (${meta.reason})` : ''}`;

export function createCompareModel(
  env: ExportEnvironment,
  { run }: ActionRunner,
  { snapshotFile }: Pick<HistoryModel, 'snapshotFile'>,
  { currentFile }: Pick<DownloadsModel, 'currentFile'>,
  clock: () => Date,
) {
  /** The snapshot whose "Compare with…" picker is open. */
  const compareFrom = signal<string | null>(null);
  const compare = signal<CompareView | null>(null);
  const review = signal<ReviewView | null>(null);

  return {
    compareFrom,
    compare,
    review,

    /** Another map was chosen: its snapshots are other ones. */
    reset() {
      compare.value = null;
      review.value = null;
      compareFrom.value = null;
    },
    /** Snapshot `id` is gone: what showed it closes. */
    forget(id: string) {
      if (compare.value && compareFrom.value === id) compare.value = null;
      if (compareFrom.value === id) compareFrom.value = null;
      if (review.value?.snapshotId === id) review.value = null;
    },
    startCompare: (id: string | null) => {
      compareFrom.value = id;
      compare.value = null;
      review.value = null;
    },
    /** Compares the chosen snapshot with another one, or with the board now; older first. */
    compareWith: (otherId: string) =>
      run('Compare', async () => {
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
      run('Review', async () => {
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
  };
}
