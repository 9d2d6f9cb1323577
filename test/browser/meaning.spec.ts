import type { Page, Request } from '@playwright/test';
import {
  applyGrouping,
  expect,
  openPainPointsLane,
  openPlayground,
  previewNoteCount,
  screenshot,
  test,
} from './fixtures';

const MODEL = /\/models\/use-lite-en-0\.2\.0\//;

/** Every request the page and its workers make, to check where the model comes from. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.context().on('request', (request) => seen.push(request));
  return seen;
}

test('meaning mode: the model loads from the app’s own origin with progress, groups, applies and undoes; the next run uses the cache', async ({
  page,
  baseURL,
}) => {
  // Two model loads and two groupings: slow when other work shares the machine's two cores.
  test.setTimeout(150_000);
  const requests = recordRequests(page);
  // Slow the model files a little, so the loading progress can be seen and photographed.
  await page.route(MODEL, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await route.continue();
  });
  await openPlayground(page);
  // The panel's own JS loads no model and no TF.js: only the meaning worker does, on demand.
  expect(
    requests.filter((r) => MODEL.test(r.url()) || /tfjs|meaning\.worker/.test(r.url())),
  ).toEqual([]);
  await page.addStyleTag({ content: '.pg-panel { width: 320px !important; }' });
  const side = await openPainPointsLane(page);
  await side.getByRole('radio', { name: /^Meaning/ }).check();
  await side.getByRole('button', { name: 'Group notes' }).click();
  const loading = side.getByRole('progressbar', { name: /Loading the meaning model/ });
  await expect(loading).toBeVisible();
  await screenshot(page, 'meaning-01-loading-320px');
  await expect(side.getByRole('heading', { name: /^Preview/ })).toBeVisible({ timeout: 45_000 });
  await screenshot(page, 'meaning-02-preview-320px');

  const modelRequests = requests.filter((r) => MODEL.test(r.url()));
  expect(modelRequests.map((r) => r.url().split('/').pop()).sort()).toEqual(
    expect.arrayContaining(['model.json', 'vocab.json', 'group1-shard1of7', 'group1-shard7of7']),
  );
  const origin = new URL(baseURL!).origin;
  // Nothing leaves the app's origin (the Miro SDK script is blocked by the fixture).
  for (const r of requests)
    if (!r.url().startsWith('https://miro.com/'))
      expect(new URL(r.url()).origin, r.url()).toBe(origin);

  expect(await previewNoteCount(side)).toBe(10);
  const moved = await applyGrouping(side);
  await side.getByRole('button', { name: `Undo grouping (${moved} notes)` }).click();
  await expect(side.getByText(`Put ${moved} notes back where they were.`)).toBeVisible({
    timeout: 30_000,
  });

  // A new panel (reload): the model comes from Cache Storage, not over the network again.
  await page.reload();
  await expect(page.locator('[data-testid="note"]').first()).toBeVisible();
  const before = requests.length;
  const again = await openPainPointsLane(page);
  await again.getByRole('radio', { name: /^Meaning/ }).check();
  await again.getByRole('button', { name: 'Group notes' }).click();
  await expect(again.getByRole('heading', { name: /^Preview/ })).toBeVisible({ timeout: 45_000 });
  const later = requests.slice(before);
  expect(later.filter((r) => MODEL.test(r.url())).map((r) => r.url())).toEqual([]);
  expect(later.some((r) => /meaning\.worker/.test(r.url()))).toBe(true);
  await expect(again.getByText('Grouped by shared words')).toBeHidden();
});

test('meaning mode falls back to shared words, and says so, when the model file is missing', async ({
  page,
}) => {
  await page.route(/\/models\/use-lite-en-0\.2\.0\/model\.json/, (route) =>
    route.fulfill({ status: 404, body: 'Not found' }),
  );
  await openPlayground(page);
  const side = await openPainPointsLane(page);
  await side.getByRole('radio', { name: /^Meaning/ }).check();
  await side.getByRole('button', { name: 'Group notes' }).click();
  await expect(side.getByText('Grouped by shared words')).toBeVisible({ timeout: 30_000 });
  await expect(side.getByText(/could not load here \(model\.json: HTTP 404\)/)).toBeVisible();
  await expect(side.getByRole('heading', { name: /^Preview/ })).toBeVisible();
  await screenshot(page, 'meaning-03-fallback');
});

test('cancel while the model loads stops the run and leaves the tab usable', async ({ page }) => {
  await page.route(MODEL, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await openPlayground(page);
  const side = await openPainPointsLane(page);
  await side.getByRole('radio', { name: /^Meaning/ }).check();
  await side.getByRole('button', { name: 'Group notes' }).click();
  await expect(side.getByRole('progressbar', { name: /Loading the meaning model/ })).toBeVisible();
  await side.getByRole('button', { name: /Cancel|Stop/ }).click();
  await expect(side.getByRole('progressbar')).toBeHidden();
  await expect(side.getByRole('button', { name: 'Group notes' })).toBeEnabled();
  await expect(side.getByRole('heading', { name: /^Preview/ })).toBeHidden();
});
