/** An action as the v1 export writes it (domain/export): the same fields minus `createdAt`. */
import type { ExportAction } from '../export/journey-map';
import type { Action } from './action';

export function toExportAction(action: Action): ExportAction {
  return {
    id: action.id,
    title: action.title,
    ownerTeam: action.ownerTeam,
    dueDate: action.dueDate,
    impact: action.impact,
    feasibility: action.feasibility,
    status: action.status,
    sourceItemIds: [...action.sourceItemIds],
  };
}
