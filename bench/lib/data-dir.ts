/**
 * Where the benches find their data sets (BANKING77, …): `--data-dir=<folder>`, else the
 * `TP_BENCH_DATA` environment variable, else `../shared/data` beside the repository.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');

export function benchDataDir(argv: readonly string[] = process.argv): string {
  const option = argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  if (option) return resolve(option);
  const env = process.env.TP_BENCH_DATA;
  if (env) return resolve(env);
  return resolve(REPO, '..', 'shared', 'data');
}

/** A data set's folder under the data folder, or a sentence saying it is missing and what to do. */
export function dataSet(
  name: string,
  files: readonly string[] = [],
): {
  dir: string;
  missing: string | null;
} {
  const dir = resolve(benchDataDir(), name);
  const absent = [dir, ...files.map((f) => resolve(dir, f))].filter((p) => !existsSync(p));
  return {
    dir,
    missing:
      absent.length === 0
        ? null
        : `Data set "${name}" not found (missing: ${absent.join(', ')}). Point the benches at the data folder with --data-dir=<folder> or TP_BENCH_DATA=<folder> (default: ../shared/data beside the repository).`,
  };
}
