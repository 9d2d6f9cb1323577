/**
 * `npm run bench`: every benchmark's figures; `npm run bench -- --json` prints them as one JSON
 * object. Figures, not assertions: targets are compared in the output and in the issue notes.
 */
import { benchBoardToMap } from './board-to-map';
import { benchBundle } from './bundle';
import { benchClusterSpeed } from './cluster-speed';
import { benchCurve } from './curve';
import { benchExportV2 } from './export-v2';
import { benchFaultMatrix } from './fault-matrix';
import { benchImport } from './import';
import { benchMapCreate } from './map-create';
import { benchMural } from './mural';
import { benchMuralPolling } from './mural-polling';
import { benchSnapshotIdb } from './snapshot-idb';
import { benchTag } from './tag';
import { benchTally } from './tally';

type Bench = () => Promise<Record<string, number>>;

const BENCHES: Record<string, Bench> = {
  mapCreate: benchMapCreate,
  curve: benchCurve,
  tag: benchTag,
  faultMatrix: benchFaultMatrix,
  boardToMap: benchBoardToMap,
  exportV2: benchExportV2,
  import: benchImport,
  tally: benchTally,
  snapshotIdb: benchSnapshotIdb,
  mural: benchMural,
  muralPolling: benchMuralPolling,
  clusterSpeed: benchClusterSpeed,
  bundle: benchBundle,
};

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const results: Record<string, Record<string, number>> = {};
  const print = console.log;
  // In --json mode the benches' own progress lines go to stderr, so stdout is one JSON object.
  if (json) console.log = (...args: unknown[]) => console.error(...args);
  try {
    for (const [name, bench] of Object.entries(BENCHES)) {
      if (only && !only.split(',').includes(name)) continue;
      console.log(`\n== ${name}`);
      results[name] = await bench();
    }
  } finally {
    console.log = print;
  }
  if (json) print(JSON.stringify(results, null, 2));
}

await main();
