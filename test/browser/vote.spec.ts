import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, panel, screenshot, test } from './fixtures';

/** Acts as another simulated participant: the panel reconnects as them; open its Vote tab. */
async function actAs(page: Page, userId: string): Promise<Locator> {
  await page.getByTestId('user-select').selectOption(userId);
  const side = panel(page);
  await side.getByRole('tab', { name: 'Vote' }).click();
  await expect(side.getByTestId('budget')).toBeVisible({ timeout: 15_000 });
  return side;
}

const voteButton = (side: Locator, index: number) =>
  side
    .getByTestId('ballot-item')
    .nth(index)
    .getByRole('button', { name: /^Vote for:/ });

test('a facilitator runs a secret round, three participants vote, the results are revealed, charted and badged', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const side = panel(page);
  await side.getByRole('tab', { name: 'Vote' }).click();
  await expect(side.getByText('No voting rounds yet')).toBeVisible({ timeout: 15_000 });

  // The facilitator starts a secret round over the whole board: 3 votes each, at most 1 per note.
  await side.getByRole('button', { name: 'Start a round…' }).click();
  await side.getByLabel('Title').fill('Biggest pain points');
  await expect(side.getByLabel('Secret until reveal')).toBeChecked();
  await screenshot(page, 'vote-01-start-form');
  await side.getByRole('button', { name: 'Start round' }).click();
  await expect(side.getByText('Round “Biggest pain points” started.')).toBeVisible();
  await expect(side.getByTestId('budget')).toHaveText('3 of 3 votes left');
  await expect(side.getByText('Started by you')).toBeVisible();

  // Three participants vote, each from their own panel (the playground's user switcher).
  const firstText =
    (await side.getByTestId('ballot-item').nth(0).locator('.tp-ballot__text').textContent()) ?? '';
  const sam = await actAs(page, 'u-sam');
  await expect(sam.getByText('Started by Alex (facilitator)')).toBeVisible();
  await voteButton(sam, 0).click();
  await expect(sam.getByTestId('budget')).toHaveText('2 of 3 votes left');
  await voteButton(sam, 2).click();
  await expect(sam.getByTestId('budget')).toHaveText('1 of 3 votes left');
  await screenshot(page, 'vote-02-participant-ballot');

  const priya = await actAs(page, 'u-priya');
  await expect(priya.getByTestId('budget')).toHaveText('3 of 3 votes left');
  await voteButton(priya, 0).click();
  await expect(priya.getByTestId('budget')).toHaveText('2 of 3 votes left');
  // A second vote on the same note is over the cap: refused, with the reason.
  await voteButton(priya, 0).click();
  await expect(priya.getByText('At most 1 vote on one item.')).toBeVisible();
  await screenshot(page, 'vote-03-cap-refused');
  await voteButton(priya, 1).click();
  await expect(priya.getByTestId('budget')).toHaveText('1 of 3 votes left');

  const jordan = await actAs(page, 'u-jordan');
  await voteButton(jordan, 0).click();
  await expect(jordan.getByTestId('budget')).toHaveText('2 of 3 votes left');
  // Vote on the board's selection: click a note of the round on the board, then the button.
  const fourthId = await jordan.getByTestId('ballot-item').nth(3).getAttribute('data-item-id');
  await page.locator(`[data-testid="note"][data-id="${fourthId}"]`).click();
  await jordan.getByRole('button', { name: 'Vote for the selected note (1)' }).click();
  await expect(jordan.getByText('Voted for 1 selected note.')).toBeVisible();
  await expect(jordan.getByTestId('budget')).toHaveText('1 of 3 votes left');
  // Secret round: no totals for anyone before the reveal.
  await expect(jordan.getByText(/Totals stay hidden/)).toBeVisible();
  await expect(jordan.getByTestId('results-chart')).toHaveCount(0);

  // Back to the facilitator: who has voted, then end and reveal.
  const alex = await actAs(page, 'u-alex');
  await expect(alex.getByTestId('round-progress')).toHaveText('3 people voted · 6 votes cast');
  await expect(alex.getByRole('list', { name: 'Who has voted' }).getByRole('listitem')).toHaveCount(
    3,
  );
  await alex.getByRole('button', { name: 'End voting' }).click();
  await expect(alex.locator('.tp-round__head .tp-chip')).toHaveText('Ended');
  await alex.getByRole('button', { name: 'Reveal results' }).click();
  await expect(alex.locator('.tp-round__head .tp-chip')).toHaveText('Revealed');
  const chart = alex.getByTestId('results-chart');
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('results-bar')).toHaveCount(4);
  await expect(chart.getByTestId('results-bar').first()).toContainText(firstText.slice(0, 20));
  await expect(chart.getByTestId('results-bar').first()).toContainText('3');
  await alex.getByRole('heading', { name: 'Results' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'vote-04-revealed-chart');

  // Count badges beside the top items on the board (the board zooms to them), then removed.
  const badges = page.locator('[data-testid="shape"]').filter({ hasText: /^\d+$/ });
  await expect(badges).toHaveCount(0);
  await alex.getByRole('button', { name: 'Badges on board' }).click();
  // Top 3 with ties shared: the winner and the three tied second places.
  await expect(alex.getByText('4 count badges on the board.')).toBeVisible({ timeout: 15_000 });
  await expect(badges).toHaveCount(4);
  await expect(badges.filter({ hasText: /^3$/ })).toHaveCount(1);
  await screenshot(page, 'vote-05-badges-on-board');
  await alex.getByRole('button', { name: 'Remove badges' }).click();
  await expect(alex.getByText('Badges removed from the board.')).toBeVisible();
  await expect(badges).toHaveCount(0);

  // Dot stickers on the round's notes join the results, marked by source.
  await alex.getByRole('button', { name: 'Add dot stickers' }).click();
  await expect(alex.getByText('Dot stickers', { exact: true })).toBeVisible();
  await expect(alex.getByText('Touchpoint votes', { exact: true })).toBeVisible();
  await alex.getByRole('heading', { name: 'Results' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'vote-05b-results-with-dots');

  // The winners become an action with an owner, and land in the impact × feasibility grid.
  await alex.getByRole('button', { name: 'Draft actions from the top 3' }).click();
  await alex.getByRole('button', { name: 'Fill in' }).first().click();
  await alex.getByLabel('Owner team').selectOption('support');
  await alex.getByLabel('Impact (1–5)').selectOption('5');
  await alex.getByLabel('Feasibility (1–5)').selectOption('4');
  await alex.getByRole('button', { name: 'Save action' }).click();
  await expect(alex.getByTestId('action-row')).toHaveCount(1);
  await expect(alex.getByRole('region', { name: 'Quick wins' })).toContainText(
    firstText.slice(0, 20),
  );
  await screenshot(page, 'vote-06-action-plan');

  // The plan on the board: a 2 × 2 frame with the action as a card.
  const frames = page.locator('[data-testid="frame"]');
  const framesBefore = await frames.count();
  await alex.getByRole('button', { name: 'Put the plan on the board' }).click();
  await expect(alex.getByText('The action plan is on the board.')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-testid="frame"]', { hasText: 'Action plan' })).toHaveCount(1);
  expect(await frames.count()).toBeGreaterThanOrEqual(1);
  expect(framesBefore).toBeGreaterThanOrEqual(0);
  await expect(page.locator('[data-testid="shape"]', { hasText: /Quick wins/ })).toBeVisible();
  await screenshot(page, 'vote-07-plan-on-board');
  // Put again: updated in place, never a second plan; then taken off the board.
  await alex.getByRole('button', { name: 'Put the plan on the board' }).click();
  await expect(page.locator('[data-testid="frame"]', { hasText: 'Action plan' })).toHaveCount(1);
  await alex.getByRole('button', { name: 'Remove it from the board' }).click();
  await expect(alex.getByText('The action plan is off the board.')).toBeVisible();
  await expect(page.locator('[data-testid="frame"]', { hasText: 'Action plan' })).toHaveCount(0);
});
