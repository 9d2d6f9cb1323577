/** Steps the Insights browser tests share: act as a participant, rate a stage. */
import type { Locator, Page } from '@playwright/test';
import { expect, panel } from './fixtures';

/** Acts as another simulated participant: the panel reconnects as them; open Insights. */
export async function actAs(page: Page, userId: string): Promise<Locator> {
  await page.getByTestId('user-select').selectOption(userId);
  return openInsights(page);
}

/** Opens the Insights tab of the panel, at its rating section. */
export async function openInsights(page: Page): Promise<Locator> {
  const side = panel(page);
  await side.getByRole('tab', { name: 'Insights' }).click();
  await expect(side.getByRole('heading', { name: 'How does the customer feel?' })).toBeVisible({
    timeout: 15_000,
  });
  return side;
}

/** Rates `stage` with the face labelled `label` ("Positive (1)"), and waits until it shows. */
export async function rate(side: Locator, stage: string, label: string): Promise<void> {
  const group = side.getByRole('group', { name: `Your rating for ${stage}` });
  await group.getByRole('button', { name: label }).click();
  await expect(group.getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
}
