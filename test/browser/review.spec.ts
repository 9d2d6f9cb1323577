/**
 * Review sessions (issue 14 §5): a snapshot, then changes (an action done, a KPI reading, a
 * rating changed), then Export › History › "Review against now" shows the differences and
 * downloads the Markdown review report.
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { expect, openPlayground, panel, screenshot, test } from './fixtures';

async function rate(side: Locator, stage: string, label: string): Promise<void> {
  const group = side.getByRole('group', { name: `Your rating for ${stage}` });
  await group.getByRole('button', { name: label }).click();
  await expect(group.getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
}

async function addAction(side: Locator, title: string, due: string): Promise<void> {
  await side.getByRole('button', { name: '+ New action' }).click();
  await side.getByLabel('Action', { exact: true }).fill(title);
  await side.getByLabel('Owner team').selectOption('support');
  await side.getByLabel('Due').fill(due);
  await side.getByRole('button', { name: 'Save action' }).click();
  await expect(side.getByTestId('action-row').filter({ hasText: title })).toBeVisible();
}

test('review against a snapshot: an action done, a KPI reading, a rating changed; the report downloads', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openPlayground(page);
  const side = panel(page);

  // Before the snapshot: a round (so this panel edits the action plan), two actions.
  await side.getByRole('tab', { name: 'Vote' }).click();
  await side.getByRole('button', { name: 'Start a round…' }).click();
  await side.getByLabel('Title').fill('Pains');
  await side.getByRole('button', { name: 'Start round' }).click();
  await expect(side.getByText('Round “Pains” started.')).toBeVisible();
  await side.getByRole('button', { name: /^Action plan/ }).click();
  await addAction(side, 'Shorten the sign-up form', '2027-03-01');
  await addAction(side, 'Call back <b>every</b> lead', '2026-01-15');

  // A KPI with one reading and a rating of the first stage.
  await side.getByRole('tab', { name: 'Insights' }).click();
  await expect(side.getByRole('heading', { name: 'How does the customer feel?' })).toBeVisible({
    timeout: 15_000,
  });
  const firstStage =
    (await side.locator('.tp-insights__stage-head span').first().textContent()) ?? '';
  expect(firstStage).not.toBe('');
  await side.getByRole('button', { name: 'Add a KPI' }).click();
  await side.getByLabel('Name').fill('NPS');
  await side.getByLabel('Baseline').fill('10');
  await side.getByLabel('Target').fill('30');
  await side.getByRole('button', { name: 'Save KPI' }).click();
  await expect(side.getByText('KPI saved.')).toBeVisible();
  await side.getByLabel('Value').fill('12');
  await side.getByLabel('Date').fill('2026-10-01');
  await side.getByRole('button', { name: 'Add reading' }).click();
  await expect(side.getByText('Reading added.')).toBeVisible();
  await rate(side, firstStage, 'Very negative (-2)');

  // The snapshot.
  await side.getByRole('tab', { name: 'Export' }).click();
  await side.getByLabel('Label (optional)').fill('After the workshop');
  await side.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(side.getByText(/^Snapshot saved: \d+ notes\.$/)).toBeVisible();

  // Since then: the first action done, a new KPI reading, the rating changed.
  await side.getByRole('tab', { name: 'Vote' }).click();
  await side.getByRole('button', { name: /^Action plan/ }).click();
  await side.getByRole('button', { name: 'Edit Shorten the sign-up form' }).click();
  await side.getByLabel('Status').selectOption('done');
  await side.getByRole('button', { name: 'Save action' }).click();
  await expect(side.getByTestId('action-row').filter({ hasText: 'Shorten' })).toContainText('Done');
  await side.getByRole('tab', { name: 'Insights' }).click();
  await expect(side.getByRole('heading', { name: 'How does the customer feel?' })).toBeVisible();
  await rate(side, firstStage, 'Positive (1)');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await side.getByLabel('Value').fill('22');
  await side.getByLabel('Date').fill(today);
  await side.getByRole('button', { name: 'Add reading' }).click();
  await expect(side.getByText('Reading added.')).toBeVisible();

  // The review.
  await side.getByRole('tab', { name: 'Export' }).click();
  await side.getByRole('button', { name: /^Review the board now against the snapshot of/ }).click();
  const review = side.getByRole('region', { name: /^Review since/ });
  await expect(review).toBeVisible();
  const summary = review.getByRole('list', { name: 'Actions summary' });
  await expect(summary.getByText('1 done', { exact: true })).toBeVisible();
  await expect(summary.getByText('1 late', { exact: true })).toBeVisible();
  await expect(review.getByRole('region', { name: 'Done since' })).toContainText(
    'Shorten the sign-up form',
  );
  // Board text is text: the title's tags are shown, not rendered.
  await expect(review.getByRole('region', { name: 'Late' })).toContainText(
    'Call back <b>every</b> lead',
  );
  await expect(review.locator('b')).toHaveCount(0);
  const kpis = review.getByRole('region', { name: 'KPIs' });
  await expect(kpis).toContainText('NPS');
  await expect(kpis).toContainText(`12 (2026-10-01) → 22 (${today}) (+10)`);
  await expect(kpis).toContainText('on track');
  const curve = review.getByRole('region', { name: 'Emotion curve' });
  await expect(
    curve.getByRole('listitem', { name: new RegExp(`^${firstStage}: -2\\.0 then, \\+1\\.0 now`) }),
  ).toBeVisible();
  await expect(curve).toContainText('+3.0');
  await expect(curve.locator('svg')).toHaveCount(2);
  await review.scrollIntoViewIfNeeded();
  await screenshot(page, 'review-01-view');
  await review.getByRole('region', { name: 'KPIs' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'review-02-kpis-curve');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    review.getByRole('button', { name: 'Download review report' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /-review-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.md$/,
  );
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toMatch(/^# Review: /);
  expect(text).toContain(
    '### Done since\n\n- Shorten the sign-up form (owner support, due 2027-03-01)',
  );
  expect(text).toContain(
    '### Late\n\n- Call back \\<b>every\\</b> lead (owner support, due 2026-01-15,',
  );
  expect(text).toContain(
    `| NPS (higher is better) | Whole journey | 10 | 30 | 12 (2026-10-01) | 22 (${today}) | +10 | on track |`,
  );
  expect(text).toMatch(/\| as-is \| [^|]+ \| -2\.0 \(1\) \| \+1\.0 \(1\) \| \+3\.0 \|/);
});
