/** Export tab › "Download": the map as JSON, CSV, Markdown or insight tables, and Copy JSON. */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Workshop } from '../../app/workshop';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { toDownloads, toJsonText } from '../../domain/export/to-downloads';
import type { ActionRunner } from '../components/action-runner';
import type { ExportEnvironment, ExportUseCases } from './export-tab-model';

export function createDownloadsModel(
  workshop: Workshop,
  useCases: Pick<ExportUseCases, 'buildFile' | 'saveIncludeAuthors'>,
  env: ExportEnvironment,
  { run, message }: ActionRunner,
  mapId: ReadonlySignal<string | null>,
) {
  const includeAuthors = signal(false);
  /** "Include notes outside the map": off by default, not remembered (issue 9 §2). */
  const includeLoose = signal(false);
  /** JSON the browser would not copy, shown for copying by hand. */
  const copyFallback = signal<string | null>(null);

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

  return {
    includeAuthors,
    includeLoose,
    copyFallback,
    currentFile,

    async setIncludeAuthors(value: boolean) {
      includeAuthors.value = value;
      try {
        await useCases.saveIncludeAuthors(workshop, value);
      } catch {
        // Remembering the choice is a convenience; the export still follows the checkbox.
      }
    },
    download: (kind: 'json' | 'csv' | 'markdown') =>
      run('Download', async () => {
        const file = await currentFile();
        if (file) env.download(toDownloads(file)[kind]);
      }),
    /** The insight tables (KPIs, ratings, RACI), one CSV each; says so when the map has none. */
    downloadTables: () =>
      run('Download', async () => {
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
      run('Copy', async () => {
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
  };
}

export type DownloadsModel = ReturnType<typeof createDownloadsModel>;
