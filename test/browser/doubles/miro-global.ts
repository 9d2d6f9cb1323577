/**
 * Stands in for Miro's SDK script (`miro.js`) on `app.html` in browser tests: the local board
 * (board/playground, the Miro SDK double) restored from the state the test passes in
 * `window.__TP_BOARD_STATE__`, connected as its first user and exposed as the `miro` global, as
 * Miro's script does before the page's module runs. Bundled by the test with esbuild.
 */
import { parseBoardState } from '../../../src/board/playground/parse-board-state';
import { createLocalBoard } from '../../../src/board/playground/sdk/local-board';

performance.mark('tp:sdk-double-start');
const holder = globalThis as {
  __TP_BOARD_STATE__?: unknown;
  miro?: unknown;
  __TP_SDK_STATS__?: () => unknown;
  /** Simulated time each SDK call takes (ms); 0 unless the test sets it. */
  __TP_SDK_LATENCY_MS__?: number;
};
const parsed = parseBoardState(holder.__TP_BOARD_STATE__);
if (!parsed.ok) throw new Error(`The test's board state is unreadable: ${parsed.message}`);
// The first user from the parsed state: `local.state()` would copy the whole board to read it.
const user = parsed.state.users[0];
if (!user) throw new Error('The test board has no users.');
const local = createLocalBoard({
  state: parsed.state,
  latencyMs: holder.__TP_SDK_LATENCY_MS__ ?? 0,
});
holder.miro = local.connect(user);
// The calls the panel made so far, for the panel-load test's report.
holder.__TP_SDK_STATS__ = () => local.stats();
performance.mark('tp:sdk-double-end');
