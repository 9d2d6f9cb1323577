import type { Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test } from './fixtures';
import { actAs, rate } from './insights-steps';

/** Zooms the board ×4 around `at` for a screenshot, then back (ctrl+wheel: ×2 or ×½ a step). */
async function screenshotZoomed(page: Page, at: { x: number; y: number }, name: string) {
  await page.mouse.move(at.x, at.y);
  await page.keyboard.down('Control');
  for (let i = 0; i < 2; i += 1) await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await screenshot(page, name);
  await page.keyboard.down('Control');
  for (let i = 0; i < 2; i += 1) await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
}

/** The curve's point on the board whose text is `text` ("😐 0"). */
const point = (page: Page, text: string) =>
  page.locator('[data-testid="shape"]').filter({ hasText: text });

test('three participants rate stages, the facilitator draws the curve on the board, and a changed rating moves its point', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openPlayground(page);
  const alex = await actAs(page, 'u-alex');
  const stages = (
    await alex.locator('.tp-insights__stage-head > span:first-child').allTextContents()
  ).slice(0, 3);
  expect(stages).toHaveLength(3);
  // The demo map has no Emotions lane: the facilitator adds one from here (the frame grows).
  await expect(
    alex.getByText('This map has no Emotions lane, where the curve is drawn.'),
  ).toBeVisible();
  const frame = page.locator('[data-testid="frame"]').first();
  const frameBefore = await frame.boundingBox();
  await alex.getByRole('button', { name: 'Add an Emotions lane' }).click();
  await expect(alex.getByText(/^An Emotions lane was added at the bottom of the map/)).toBeVisible({
    timeout: 30_000,
  });
  expect((await frame.boundingBox())!.height).toBeGreaterThan(frameBefore!.height);
  await expect(page.locator('svg text', { hasText: /^Emotions$/ }).first()).toBeVisible();
  await expect(alex.getByText('The curve is not on the board yet.')).toBeVisible();

  // Three participants rate the first three stages.
  const ratings: [string, string[]][] = [
    ['u-sam', ['Very negative (-2)', 'Neutral (0)', 'Positive (1)']],
    ['u-priya', ['Negative (-1)', 'Negative (-1)', 'Very positive (2)']],
    ['u-jordan', ['Positive (1)', 'Very negative (-2)', 'Positive (1)']],
  ];
  for (const [user, labels] of ratings) {
    const side = await actAs(page, user);
    // A participant sees the curve's state but no button to draw it.
    await expect(side.getByRole('button', { name: 'Draw curve on board' })).toHaveCount(0);
    for (const [i, label] of labels.entries()) await rate(side, stages[i]!, label);
  }

  // The facilitator draws it: 3 points (−0.7, −1.0, +1.3) joined by 2 lines.
  const fac = await actAs(page, 'u-alex');
  await fac.getByRole('button', { name: 'Draw curve on board' }).click();
  await expect(fac.getByText('Curve drawn on the board: 3 points and 2 lines.')).toBeVisible({
    timeout: 15_000,
  });
  await expect(fac.getByText('The curve on the board shows these ratings.')).toBeVisible();
  await expect(page.locator('[data-testid="connector"]')).toHaveCount(2);
  for (const text of ['🙁 −0.7', '🙁 −1.0', '🙂 +1.3'])
    await expect(point(page, text)).toHaveCount(1);
  const before = await point(page, '🙁 −0.7').boundingBox();
  expect(before).not.toBeNull();
  await screenshotZoomed(page, before!, 'curve-01-drawn');
  expect(await point(page, '🙁 −0.7').boundingBox()).toEqual(before);

  // Sam changes their mind on the first stage: −2 → +2, so the mean goes to +0.7 and the point
  // rises. Back in the facilitator's panel, the curve updates itself (no click).
  const sam = await actAs(page, 'u-sam');
  await rate(sam, stages[0]!, 'Very positive (2)');
  const again = await actAs(page, 'u-alex');
  await expect(point(page, '🙂 +0.7')).toHaveCount(1, { timeout: 15_000 });
  await expect(again.getByText(/^Curve updated: 1 point moved; 2 unchanged\./)).toBeVisible();
  await expect(point(page, '🙁 −0.7')).toHaveCount(0);
  await expect(page.locator('[data-testid="connector"]')).toHaveCount(2);
  const after = await point(page, '🙂 +0.7').boundingBox();
  // −0.7 → +0.7 is 1.3 of the scale's 4 steps up the row: about 120 board units, 19 px at 16 %.
  expect(after!.y).toBeLessThan(before!.y - 10);
  expect(Math.abs(after!.x - before!.x)).toBeLessThan(2);
  await screenshotZoomed(page, before!, 'curve-02-moved');

  // Remove curve: points and lines leave the board.
  await again.getByRole('button', { name: 'Remove curve' }).click();
  await expect(again.getByText(/^The curve was removed from the board \(3 points/)).toBeVisible();
  await expect(page.locator('[data-testid="connector"]')).toHaveCount(0);
  await expect(point(page, '🙂 +0.7')).toHaveCount(0);
  await screenshot(page, 'curve-03-removed');
});
