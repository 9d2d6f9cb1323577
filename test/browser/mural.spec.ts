/**
 * `mural.html` against the local MURAL API double (test/mural-server): sign in through the
 * PKCE redirect (the double approves at once), pick workspace → room → mural, create the
 * classic map from the Map tab, and open the Export tab.
 */
import { startMuralServer, type MuralServer } from '../mural-server/server';
import { expect, panel, screenshot, test } from './fixtures';

let server: MuralServer;
test.beforeAll(async () => {
  server = await startMuralServer();
});
test.afterAll(() => server.close());

test('a facilitator connects to MURAL, picks a mural and creates a journey map on it', async ({
  page,
}) => {
  const muralId = server.createMural('Onboarding workshop');
  await page.goto('/mural.html');
  await expect(page.getByRole('heading', { name: 'Touchpoint for MURAL' })).toBeVisible();
  await page.getByLabel('Client id of your MURAL app').fill('touchpoint-test');
  await page.getByText('Advanced').click();
  await page.getByLabel('MURAL address').fill(server.origin);
  await screenshot(page, 'mural-01-connect');
  await page.getByRole('button', { name: 'Sign in with MURAL' }).click();

  // Back from the authorize redirect, signed in: the one workspace is chosen already.
  await expect(page.getByLabel('Workspace')).toHaveValue('touchpoint', { timeout: 15_000 });
  await expect(page).toHaveURL(/\/mural\.html$/);
  await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Customer journeys' });
  await page.getByLabel('Mural', { exact: true }).selectOption({ label: 'Onboarding workshop' });
  await page.getByRole('button', { name: 'Open mural' }).click();

  const side = panel(page);
  await expect(page.getByText('Onboarding workshop').first()).toBeVisible({ timeout: 15_000 });
  await expect(side.getByRole('button', { name: 'Create on board' })).toBeVisible({
    timeout: 15_000,
  });
  await side.getByRole('button', { name: 'Create on board' }).click();
  await expect(side.getByText(/created/i)).toBeVisible({ timeout: 60_000 });
  const widgets = server.widgets(muralId);
  expect(widgets.filter((w) => w.type === 'area').length).toBeGreaterThan(0);
  expect(widgets.some((w) => w.hidden && w.text.startsWith('touchpoint-state:v1 '))).toBe(true);
  // The embedded view shows the map (the double serves a drawing of the mural).
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.reload();
  await expect(side.getByText(/On this board/)).toBeVisible({ timeout: 20_000 });
  const embedded = page.frameLocator('iframe[title="The mural"]');
  await expect(embedded.getByText('Awareness').first()).toBeVisible();
  await screenshot(page, 'mural-02-map-created');

  await side.getByRole('tab', { name: 'Export' }).click();
  await expect(side.getByRole('button', { name: 'Download JSON' })).toBeVisible();
  await screenshot(page, 'mural-03-export');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with MURAL' })).toBeVisible();
});
