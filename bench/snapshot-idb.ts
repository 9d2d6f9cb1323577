/**
 * Snapshot write and read of a 2,000-note map in IndexedDB, in Chromium (issue 3 §6; target
 * < 50 ms each, median). Serves `test/bench/snapshot-idb.html` with Vite, opens it in Debian's
 * Chromium through playwright-core, and prints the page's figures. Never asserts.
 * Run alone with `npx tsx bench/snapshot-idb.ts` (CHROMIUM_PATH overrides /usr/bin/chromium).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function benchSnapshotIdb(
  options: { notes?: number; runs?: number } = {},
): Promise<Record<string, number>> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const query = new URLSearchParams({
      notes: String(options.notes ?? 2000),
      runs: String(options.runs ?? 15),
    });
    await page.goto(`http://127.0.0.1:${port}/test/bench/snapshot-idb.html?${query}`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 120_000 });
    const result = await page.evaluate(() => window.__bench);
    if (!result?.ok) throw new Error(`bench page failed: ${result?.error ?? 'no result'}`);
    const f = result.figures;
    console.log(
      `snapshot of ${f.notes} notes (${f.payloadKB} KB JSON), median of ${f.runs} runs in Chromium:` +
        `\n  write ${f.writeMedianMs} ms (max ${f.writeMaxMs}; target < 50)` +
        `\n  read  ${f.readMedianMs} ms (max ${f.readMaxMs}; target < 50)` +
        `\n  read + restore ${f.readAndRestoreMedianMs} ms`,
    );
    return f;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSnapshotIdb();
