/**
 * The fault matrix on MURAL in `npm test` (issue 10): every bulk use case through the MURAL
 * adapter and the local MURAL server, a fault in the REST client's requests at the first, middle
 * and last write and in the storage writes after (see fault-matrix.ts for what each case checks,
 * mural-matrix.ts for the platform). The use cases run side by side, each case on its own mural:
 * the run is bound by MURAL's 25 requests a second per user, not by the processor.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { failedCases, runMatrix } from './fault-matrix';
import { closeMuralMatrix, MURAL_PLATFORM } from './mural-matrix';
import { MURAL_MATRIX_USE_CASES } from './mural-matrix-use-cases';

afterAll(closeMuralMatrix);

describe.concurrent(
  'fault matrix on MURAL: each fault in a REST request, repaired from a fresh panel',
  () => {
    for (const useCase of MURAL_MATRIX_USE_CASES) {
      it(
        useCase.name,
        async () => {
          const results = await runMatrix(useCase, MURAL_PLATFORM, 16);
          expect(results.length).toBeGreaterThanOrEqual(12);
          expect(failedCases(results)).toEqual([]);
        },
        // Generous: MURAL's rate limit paces these, and npm test runs other files beside them.
        300_000,
      );
    }
  },
);
