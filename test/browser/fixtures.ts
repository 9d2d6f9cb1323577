import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIRO_SDK_URL } from '../../src/entries/miro-global';

/** Screenshots a person can look at, kept as test artifacts in test-results/screens/. */
export const SCREENS_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
mkdirSync(SCREENS_DIR, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
}

/** What `serveMiroSdk` registered per page, for the narrow interception below. */
const miroSdkScripts = new WeakMap<Page, string>();

/**
 * With `test.use({ closeMiroNarrowly: true })`: the page gets `body` as Miro's SDK script; every
 * other request to miro.com still fails.
 */
export function serveMiroSdk(page: Page, body: string): void {
  miroSdkScripts.set(page, body);
}

/**
 * Closes miro.com through Chromium's Fetch domain with a URL pattern, so only requests to
 * miro.com stop. `page.route` pauses every request of the page until the test runner answers
 * it: the built app's own files too, which in the panel-load spec made its scripts start about
 * 100 ms later (median of 10) than they do without it. A spec that times the page load uses this.
 */
export async function closeMiroByFetch(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Fetch.requestPaused', (event) => {
    const body = event.request.url === MIRO_SDK_URL ? miroSdkScripts.get(page) : undefined;
    const answer =
      body === undefined
        ? cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Aborted' })
        : cdp.send('Fetch.fulfillRequest', {
            requestId: event.requestId,
            responseCode: 200,
            responseHeaders: [{ name: 'Content-Type', value: 'text/javascript' }],
            body: Buffer.from(body).toString('base64'),
          });
    // The page may be gone by the time it is answered (the test ended).
    answer.catch(() => undefined);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://miro.com/*' }] });
}

export const test = base.extend<{ page: Page; closeMiroNarrowly: boolean }>({
  closeMiroNarrowly: [false, { option: true }],
  page: async ({ page, closeMiroNarrowly }, use) => {
    // Only a page framed by Miro (and app.html) asks for Miro's SDK script; the network is closed.
    if (closeMiroNarrowly) await closeMiroByFetch(page);
    else await page.route('https://miro.com/**', (route) => route.abort());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/**
 * Opens the playground on a fresh demo board (IndexedDB and localStorage start empty in each
 * test's context), and puts away the first-run guide a first visit shows (`first-run.spec.ts`
 * looks at the guide itself).
 */
export async function openPlayground(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Touchpoint', exact: true })).toBeVisible();
  await expect(page.locator('[data-testid="note"]').first()).toBeVisible();
  await page
    .getByTestId('first-run-guide')
    .getByRole('button', { name: 'Start exploring' })
    .click();
}

export const panel = (page: Page) => page.getByRole('complementary', { name: 'Touchpoint panel' });

type Side = ReturnType<typeof panel>;

/** Presses "Apply to board" in the Group tab; returns how many notes the panel says moved. */
export async function applyGrouping(side: Side): Promise<number> {
  await side.getByRole('button', { name: 'Apply to board' }).click();
  const done = side.getByText(/^Grouped \d+ notes? on the board\.$/);
  await expect(done).toBeVisible({ timeout: 30_000 });
  return Number(/\d+/.exec((await done.textContent()) ?? '')![0]);
}

/** Opens the Group tab on the demo map's "Pain points" lane (10 notes). */
export async function openPainPointsLane(page: Page): Promise<Side> {
  const side = panel(page);
  await side.getByRole('tab', { name: 'Group' }).click();
  const scope = side.getByLabel('Notes', { exact: true });
  await expect(scope).toBeEnabled();
  await scope.selectOption({ label: 'Lane: Pain points' });
  await expect(side.locator('.tp-group-tab__count').first()).toHaveText('10 notes');
  return side;
}

/** How many notes the Group tab's preview shows, over all its groups (Unsorted included). */
export function previewNoteCount(side: Side): Promise<number> {
  return side
    .getByRole('listitem', { name: /^Group / })
    .locator('.tp-group-card__text')
    .count();
}
