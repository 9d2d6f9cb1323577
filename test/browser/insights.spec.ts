import { expect, openPlayground, screenshot, test } from './fixtures';
import { actAs, rate } from './insights-steps';

test('three participants rate stages, pick departments; KPIs get readings and a status; RACI refuses a second Accountable', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openPlayground(page);
  const alex = await actAs(page, 'u-alex');
  const firstStage =
    (await alex.locator('.tp-insights__stage-head span').first().textContent()) ?? '';
  expect(firstStage).not.toBe('');
  await screenshot(page, 'insights-01-tab');

  // Three participants, three departments, one rating each for the first stage.
  const people: [string, string, string][] = [
    ['u-sam', 'support', 'Very negative (-2)'],
    ['u-priya', 'product', 'Negative (-1)'],
    ['u-jordan', 'it', 'Positive (1)'],
  ];
  for (const [user, department, label] of people) {
    const side = await actAs(page, user);
    await side.getByLabel('Department', { exact: true }).selectOption(department);
    await side.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(side.getByText(/^Saved as /)).toBeVisible();
    await rate(side, firstStage, label);
  }
  const back = await actAs(page, 'u-alex');
  const team = back.locator('.tp-insights__stage').first().locator('.tp-muted');
  // (−2 − 1 + 1) / 3 = −0.67 → "−0.7", three ratings.
  await expect(team).toHaveText(/−0\.7 ± .* · 3$/);

  // Jordan changes their mind: the mean follows.
  const jordan = await actAs(page, 'u-jordan');
  await rate(jordan, firstStage, 'Very positive (2)');
  await expect(jordan.locator('.tp-insights__stage').first().locator('.tp-muted')).toHaveText(
    /−0\.3 ± .* · 3$/,
  );
  await screenshot(page, 'insights-02-ratings');

  // A KPI with two readings: status and sparkline.
  const fac = await actAs(page, 'u-alex');
  await fac.getByRole('button', { name: 'Add a KPI' }).click();
  await fac.getByLabel('Name').fill('NPS');
  await fac.getByLabel('Baseline').fill('10');
  await fac.getByLabel('Target').fill('30');
  await fac.getByRole('button', { name: 'Save KPI' }).click();
  await expect(fac.getByText('KPI saved.')).toBeVisible();
  await expect(fac.locator('.tp-kpi__status')).toHaveText('No readings');
  // Not a number: refused with the reason, nothing stored.
  await fac.getByLabel('Value').fill('lots');
  await fac.getByRole('button', { name: 'Add reading' }).click();
  await expect(fac.getByText(/The value must be a number; got "lots"/)).toBeVisible();
  for (const [value, date] of [
    ['12', '2026-10-01'],
    ['22', '2026-11-01'],
  ]) {
    await fac.getByLabel('Value').fill(value!);
    await fac.getByLabel('Date').fill(date!);
    await fac.getByRole('button', { name: 'Add reading' }).click();
    await expect(fac.getByText('Reading added.')).toBeVisible();
  }
  await expect(fac.locator('.tp-kpi__status')).toHaveText('On track');
  await expect(fac.locator('.tp-sparkline__line')).toHaveCount(1);
  // A mistyped third reading is taken back; the status follows.
  await fac.getByLabel('Value').fill('2');
  await fac.getByRole('button', { name: 'Add reading' }).click();
  await expect(fac.locator('.tp-kpi__status')).toHaveText('Off track');
  await fac.getByText('3 readings').click();
  await fac.locator('.tp-kpi').scrollIntoViewIfNeeded();
  await screenshot(page, 'insights-02b-readings');
  await fac.getByRole('button', { name: /^Remove reading 2 of / }).click();
  await expect(fac.getByText('Reading removed.')).toBeVisible();
  await expect(fac.getByText('2 readings')).toBeVisible();
  await expect(fac.locator('.tp-kpi__status')).toHaveText('On track');

  // RACI: one Accountable per stage.
  await fac.getByLabel('Product', { exact: true }).selectOption('A');
  await expect(fac.getByLabel('Product', { exact: true })).toHaveValue('A');
  await fac.getByLabel('Sales', { exact: true }).selectOption('A');
  await expect(fac.getByText(/Product is already Accountable for/)).toBeVisible();
  await expect(fac.getByLabel('Sales', { exact: true })).toHaveValue('');

  // Coverage: the three departments are rows, counting the demo notes their people wrote.
  await expect(fac.locator('.tp-coverage tbody tr')).toHaveCount(3);
  const itRow = fac.locator('.tp-coverage').getByRole('row', { name: /^IT / });
  await expect(itRow.getByRole('cell')).toHaveText(['·', '1/0', '1/0', '2/0', '·']);
  await expect(fac.getByText(/^No department has added notes for: /)).toBeVisible();
  await fac.locator('.tp-coverage').scrollIntoViewIfNeeded();
  await screenshot(page, 'insights-03-kpi-raci-coverage');
});
