/** The export hook for the Export tab: the stored actions in the v1 export shape. */
import type { ExportAction } from '../../domain/export/journey-map';
import { toExportAction } from '../../domain/actions/to-export-action';
import type { Workshop } from '../workshop';
import { loadActions } from './action-store';

export async function exportActions(workshop: Pick<Workshop, 'board'>): Promise<ExportAction[]> {
  return (await loadActions(workshop.board)).actions.map(toExportAction);
}
