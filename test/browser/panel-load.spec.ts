import type { Browser, Page } from '@playwright/test';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { demoMapSpec, seedDemoWorkshop } from '../../src/app/demo/seed-demo-workshop';
import { createMiroBoard } from '../../src/board/miro/adapter';
import { createDemoBoardState, DEMO_MAP } from '../../src/board/playground/demo-board';
import { createLocalBoard } from '../../src/board/playground/sdk/local-board';
import { MAP_IDS_KEY } from '../../src/entries/map-ids-memory';
import { closeMiroByFetch, expect, screenshot, serveMiroSdk, test } from './fixtures';

/**
 * Issue 12 §1: how soon the Miro panel (`app.html`, the built app) is interactive — its first tab
 * rendered with the board's map list. Reports the time (performance marks, ms from navigation
 * start); it never asserts a duration, only that the panel got there. Miro's SDK script is
 * replaced by the local board (the SDK double) holding the demo workshop with its map.
 *
 * The harness keeps out of the timed page load: only miro.com is intercepted (`page.route` would
 * hold every request of the page for the test runner), and Playwright's trace, which copies the
 * DOM around each step, is off. Chromium's address-bar popup, which each fresh context's new
 * window loaded in a renderer of its own while the panel loaded, is switched off for every browser
 * test (`playwright.config.ts`).
 */
test.use({ closeMiroNarrowly: true, trace: 'off' });

/** Time each SDK call takes in the third opening. */
const SDK_LATENCY_MS = 100;
/** First openings (and controls) reported: one is one sample of a noisy machine. */
const FIRST_OPENINGS = 5;

/** When the mark `name` was made in `page` (ms from navigation), once it is. */
async function markedAt(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime,
    name,
  );
  return (await handle.jsonValue()) as number;
}

