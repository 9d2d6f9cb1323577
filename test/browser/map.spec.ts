import { expect, openPlayground, panel, screenshot, test } from './fixtures';

test('a facilitator creates, reloads, renames, updates and removes a journey map', async ({
  page,
}) => {
  await openPlayground(page);
  const notesBefore = await page.locator('[data-testid="note"]').count();
  expect(notesBefore).toBeGreaterThanOrEqual(60);
  await screenshot(page, 'map-01-playground');

  const side = panel(page);
  // The demo board already holds the workshop's map; start a second one beside it.
  await expect(side.getByText(/^On this board: Northstar Bank/)).toBeVisible();
  await side.getByLabel('Map on this board').selectOption({ label: '+ New map…' });
  await expect(side.getByLabel('Preset')).toHaveValue('classic');
  const framesBefore = await page.locator('[data-testid="frame"]').count();
  await side.getByRole('button', { name: 'Create on board' }).click();
  await expect(side.getByText(/created/i)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);
  await expect(page.locator('svg text', { hasText: 'Customer journey map' }).first()).toBeVisible();
  await screenshot(page, 'map-02-created');

  // The map is kept on the board (IndexedDB) and found again by a reopened panel.
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  // A reopened panel opens the board's first map; the new one is a pick away.
  await expect(side.getByText(/^On this board: Northstar Bank/)).toBeVisible({ timeout: 15_000 });
  await side.getByLabel('Map on this board').selectOption({ label: 'Customer journey map' });
  await expect(side.getByText('On this board: Customer journey map')).toBeVisible();
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);

  // A participant's note in the new map, tagged with its first stage. The demo map has a stage of
  // the same name, so this map's tag carries its own prefix (`Customer · Awareness`, issue 9);
  // renaming moves this map's notes to the new tag and leaves the demo's alone.
  await side.getByRole('button', { name: 'Show on board' }).click();
  await page.getByTestId('add-note').click();
  await page.getByTestId('note-editor').fill('Hears about the bank from a colleague');
  await page.getByTestId('note-editor').press('Control+Enter');
  // The new note is the selected one (its text is wrapped over several SVG lines).
  const selected = page.locator('[data-testid="note"][data-selected="true"]');
  await expect(selected).toHaveCount(1);
  const note = page.locator(
    `[data-testid="note"][data-id="${await selected.getAttribute('data-id')}"]`,
  );
  await page.getByTestId('selection-tags').click();
  await page.getByTestId('tag-toggle').filter({ hasText: 'Customer · Awareness' }).click();
  await page.keyboard.press('Escape');
  await expect(note.getByTestId('tag-chip')).toHaveText('Customer · Awareness');

  // Rename a stage and update in place: still one map, the header renamed, the note's tag too.
  await side.getByLabel('Stage 1 name').fill('Discovery');
  await side.getByRole('button', { name: 'Update on board' }).click();
  await expect(side.getByText(/updated/i)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);
  await expect(page.locator('svg text', { hasText: /^Discovery$/ }).first()).toBeVisible();
  await expect(note.getByTestId('tag-chip')).toHaveText('Stage · Discovery');
  // The demo map still has its Awareness stage and tag.
  await side.getByLabel('Map on this board').selectOption({ index: 0 });
  await expect(side.getByLabel('Stage 1 name')).toHaveValue('Awareness');
  await expect(
    page
      .getByTestId('tag-chip')
      .filter({ hasText: /^Stage · Awareness$/ })
      .first(),
  ).toBeVisible();
  await side.getByLabel('Map on this board').selectOption({ label: 'Customer journey map' });
  await screenshot(page, 'map-03-renamed');

  // Remove: what Touchpoint made goes, the participant's note stays. On Miro a frame takes its
  // children with it, so a frame holding someone's note is kept (and said so).
  const shapesBefore = await page.locator('[data-testid="shape"]').count();
  await side.getByRole('button', { name: 'Remove map from board…' }).click();
  await side.getByRole('button', { name: 'Remove map', exact: true }).click();
  await expect(
    side.getByText(/Map removed\. Its frame stays because it holds 1 other item/),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(side.getByLabel('Map on this board').locator('option')).toHaveText([
    /^Northstar Bank/,
    '+ New map…',
  ]);
  await expect(note).toBeVisible();
  await expect(note.getByTestId('tag-chip')).toHaveText('Stage · Discovery');
  expect(await page.locator('[data-testid="shape"]').count()).toBeLessThan(shapesBefore);
  await screenshot(page, 'map-04-removed');
});

test('bad input gets a clear message and nothing is written', async ({ page }) => {
  await openPlayground(page);
  const side = panel(page);
  const framesBefore = await page.locator('[data-testid="frame"]').count();
  await side.getByLabel('Map on this board').selectOption({ label: '+ New map…' });

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
