import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not available here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// TP_TEST_PORT lets two runs (e.g. two developers' sessions on one machine) build and test side by side.
const port = Number(process.env.TP_TEST_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/browser',
  outputDir: process.env.TP_TEST_OUT ?? 'test-results/browser',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Chromium's headless mode is the full browser: each new window (a fresh context here)
        // loads the address bar's popup, a WebUI page of some 30 scripts in a renderer of its own,
        // while the test's page loads. On a 2-core machine that took about 100 ms from the panel's
        // first opening (panel-load.spec.ts). A person's browser loaded it when its window opened,
        // long before Miro opened our panel; tests never use the address bar.
        '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
