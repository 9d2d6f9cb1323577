import { expect, openPlayground, panel, screenshot, test } from './fixtures';

test('a facilitator creates, reloads, renames, updates and removes a journey map', async ({
  page,
}) => {
  await openPlayground(page);
  const notesBefore = await page.locator('[data-testid="note"]').count();
  expect(notesBefore).toBeGreaterThanOrEqual(60);
  await screenshot(page, 'map-01-playground');

  const side = panel(page);
  await expect(side.getByLabel('Preset')).toHaveValue('classic');
  const framesBefore = await page.locator('[data-testid="frame"]').count();
  await side.getByRole('button', { name: 'Create on board' }).click();
  await expect(side.getByText(/created/i)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);
  await expect(page.locator('svg text', { hasText: 'Customer journey map' }).first()).toBeVisible();
  await screenshot(page, 'map-02-created');

  // The map is kept on the board (IndexedDB) and found again by a reopened panel.
  await page.reload();
  await expect(side.getByText('On this board: Customer journey map')).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);

  // Rename a stage and update in place: still one map, the header and the tag renamed.
  await side.getByLabel('Stage 1 name').fill('Discovery');
  await side.getByRole('button', { name: 'Update on board' }).click();
  await expect(side.getByText(/updated/i)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);
  await expect(page.locator('svg text', { hasText: /^Discovery$/ }).first()).toBeVisible();
  await expect(
    page.locator('[data-testid="tag-chip"]', { hasText: 'Stage · Discovery' }).first(),
  ).toBeVisible();
  await expect(
    page.locator('[data-testid="tag-chip"]', { hasText: 'Stage · Awareness' }),
  ).toHaveCount(0);
  await screenshot(page, 'map-03-renamed');

  // Remove: what Touchpoint made goes, the notes stay.
  await side.getByRole('button', { name: 'Remove map from board…' }).click();
  await side.getByRole('button', { name: 'Remove map', exact: true }).click();
  await expect(side.getByRole('button', { name: 'Create on board' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore);
  await expect(page.locator('[data-testid="note"]')).toHaveCount(notesBefore);
  await screenshot(page, 'map-04-removed');
});

test('bad input gets a clear message and nothing is written', async ({ page }) => {
  await openPlayground(page);
  const side = panel(page);
  const framesBefore = await page.locator('[data-testid="frame"]').count();

  await side.getByLabel('Stage 1 name').fill('A'.repeat(130));
  await expect(side.getByText(/Stage 1 name is 130 characters long/)).toBeVisible();
  await expect(side.getByRole('button', { name: 'Create on board' })).toBeDisabled();

  await side.getByLabel('Stage 1 name').fill('Purchase');
  await expect(side.getByText(/Two stages are called "Purchase"/)).toBeVisible();
  await expect(side.getByRole('button', { name: 'Create on board' })).toBeDisabled();
  await screenshot(page, 'map-05-bad-input');

  while ((await side.getByRole('button', { name: /^Remove stage/ }).count()) > 0) {
    await side
      .getByRole('button', { name: /^Remove stage/ })
      .first()
      .click();
  }
  await expect(side.getByText('The map needs at least one stage.')).toBeVisible();
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore);
});