/** Runs `open` on a new page in a fresh context, closed after. */
async function inFreshContext<T>(
  browser: Browser,
  open: (page: Page) => Promise<T>,
  viewport = { width: 320, height: 800 },
): Promise<T> {
  const context = await browser.newContext({ viewport });
  try {
    return await open(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * The control: a blank page whose one module script marks when it ran, served over loopback by a
 * bare Node server. Opened like the panel's first opening, in a fresh context, it shows how long
 * this browser, on this machine, takes for nothing. Reported beside the panel's first openings:
 * the two vary from run to run on a busy machine by more than the panel's own part (a difference
 * of the two would mislead).
 */
async function serveBlankPage(): Promise<{ url: string; close: () => void }> {
  const files: Record<string, [string, string]> = {
    '/': [
      'text/html',
      '<!doctype html><title>blank</title><script type="module" src="/m.js"></script>',
    ],
    '/m.js': ['text/javascript', "performance.mark('tp:blank-module-ran');"],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain' });
    response.end(file?.[1] ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  };
}

/** One run of the control at `url`: when the blank page's module ran (ms from navigation). */
const blankPageFloor = (browser: Browser, url: string): Promise<number> =>
  inFreshContext(browser, async (page) => {
    await page.goto(url);
    return markedAt(page, 'tp:blank-module-ran');
  });

/**
 * Runs in the page before its scripts: the board state for the SDK double, and performance marks
 * when the panel first shows and when the Map tab shows the board's map list.
 */
function markPanel(boardState: unknown): void {
  (globalThis as { __TP_BOARD_STATE__?: unknown }).__TP_BOARD_STATE__ = boardState;
  const marks: [string, string][] = [
    ['tp:panel-shown', '.tp-panel'],
    ['tp:map-list', '#tp-map-picker option'],
  ];
  const page = globalThis as { __TP_SDK_STATS__?: () => unknown; __TP_CALLS_AT_LIST__?: unknown };
  const observer = new MutationObserver(() => {
    for (const [name, selector] of marks)
      if (performance.getEntriesByName(name).length === 0 && document.querySelector(selector)) {
        performance.mark(name);
        // The SDK calls the panel needed to get there.
        if (name === 'tp:map-list') page.__TP_CALLS_AT_LIST__ = page.__TP_SDK_STATS__?.();
      }
    if (marks.every(([name]) => performance.getEntriesByName(name).length > 0))
      observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** A first opening of the panel at `url` in a fresh context: when the map list showed (ms). */
const firstOpening = (browser: Browser, url: string, sdkScript: string, state: unknown) =>
  inFreshContext(browser, async (page) => {
    await closeMiroByFetch(page);
    serveMiroSdk(page, sdkScript);
    await page.addInitScript(markPanel, state);
    await page.goto(url);
    return markedAt(page, 'tp:map-list');
  });

/** "median M ms (A–B)" of `values`. */
function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(0)} ms (${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)})`;
}

test('the Miro panel opens on the Map tab with the map list; time to interactive is reported', async ({
  page,
  browser,
}) => {
  const blank = await serveBlankPage();
  const floor = await blankPageFloor(browser, blank.url);
  const local = createLocalBoard({ state: createDemoBoardState() });
  const sdk = local.connect(local.state().users[0]!);
  await seedDemoWorkshop(createMiroBoard(sdk));
  const state = JSON.parse(JSON.stringify(local.state())) as unknown;
  const bundled = await build({
    entryPoints: [join(import.meta.dirname, 'doubles', 'miro-global.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    minify: true,
  });
  const sdkScript = bundled.outputFiles[0]!.text;

  await page.setViewportSize({ width: 320, height: 800 });
  await page.addInitScript(markPanel, state);
  serveMiroSdk(page, sdkScript);

  await page.goto('/app.html');
  const picker = page.getByLabel('Map on this board');
  await expect(picker).toBeVisible();
  await expect(picker.locator('option').first()).toHaveText(DEMO_MAP.title);
  await screenshot(page, 'panel-load-01-map-tab-320');

  const times = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      sdkDoubleStart: at('tp:sdk-double-start'),
      sdkDoubleEnd: at('tp:sdk-double-end'),
      domContentLoaded: nav.domContentLoadedEventEnd,
      panelShown: at('tp:panel-shown'),
      mapListShown: at('tp:map-list'),
      calls: (globalThis as { __TP_CALLS_AT_LIST__?: { calls: number; callsByMethod: object } })
        .__TP_CALLS_AT_LIST__,
      stylesheets: performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.css'))
        .map((r) => new URL(r.name).pathname),
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => (r as PerformanceResourceTiming).encodedBodySize)
        .reduce((a, b) => a + b, 0),
    };
  });
  expect(times.mapListShown, 'the map list was marked').not.toBeNull();
  expect(times.calls, 'the SDK calls were counted').toBeDefined();
  // The loading indicator's rules come inline with the page: no request holds the scripts back.
  expect(times.stylesheets.filter((path) => path.includes('boot'))).toEqual([]);
  const report =
    `panel interactive (map list shown): ${times.mapListShown!.toFixed(0)} ms after navigation; ` +
    `the control, a blank page's one module script, ran ${floor.toFixed(0)} ms after navigation; ` +
    `panel first shown ${times.panelShown?.toFixed(0)} ms; DOMContentLoaded ${times.domContentLoaded.toFixed(0)} ms; ` +
    `SDK double ran ${times.sdkDoubleStart?.toFixed(0)}–${times.sdkDoubleEnd?.toFixed(0)} ms ` +
    `(${((times.sdkDoubleEnd ?? 0) - (times.sdkDoubleStart ?? 0)).toFixed(0)} ms of its own; Miro's own script in production; ` +
    `before it, the page loads), so the panel's own part took ${(times.mapListShown! - (times.sdkDoubleEnd ?? 0)).toFixed(0)} ms; ` +
    `JS fetched ${(times.scripts / 1024).toFixed(1)} kB (as sent: the preview server gzips); ` +
    `${times.calls?.calls} SDK calls before the list showed (${Object.entries(
      times.calls?.callsByMethod ?? {},
    )
      .map(([method, n]) => `${method} ${n}`)
      .join(', ')})`;
  console.log(report);
  test.info().annotations.push({ type: 'panel-interactive', description: report });

  // The panel remembers which maps it showed, to read them at once next time: ids, no content.
  expect(
    await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), MAP_IDS_KEY),
  ).toEqual([demoMapSpec().id]);

  // More first openings, each in a fresh context after its own control.
  const firsts = [times.mapListShown!];
  const controls = [floor];
  try {
    for (let i = 1; i < FIRST_OPENINGS; i += 1) {
      controls.push(await blankPageFloor(browser, blank.url));
      firsts.push(await firstOpening(browser, page.url(), sdkScript, state));
    }
  } finally {
    blank.close();
  }
  const samples =
    `panel first openings (${FIRST_OPENINGS}, each in a fresh context): map list ${spread(firsts)}; ` +
    `the control, a blank page's module, ${spread(controls)}`;
  console.log(samples);
  test.info().annotations.push({ type: 'panel-first-openings', description: samples });

  // Opened again in the same browser (a participant reopening the panel): the app's files may
  // come from the browser's cache. Reported beside the first opening, never instead of it.
  await page.reload();
  await expect(picker.locator('option').first()).toHaveText(DEMO_MAP.title);
  const again = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      mapListShown: performance.getEntriesByName('tp:map-list')[0]?.startTime ?? null,
      cached: performance
        .getEntriesByType('resource')
        .filter(
          (r) => r.name.endsWith('.js') && (r as PerformanceResourceTiming).transferSize === 0,
        ).length,
      domContentLoaded: nav.domContentLoadedEventEnd,
    };
  });
  expect(again.mapListShown, 'the map list was marked again').not.toBeNull();
  const reopened =
    `panel reopened (map list shown): ${again.mapListShown!.toFixed(0)} ms after navigation; ` +
    `DOMContentLoaded ${again.domContentLoaded.toFixed(0)} ms; ${again.cached} script files from the browser's cache`;
  console.log(reopened);
  test.info().annotations.push({ type: 'panel-reopened', description: reopened });

  // Opened with each SDK call taking SDK_LATENCY_MS, as Miro's do: a call is a message to the
  // board's page, and a storage read goes on to Miro's servers. Shows how many calls the panel
  // waits for one after another before the map list shows, which the double, answering at once,
  // hides. The panel opened on this board before, so it remembers the maps' ids (localStorage)
  // and reads their records beside the maps' index: about one call, where a first opening waits
  // for two.
  await page.addInitScript((ms) => {
    (globalThis as { __TP_SDK_LATENCY_MS__?: number }).__TP_SDK_LATENCY_MS__ = ms;
  }, SDK_LATENCY_MS);
  await page.reload();
  await expect(picker.locator('option').first()).toHaveText(DEMO_MAP.title, { timeout: 15_000 });
  const slow = await page.evaluate(() => ({
    mapListShown: performance.getEntriesByName('tp:map-list')[0]?.startTime ?? null,
    sdkDoubleEnd: performance.getEntriesByName('tp:sdk-double-end')[0]?.startTime ?? null,
  }));
  expect(slow.mapListShown, 'the map list was marked with latency').not.toBeNull();
  const waited = slow.mapListShown! - (slow.sdkDoubleEnd ?? 0);
  const withLatency =
    `panel with ${SDK_LATENCY_MS} ms per SDK call (map list shown): ${slow.mapListShown!.toFixed(0)} ms after navigation, ` +
    `${waited.toFixed(0)} ms after the SDK double ran: about ${Math.floor(waited / SDK_LATENCY_MS)} call(s) in sequence`;
  console.log(withLatency);
  test.info().annotations.push({ type: 'panel-latency', description: withLatency });

  // The other tabs load on first open and still work. At 320 px (Miro asks for 292–320), nothing
  // in each of them is wider than the panel: neither the page nor the open tab scrolls sideways.
  // Each tab with what shows once its content is in.
  const tabs: [string, RegExp][] = [
    ['Stages', /Tag by position/],
    ['Group', /Group notes/],
    ['Vote', /Start a round/],
    ['Insights', /Who has spoken/],
    ['Export', /Import a map/],
    ['Map', /Update on board/],
  ];
  for (const [tab, shown] of tabs) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel')).toContainText(shown, { timeout: 15_000 });
    if (tab === 'Export') {
      // With a snapshot in its history: the snapshot's line and its four actions fit too.
      await page.getByRole('button', { name: 'Save snapshot' }).click();
      await expect(page.getByRole('button', { name: /^Compare snapshot of / })).toBeVisible();
      await screenshot(page, 'panel-load-02-export-tab-320');
    }
    const sideways = await page.evaluate(() =>
      [document.documentElement, document.querySelector('[role="tabpanel"]')].map((el) =>
        el ? el.scrollWidth - el.clientWidth : null,
      ),
    );
    expect(sideways, `sideways scroll of the page and the ${tab} tab`).toEqual([0, 0]);
  }
});
