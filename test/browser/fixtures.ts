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
    // The page asks for Miro's SDK script; the playground never needs it, and the network is closed.
    await page.route('https://miro.com/**', (route) => route.abort());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Opens the playground on a fresh demo board (IndexedDB starts empty in each test's context). */
export async function openPlayground(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Touchpoint' })).toBeVisible();
  await expect(page.locator('[data-testid="note"]').first()).toBeVisible();
}

export const panel = (page: Page) => page.getByRole('complementary', { name: 'Touchpoint panel' });
