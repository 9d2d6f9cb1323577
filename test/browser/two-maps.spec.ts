/**
 * Issue 9's check: a facilitator runs two journeys on one board. A second map beside the demo's,
 * a participant's notes in it, a vote round and an action on it; each map's export holds its own
 * notes, round and action only, fits the v2 schema and points nowhere outside the file; the
 * second map's file imported onto a fresh board brings back its round (ended, with its totals)
 * and its action.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Browser, Page } from '@playwright/test';
import { findDanglingReferences } from '../../src/domain/export/keep-map-references';
import type { JourneyMapFile } from '../../src/domain/export/journey-map';
import { expect, openPlayground, panel, screenshot, test } from './fixtures';

const schemaPath = join(import.meta.dirname, '..', '..', 'public', 'schema', 'journey-map.v2.json');

async function downloadJson(page: Page, side: ReturnType<typeof panel>, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    side.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const path = join(test.info().outputDir, name);
  await download.saveAs(path);
  return { path, file: JSON.parse(await readFile(path, 'utf8')) as JourneyMapFile };
}

async function freshPlayground(browser: Browser, origin: string) {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.route('https://miro.com/**', (route) => route.abort());
  await openPlayground(page);
  return { context, page };
}

test('two journeys on one board: each map counts, votes, exports and imports on its own', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  const side = panel(page);
  await expect(side.getByText(/^On this board: Northstar Bank/)).toBeVisible({ timeout: 15_000 });

  // A second map beside the demo's, with the same stage names (the classic preset).
  await side.getByLabel('Map on this board').selectOption({ label: '+ New map…' });
  await side.getByLabel('Title', { exact: true }).fill('Café loyalty journey');
  await side.getByRole('button', { name: 'Create on board' }).click();
  await expect(side.getByText(/created/i)).toBeVisible({ timeout: 30_000 });
  await expect(side.getByText('On this board: Café loyalty journey')).toBeVisible();

  // Two participants' notes in the new map (the view is on it, so new notes land in it).
  await side.getByRole('button', { name: 'Show on board' }).click();
  for (const text of ['Coffee was cold by the time I sat down', 'Stamp card got lost twice']) {
    await page.getByTestId('add-note').click();
    await page.getByLabel(/^Note text/).fill(text);
    await page.getByLabel(/^Note text/).press('Control+Enter');
    await expect(page.getByText(`Selected note: ${text}`)).toBeVisible();
  }
  await screenshot(page, 'two-maps-01-second-map');

  // A round on the café map only: its two notes, not the demo's.
  await side.getByRole('tab', { name: 'Vote' }).click();
  await side.getByRole('button', { name: 'Start a round…' }).click();
  await side.getByLabel('Title').fill('Café pains');
  await side.getByLabel('Vote on').selectOption('map');
  await side.locator('#tp-round-group').selectOption({ label: 'Café loyalty journey (2 notes)' });
  await side.getByLabel(/^Open/).check();
  await screenshot(page, 'two-maps-02-round-form');
  await side.getByRole('button', { name: 'Start round' }).click();
  await expect(side.getByText('Round “Café pains” started.')).toBeVisible();
  await expect(side.getByTestId('ballot-item')).toHaveCount(2);
  await side.getByRole('button', { name: /^Vote for: Coffee was cold/ }).click();
  await expect(side.getByTestId('budget')).toHaveText(/^2 of 3 votes left$/);
  await side.getByRole('button', { name: 'End voting' }).click();
  await expect(side.locator('.tp-round__head .tp-chip')).toHaveText('Ended');
  await side.getByRole('button', { name: 'Draft actions from the top 3' }).click();
  await side.getByRole('button', { name: 'Fill in' }).first().click();
  await side.getByLabel('Owner team').selectOption('support');
  await side.getByRole('button', { name: 'Save action' }).click();
  await expect(side.getByTestId('action-row')).toHaveCount(1);
  await screenshot(page, 'two-maps-03-action');

  // Each map's export: valid v2, its own notes, round and action only, nothing dangling.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(JSON.parse(await readFile(schemaPath, 'utf8')) as object);
  await side.getByRole('tab', { name: 'Export' }).click();
  const mapPicker = side.getByLabel('Map', { exact: true });
  await mapPicker.selectOption({ label: 'Café loyalty journey' });
  const cafe = await downloadJson(page, side, 'cafe.json');
  await mapPicker.selectOption({ index: 0 });
  const demo = await downloadJson(page, side, 'demo.json');
  await screenshot(page, 'two-maps-04-export');
  for (const { file } of [cafe, demo]) {
    expect(validate(file), ajv.errorsText(validate.errors)).toBe(true);
    expect(findDanglingReferences(file.map)).toEqual([]);
  }
  expect(cafe.file.map.title).toBe('Café loyalty journey');
  expect(cafe.file.map.notes.map((n) => n.text).sort()).toEqual([
    'Coffee was cold by the time I sat down',
    'Stamp card got lost twice',
  ]);
  expect(cafe.file.map.voteRounds.map((r) => r.title)).toEqual(['Café pains']);
  expect(cafe.file.map.actions).toHaveLength(1);
  // The demo map's file holds none of the café's notes, its round or its action.
  expect(demo.file.map.notes.map((n) => n.text)).not.toContain('Stamp card got lost twice');
  expect(demo.file.map.voteRounds.map((r) => r.title)).not.toContain('Café pains');
  expect(demo.file.map.actions.map((a) => a.id)).not.toContain(cafe.file.map.actions[0]!.id);
  // Counts: each stage count adds up to the notes in the map.
  const cafeStages = new Set(cafe.file.map.stages.map((s) => s.id));
  expect(
    cafe.file.map.notes.filter((n) => !n.loose && cafeStages.has(n.stageId ?? '')),
  ).toHaveLength(2);

  // The café map's file onto a fresh board (another context: its own IndexedDB).
  const fresh = await freshPlayground(browser, new URL(page.url()).origin);
  try {
    const other = panel(fresh.page);
    await other.getByRole('tab', { name: 'Export' }).click();
    await other.getByLabel('Import a map file (.json)').setInputFiles(cafe.path);
    await expect(other.getByText(/Map “Café loyalty journey” created/)).toBeVisible({
      timeout: 60_000,
    });
    await expect(other.getByText(/1 action and 1 vote round restored/)).toBeVisible();
    await screenshot(fresh.page, 'two-maps-05-imported');
    await other.getByRole('tab', { name: 'Vote' }).click();
    await expect(other.getByText('Café pains').first()).toBeVisible({ timeout: 15_000 });
    await other.getByText('Café pains').first().click();
    await expect(other.getByTestId('round-progress')).toHaveText('1 vote, imported from a file');
    await expect(other.locator('.tp-round__head .tp-chip')).toHaveText('Ended');
    await screenshot(fresh.page, 'two-maps-06-imported-round');
    await other.getByRole('button', { name: /^Action plan/ }).click();
    await expect(other.getByTestId('action-row')).toHaveCount(1);
    await screenshot(fresh.page, 'two-maps-07-imported-action');
  } finally {
    await fresh.context.close();
  }
});
