/**
 * The fault matrix (issue 10) as figures: every bulk use case in `test/app/matrix-use-cases.ts`
 * × each fault kind × its positions, repaired from a fresh panel. Prints the cases run and, over
 * all of them, the items doubled or orphaned (on the board beyond the fault-free result), items
 * missing, inexact undos and runs that threw or told an untruth. Targets: all but `cases` 0.
 * Run alone with `npx tsx bench/fault-matrix.ts`.
 */
import { pathToFileURL } from 'node:url';
import { failedCases, runMatrix, type CaseResult } from '../test/app/fault-matrix';
import { MATRIX_USE_CASES } from '../test/app/matrix-use-cases';

export async function benchFaultMatrix(): Promise<Record<string, number>> {
  const all: CaseResult[] = [];
  const started = performance.now();
  for (const useCase of MATRIX_USE_CASES) {
    const results = await runMatrix(useCase);
    all.push(...results);
    console.log(`${useCase.name}: ${results.length} cases, ${failedCases(results).length} failing`);
  }
  const figures = {
    useCases: MATRIX_USE_CASES.length,
    cases: all.length,
    // An extra item is a double when its line also belongs to the fault-free result, else an orphan.
    duplicates: all.reduce((n, r) => n + r.extra.filter((l) => r.expectedLines.has(l)).length, 0),
    orphans: all.reduce((n, r) => n + r.extra.filter((l) => !r.expectedLines.has(l)).length, 0),
    missing: all.reduce((n, r) => n + r.missing.length, 0),
    inexactUndos: all.filter((r) => r.undoDiff.length > 0).length,
    untrueOrThrown: all.reduce((n, r) => n + r.problems.length, 0),
    failingCases: failedCases(all).length,
    wallMs: Math.round(performance.now() - started),
  };
  console.log(figures);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchFaultMatrix();
