import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Screenshots a person can look at, kept as test artifacts in test-results/screens/. */
export const SCREENS_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
mkdirSync(SCREENS_DIR, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
}

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    // Only a page framed by Miro (and app.html) asks for Miro's SDK script; the network is closed.
    await page.route('https://miro.com/**', (route) => route.abort());
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
