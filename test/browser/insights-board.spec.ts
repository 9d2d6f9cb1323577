import { expect, openPlayground, panel, screenshot, test } from './fixtures';

/**
 * Issue 14 §2 and §4 on the board: KPI cards above the stages, updated in place by a new reading;
 * the RACI matrix edited and put on the board as a frame beside the map; both go with the map.
 */
test('KPI cards follow readings on the board; the RACI matrix is put on the board; both go with the map', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openPlayground(page);
  const side = panel(page);
  await side.getByRole('tab', { name: 'Insights' }).click();
  await expect(side.getByRole('heading', { name: 'KPIs' })).toBeVisible({ timeout: 15_000 });
  const firstStage =
    (await side.locator('.tp-insights__stage-head span').first().textContent()) ?? '';
  expect(firstStage).not.toBe('');

  // A KPI on the first stage with two readings.
  await side.getByRole('button', { name: 'Add a KPI' }).click();
  await side.getByLabel('Name').fill('Sign-up <b>rate</b>');
  await side.getByLabel('Baseline').fill('10');
  await side.getByLabel('Target').fill('30');
  await side.getByLabel('Unit').fill('%');
  await side.getByLabel('Stage', { exact: true }).selectOption({ label: firstStage });
  await side.getByRole('button', { name: 'Save KPI' }).click();
  await expect(side.getByText('KPI saved.')).toBeVisible();
  for (const [value, date] of [
    ['12', '2026-10-01'],
    ['22', '2026-11-01'],
  ]) {
    await side.getByLabel('Value').fill(value!);
    await side.getByLabel('Date').fill(date!);
    await side.getByRole('button', { name: 'Add reading' }).click();
    await expect(side.getByText('Reading added.')).toBeVisible();
  }

  const cards = page.locator('[data-testid="shape"]').filter({ hasText: /KPIs ·/ });
  await expect(cards).toHaveCount(0);
  await side.getByRole('button', { name: 'Show KPIs on the board' }).click();
  await expect(side.getByText('KPI cards on the board: 1 made.')).toBeVisible({ timeout: 30_000 });
  await expect(cards).toHaveCount(1);
  // Plain text on the board: the name's markup is shown, not interpreted.
  await expect(cards).toContainText(`KPIs · ${firstStage}`);
  await expect(cards).toContainText('Sign-up <b>rate</b>: 22% (target 30%) · on track');
  await page.getByTestId('zoom-fit').click();
  await screenshot(page, 'insights-board-01-kpi-card');
  // Above the map's first stage header, clear of it (and of the notes under it).
  const header = page
    .locator('[data-testid="shape"]')
    .filter({ hasText: new RegExp(`^${firstStage}$`) });
  const headerBox = await header.first().boundingBox();
  const cardBox = await cards.boundingBox();
  expect(cardBox!.y + cardBox!.height).toBeLessThan(headerBox!.y);
  expect(Math.abs(cardBox!.x - headerBox!.x)).toBeLessThan(2);

  // A new reading: the same card, updated in place.
  const cardId = await cards.getAttribute('data-id');
  await side.getByLabel('Value').fill('31');
  await side.getByLabel('Date').fill('2026-12-01');
  await side.getByRole('button', { name: 'Add reading' }).click();
  await expect(side.getByText('Saved; the KPI cards on the board are updated.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('31% (target 30%) · target met');
  expect(await cards.getAttribute('data-id')).toBe(cardId);

  // A participant may read the KPIs but not draw them: refused with the reason, nothing written.
  await page.getByTestId('user-select').selectOption('u-sam');
  await side.getByRole('tab', { name: 'Insights' }).click();
  await side.getByRole('button', { name: 'Show KPIs on the board' }).click();
  await expect(
    side.getByText(/Only this workshop’s facilitators .* can put KPI cards/),
  ).toBeVisible({
    timeout: 15_000,
  });
  // Titled with what it is, not "Not saved": nothing of theirs was being saved.
  await expect(side.getByRole('alert')).toContainText(/^Facilitators only/);
  await screenshot(page, 'insights-board-01a-participant-refused');
  await expect(cards).toHaveCount(1);
  // The participant's reading is saved; their panel may not redraw the cards…
  await side.getByLabel('Value').fill('35');
  await side.getByLabel('Date').fill('2026-12-02');
  await side.getByRole('button', { name: 'Add reading' }).click();
  await expect(side.getByText('Reading added.')).toBeVisible({ timeout: 15_000 });
  await expect(cards).toContainText('31% (target 30%)');
  // …the facilitator's open panel does, by itself, in place.
  await page.getByTestId('user-select').selectOption('u-alex');
  await side.getByRole('tab', { name: 'Insights' }).click();
  await expect(side.getByRole('heading', { name: 'KPIs' })).toBeVisible({ timeout: 15_000 });
  await expect(cards).toContainText('35% (target 30%) · target met', { timeout: 15_000 });
  await expect(side.getByText('KPI cards on the board: 1 updated.')).toBeVisible();
  expect(await cards.getAttribute('data-id')).toBe(cardId);

  // A KPI row under the stage headers: the card moves into it, under the first stage's header.
  await side.getByRole('button', { name: 'Add a KPI row under the stage headers' }).click();
  await expect(side.getByText(/^A KPI row was added under the stage headers/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('35% (target 30%) · target met');
  await page.getByTestId('zoom-fit').click();
  const headerNow = await header.first().boundingBox();
  const inRow = await cards.boundingBox();
  expect(inRow!.y).toBeGreaterThan(headerNow!.y + headerNow!.height);
  expect(inRow!.x).toBeGreaterThanOrEqual(headerNow!.x);
  expect(inRow!.x + inRow!.width).toBeLessThanOrEqual(headerNow!.x + headerNow!.width + 1);
  await expect(
    side.getByRole('button', { name: 'Add a KPI row under the stage headers' }),
  ).toHaveCount(0);
  await screenshot(page, 'insights-board-01b-kpi-row');

  // RACI for the first stage, then on the board.
  await side.getByLabel('Product', { exact: true }).selectOption('A');
  await expect(side.getByLabel('Product', { exact: true })).toHaveValue('A');
  await side.getByLabel('Sales', { exact: true }).selectOption('R');
  await expect(side.getByLabel('Sales', { exact: true })).toHaveValue('R');
  const framesBefore = await page.locator('[data-testid="frame"]').count();
  await side.getByRole('button', { name: 'Put RACI on the board' }).click();
  await expect(side.getByText(/^RACI frame on the board: \d+ made\.$/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);
  const raci = page.locator('svg text', { hasText: /^RACI · / });
  await expect(raci.first()).toBeVisible();
  await side.locator('#tp-raci-title').scrollIntoViewIfNeeded();
  await screenshot(page, 'insights-board-02-raci-panel');

  // Edited and put again: updated in place, still one RACI frame.
  await side.getByLabel('Support', { exact: true }).selectOption('C');
  await expect(side.getByLabel('Support', { exact: true })).toHaveValue('C');
  await side.getByRole('button', { name: 'Put RACI on the board' }).click();
  await expect(side.getByText(/^RACI frame on the board: .*updated/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('[data-testid="frame"]')).toHaveCount(framesBefore + 1);
  await page.getByTestId('zoom-fit').click();
  await screenshot(page, 'insights-board-03-board');
  // Close up: the card over the first stage and the RACI frame, readable.
  await page.addStyleTag({ content: '.pg-panel { width: 320px !important; }' });
  const raciBox = await page.locator('[data-testid="frame"]').last().boundingBox();
  await page.mouse.move(raciBox!.x + raciBox!.width / 2, raciBox!.y + raciBox!.height / 2);
  // A pinch (ctrl + wheel) around the RACI frame.
  await page.keyboard.down('Control');
  for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await screenshot(page, 'insights-board-03b-raci-close-320px');

  // "Remove map from board" takes the cards and the RACI frame with it.
  await side.getByRole('tab', { name: 'Map' }).click();
  await side.getByRole('button', { name: 'Remove map from board…' }).click();
  await side.getByRole('button', { name: 'Remove map', exact: true }).click();
  await expect(side.getByText(/Map removed/)).toBeVisible({ timeout: 60_000 });
  await expect(cards).toHaveCount(0);
  await expect(page.locator('svg text', { hasText: /^RACI · / })).toHaveCount(0);
  await page.getByTestId('zoom-fit').click();
  await screenshot(page, 'insights-board-04-removed');
});
