/** The Export tab's words: import progress and outcomes, sizes, times and the history budget. */
import { countOf } from '../../domain/common';
import type { ImportOutcome, ImportProgress } from '../../app/export/import-map';
import type { RestoredData } from '../../app/export/restore-workshop-data';
import type { HistoryUsage } from '../../app/export/snapshots';
import type { TabMessage } from '../components/action-runner';
import { noSnapshotNote } from '../failure-summary';

/** What the import is doing, as its progress bar says it. */
export const IMPORT_PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the file and the board',
  waiting: 'Waiting for another facilitator’s import of this map',
  snapshot: 'Saving a snapshot first',
  map: 'Creating the map',
  notes: 'Adding notes',
  saving: 'Remembering what was imported',
  done: 'Done',
};

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
export function importMessage(outcome: ImportOutcome): TabMessage {
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
        notes.push(noSnapshotNote(outcome.snapshot.message));
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
