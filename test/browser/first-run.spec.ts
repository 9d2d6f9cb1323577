import type { Page } from '@playwright/test';
import { expect, panel, screenshot, test } from './fixtures';

/**
 * Issue 9 §5, first-run and board polish, as a new facilitator meets them: the page's own loading
 * indicator, the first-run guide and the Keyboard button, a playground that asks no other site for
 * anything (and index.html that does load Miro's SDK when Miro frames it), and a double-click in a
 * map cell adding a note to the map.
 */

/** Every URL the page (and its frames, workers) asked for. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('a first visit: loading indicator, guide, keyboard help, and nothing from another site', async ({
  page,
  baseURL,
}) => {
  const urls = recordRequests(page);
  // Hold the entry script a moment, as a cold dev server does, to see what the page shows meanwhile.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  const boot = page.locator('#tp-boot');
  await expect(boot).toBeVisible();
  await expect(boot).toHaveText(/Starting Touchpoint…/);
  await expect(boot).toHaveAttribute('role', 'status');
  await screenshot(page, 'first-run-01-loading');
  release();

  const guide = page.getByRole('dialog', { name: 'Welcome to the Touchpoint playground' });
  await expect(guide).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="note"]').first()).toBeVisible();
  await expect(boot).toHaveCount(0);
  await expect(guide).toContainText('behaves like a Miro board');
  await expect(guide).toContainText('Double-click in a map cell');
  await screenshot(page, 'first-run-02-guide');

  // The board's keyboard help, on screen.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys).toBeVisible();
  await expect(keys).toContainText('Ctrl + A');
  await expect(keys).toContainText('select every note');
  await screenshot(page, 'first-run-03-keyboard-help');
  await page.keyboard.press('Escape');
  await expect(keys).toHaveCount(0);

  // Dismissed for good: a reload shows the board without it; the Guide button brings it back.
  await guide.getByRole('button', { name: 'Start exploring' }).click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.locator('[data-testid="note"]').first()).toBeVisible();
  await expect(panel(page).getByRole('tab', { name: 'Map' })).toBeVisible();
  await expect(guide).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the first-run guide' }).click();
  await expect(guide).toBeVisible();
  await expect(guide.getByRole('heading', { level: 2 })).toBeFocused();

  const origin = new URL(baseURL!).origin;
  const elsewhere = urls.filter(
    (url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin,
  );
  expect(elsewhere, 'requests to another origin').toEqual([]);
  expect(urls.length).toBeGreaterThan(3);
});

test('framed by Miro, index.html loads Miro’s SDK script', async ({ page }) => {
  const urls = recordRequests(page);
  // A stand-in for Miro's board page: it frames the app's headless entry.
  await page.route('**/framed-by-miro.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<iframe src="/" title="app"></iframe>' }),
  );
  await page.goto('/framed-by-miro.html');
  // The fixture aborts it (the network is closed); what matters is that the framed page asked.
  await expect
    .poll(() => urls.filter((u) => u === 'https://miro.com/app/static/sdk/v2/miro.js').length)
    .toBe(1);
});

test('double-click in a map cell adds a note to the map there', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start exploring' }).click();
  await expect(page.locator('[data-testid="note"]').first()).toBeVisible();
  const side = panel(page);
  await side.getByRole('tab', { name: 'Stages' }).click();
  const total = side.locator('.tp-stages__total').first();
  await expect(total).toHaveText(/^\d+ notes in the map$/);
  const before = Number(/\d+/.exec((await total.textContent()) ?? '')![0]);
  const notesBefore = await page.locator('[data-testid="note"]').count();

  // A spot in a map cell (a large shape inside the map's frame) where the cell is the topmost thing.
  const spot = await page.evaluate(() => {
    const frames = [...document.querySelectorAll('[data-testid="frame"]')].map((f) =>
      f.getBoundingClientRect(),
    );
    const within = (b: DOMRect) =>
      frames.some(
        (f) => b.left >= f.left && b.right <= f.right && b.top >= f.top && b.bottom <= f.bottom,
      );
    const shapes = [...document.querySelectorAll<SVGGraphicsElement>('[data-kind="shape"]')];
    for (const shape of shapes) {
      const box = shape.getBoundingClientRect();
      if (box.width < 60 || box.height < 50 || !within(box)) continue;
      for (let fy = 0.15; fy < 0.9; fy += 0.1) {
        for (let fx = 0.15; fx < 0.9; fx += 0.1) {
          const x = box.left + box.width * fx;
          const y = box.top + box.height * fy;
          const top = document.elementFromPoint(x, y)?.closest('[data-id]');
          if (top === shape) return { x, y };
        }
      }
    }
    return null;
  });
  expect(spot, 'an empty spot in a map cell').not.toBeNull();
  await page.mouse.dblclick(spot!.x, spot!.y);
  const editor = page.getByTestId('note-editor');
  await expect(editor).toBeVisible();
  await editor.fill('Added by double-click in a cell');
  await editor.press('Control+Enter');
  await expect(page.locator('[data-testid="note"]')).toHaveCount(notesBefore + 1);
  await screenshot(page, 'first-run-04-note-in-cell');
  await expect(total).toHaveText(`${before + 1} notes in the map`);
});
