/**
 * The fault matrix in `npm test` (issue 10): see fault-matrix.ts for what each case checks.
 */
import { describe, expect, it } from 'vitest';
import { failedCases, runMatrix } from './fault-matrix';
import { MATRIX_USE_CASES } from './matrix-use-cases';

describe('fault matrix: every bulk use case survives each fault and repairs from a fresh panel', () => {
  for (const useCase of MATRIX_USE_CASES) {
    it(
      useCase.name,
      async () => {
        const results = await runMatrix(useCase);
        expect(results.length).toBeGreaterThanOrEqual(12);
        expect(failedCases(results)).toEqual([]);
      },
      60_000,
    );
  }
});
