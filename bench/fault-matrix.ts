/**
 * The fault matrix (issue 10) as figures: every bulk use case in `test/app/matrix-use-cases.ts`
 * × each fault kind × its positions, repaired from a fresh panel, on the playground's board
 * (Miro adapter, faults in the SDK) and on the local MURAL server (MURAL adapter, faults in the
 * REST client's requests: `test/app/mural-matrix-use-cases.ts`). Prints, per platform, the cases
 * run and, over all of them, the items doubled or orphaned (on the board beyond the fault-free
 * result), items missing, inexact undos and runs that threw or told an untruth. Miro's figures
 * keep their names; MURAL's are the same names prefixed `mural`. Targets: all but `cases` 0.
 * Run alone with `npx tsx bench/fault-matrix.ts`.
 */
import { pathToFileURL } from 'node:url';
import {
  failedCases,
  runMatrix,
  type CaseResult,
  type MatrixPlatform,
  type MatrixUseCase,
} from '../test/app/fault-matrix';
import { MATRIX_USE_CASES } from '../test/app/matrix-use-cases';
import { closeMuralMatrix, MURAL_PLATFORM } from '../test/app/mural-matrix';
import { MURAL_MATRIX_USE_CASES } from '../test/app/mural-matrix-use-cases';

async function figuresOf(
  useCases: readonly MatrixUseCase[],
  platform: MatrixPlatform | undefined,
  label: string,
): Promise<Record<string, number>> {
  const all: CaseResult[] = [];
  const started = performance.now();
  // MURAL's cases wait on its rate limit, not the processor: run them side by side (as the test).
  const runs = platform
    ? await Promise.all(useCases.map((u) => runMatrix(u, platform, 16)))
    : await useCases.reduce<Promise<CaseResult[][]>>(
        async (done, u) => [...(await done), await runMatrix(u)],
        Promise.resolve([]),
      );
  useCases.forEach((useCase, i) => {
    const results = runs[i]!;
    all.push(...results);
    console.log(
      `${label}${useCase.name}: ${results.length} cases, ${failedCases(results).length} failing`,
    );
  });
  return {
    useCases: useCases.length,
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
}

export async function benchFaultMatrix(): Promise<Record<string, number>> {
  const miro = await figuresOf(MATRIX_USE_CASES, undefined, '');
  let mural: Record<string, number>;
  try {
    mural = await figuresOf(MURAL_MATRIX_USE_CASES, MURAL_PLATFORM, 'MURAL ');
  } finally {
    await closeMuralMatrix();
  }
  const figures = {
    ...miro,
    ...Object.fromEntries(
      Object.entries(mural).map(([k, v]) => [`mural${k[0]!.toUpperCase()}${k.slice(1)}`, v]),
    ),
  };
  console.log(figures);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchFaultMatrix();
