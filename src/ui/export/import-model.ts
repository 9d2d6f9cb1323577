/** Export tab › "Import a map": a picked or dropped file, its progress, and what came of it. */
import { signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';
import { LIMITS } from '../../domain/export/limits';
import type { Workshop } from '../../app/workshop';
import type { TabMessage } from '../components/action-runner';
import { createBoardJobs } from '../components/board-job';
import { formatBytes, importMessage } from './export-messages';
import type { ExportUseCases } from './export-tab-model';

/** Files beyond the export format's own limit are refused before being read into memory. */
const MAX_IMPORT_BYTES = LIMITS.maxFileBytes;

export function createImportModel(
  workshop: Workshop,
  useCases: Pick<ExportUseCases, 'importMap'>,
  /** Reads the board again once an import has ended (its maps and history changed). */
  afterImport: () => Promise<void>,
) {
  const jobs = createBoardJobs();
  const importResult = signal<TabMessage | null>(null);

  async function importText(text: string, fileName: string): Promise<void> {
    if (jobs.job.value) return;
    importResult.value = null;
    try {
      const outcome = await jobs.run(`Importing ${fileName}`, (hooks) =>
        useCases.importMap(workshop, text, hooks),
      );
      if (outcome) importResult.value = importMessage(outcome);
    } catch (error) {
      importResult.value = { tone: 'error', title: 'Import failed', body: errorMessage(error) };
    } finally {
      await afterImport();
    }
  }

  return {
    importJob: jobs.job,
    importResult,
    importText,
    cancelImport: jobs.cancel,
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
