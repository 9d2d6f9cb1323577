/**
 * The bulk use cases the fault matrix runs on MURAL (issue 10: "the MURAL equivalents"). The use
 * cases are the Miro matrix's (`matrix-use-cases.ts`): they talk to the Board port only, so on
 * MURAL they run unchanged through the MURAL adapter; what differs is where the faults sit (the
 * REST client's requests) and what the board keeps (widgets and the data area).
 */
import type { MatrixUseCase } from './fault-matrix';
import { MATRIX_USE_CASES } from './matrix-use-cases';

/**
 * Every Miro use case applies on MURAL (the emotion curve and the KPI row too): MURAL has tags on widgets (`Board.limits.tagTitle` 25,
 * which the classic map's stage tags fit), areas for frames, shapes and textboxes for the KPI
 * cards, the RACI frame, the action plan and the badges.
 */
const ON_MURAL = new Set([
  'create map',
  'update map',
  'remove map',
  'tag by position + undo',
  'import',
  'KPI cards',
  'KPI cards into the KPI row',
  'RACI frame',
  'RACI frame update',
  'RACI frame shrink',
  'remove map with KPI cards and RACI',
  'action plan on the board',
  'badges on board',
  'apply groups + resume + undo',
  'draw emotion curve',
  'update emotion curve',
]);

export const MURAL_MATRIX_USE_CASES: MatrixUseCase[] = MATRIX_USE_CASES.filter((u) =>
  ON_MURAL.has(u.name),
);
