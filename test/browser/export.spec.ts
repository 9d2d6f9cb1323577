import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Download, Page } from '@playwright/test';
// Node's ESM resolver needs the extension (Vitest's does not).
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, openPlayground, panel, screenshot, test } from './fixtures';

const schemaPath = join(import.meta.dirname, '..', '..', 'public', 'schema', 'journey-map.v2.json');

async function validator() {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(schema);
  return (data: unknown) => {
    const ok = validate(data);
    return { ok, errors: ajv.errorsText(validate.errors) };
  };
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

/** A second browser context: its own IndexedDB, so it opens on a fresh demo board. */
async function freshPlayground(browser: Browser, origin: string) {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.route('https://miro.com/**', (route) => route.abort());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openPlayground(page);
  return { context, page, errors };
}

test('save a snapshot, reload, find it, download JSON that fits the schema, import it on a fresh board', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const side = panel(page);

  // The demo board opens on the workshop's map (or, on an older demo, none: then make one).
  await expect(side.getByRole('button', { name: /^(Create|Update) on board$/ })).toBeVisible({
    timeout: 15_000,
  });
  const create = side.getByRole('button', { name: 'Create on board' });
  if (await create.isVisible()) {
    await create.click();
    await expect(side.getByText(/created/i)).toBeVisible({ timeout: 30_000 });
  }
  // One new note in the map (the view on the map, so the note lands in it), so a fresh demo
  // board has something to import.
  await side.getByRole('button', { name: 'Show on board' }).click();
  await page.getByTestId('add-note').click();
  const editor = page.getByLabel(/^Note text/);
  await editor.fill('Wants it all done in one evening');
  await editor.press('Control+Enter');
  // Zoomed out, notes are drawn without text; the board announces the selected note instead.
  await expect(page.getByText('Selected note: Wants it all done in one evening')).toBeVisible();

  await side.getByRole('tab', { name: 'Export' }).click();
  await expect(side.getByRole('button', { name: 'Download JSON' })).toBeVisible();
  await expect(side.getByText(/No snapshots of this map yet/)).toBeVisible();
  await screenshot(page, 'export-01-tab');

  await side.getByLabel('Label (optional)').fill('Before the break');
  await side.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(side.getByText(/^Snapshot saved: \d+ notes\.$/)).toBeVisible();
  const history = side.getByRole('list', { name: 'Snapshots' });
  await expect(history.getByText('Before the break')).toBeVisible();
  await expect(side.getByText(/^1 snapshot · .* of 25 MB; automatic ones beyond 20/)).toBeVisible();
  await screenshot(page, 'export-02-saved');

  // Kept in IndexedDB: found again after a reload.
  await page.reload();
  await side.getByRole('tab', { name: 'Export' }).click();
  await expect(history.getByText('Before the break')).toBeVisible({ timeout: 15_000 });
  await expect(history.getByText('Manual')).toBeVisible();
  await expect(history.getByText(/notes in \d+ stages/)).toBeVisible();
  await screenshot(page, 'export-03-after-reload');

  // Download JSON (the board now) and check it against the published schema.
  const check = await validator();
  const download = await downloadOf(page, () =>
    side.getByRole('button', { name: 'Download JSON' }).click(),
  );
  expect(download.suggestedFilename()).toMatch(/^[\p{L}\p{N}-]+-\d{4}-\d{2}-\d{2}\.json$/u);
  // Saved under its own name, as a person's download folder would keep it.
  const filePath = join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(filePath);
  const file = JSON.parse(await readFile(filePath, 'utf8')) as {
    map: { title: string; notes: { text: string; loose: boolean; stageSource: string }[] };
  };
  const valid = check(file);
  expect(valid.errors).toBe('No errors');
  expect(valid.ok).toBe(true);
  expect(file.map.notes.map((n) => n.text)).toContain('Wants it all done in one evening');
  const total = file.map.notes.length;
  expect(total).toBeGreaterThan(20);

  // The snapshot downloads too, and also fits the schema.
  const snap = await downloadOf(page, () =>
    history.getByRole('button', { name: /^Download snapshot of/ }).click(),
  );
  expect(check(JSON.parse(await readFile(await snap.path(), 'utf8'))).ok).toBe(true);

  // Compare the snapshot with the board after a change: a note added in the map (the reload
  // reset the view, so bring the map into view first).
  await side.getByRole('tab', { name: 'Map' }).click();
  await side.getByRole('button', { name: 'Show on board' }).click();
  await side.getByRole('tab', { name: 'Export' }).click();
  await page.getByTestId('add-note').click();
  await page.getByLabel(/^Note text/).fill('Asks about fees twice');
  await page.getByLabel(/^Note text/).press('Control+Enter');
  await expect(page.getByText('Selected note: Asks about fees twice')).toBeVisible();
  await history.getByRole('button', { name: /^Compare snapshot of/ }).click();
  await side.getByRole('button', { name: 'Compare', exact: true }).click();
  const changes = side.getByRole('region', { name: 'Changes' });
  await expect(changes.getByText('1 added')).toBeVisible();
  await expect(changes.getByText('“Asks about fees twice”')).toBeVisible();
  await changes.scrollIntoViewIfNeeded();
  await screenshot(page, 'export-04-compare');

  // Import onto a fresh demo board in another context (its own IndexedDB).
  const origin = new URL(page.url()).origin;
  const fresh = await freshPlayground(browser, origin);
  try {
    const other = panel(fresh.page);
    const framesBefore = await fresh.page.locator('[data-testid="frame"]').count();
    await other.getByRole('tab', { name: 'Export' }).click();
    await expect(other.getByLabel('Import a map file (.json)')).toBeAttached();
    await screenshot(fresh.page, 'export-05-fresh-board');

    await other.getByLabel('Import a map file (.json)').setInputFiles(filePath);
    // The demo's own notes are on this board already (same demo, same ids): only the new note
    // is added, into the demo's map or into a new one when the demo has none.
    await expect(
      other.getByText(
        new RegExp(
          `^(Map “.+” created|Into “.+”), 1 note added(, 1 beside the map)?, already imported: ${total - 1} notes skipped\\.$`,
        ),
      ),
    ).toBeVisible({ timeout: 30_000 });
    const framesAfter = await fresh.page.locator('[data-testid="frame"]').count();
    expect(framesAfter).toBeGreaterThanOrEqual(framesBefore);
    // Export from the fresh board: the same notes, the new one once, still valid.
    const exportFresh = async () => {
      const d = await downloadOf(fresh.page, () =>
        other.getByRole('button', { name: 'Download JSON' }).click(),
      );
      const again = JSON.parse(await readFile(await d.path(), 'utf8')) as typeof file;
      expect(check(again).ok).toBe(true);
      return again;
    };
    const imported = await exportFresh();
    expect(
      imported.map.notes.filter((n) => n.text === 'Wants it all done in one evening'),
    ).toHaveLength(1);
    expect(imported.map.notes).toHaveLength(total);
    await screenshot(fresh.page, 'export-06-imported');

    // The same file again: nothing is duplicated.
    await other.getByLabel('Import a map file (.json)').setInputFiles(filePath);
    await expect(other.getByText(`Already imported: ${total} notes skipped`)).toBeVisible({
      timeout: 30_000,
    });
    await expect(fresh.page.locator('[data-testid="frame"]')).toHaveCount(framesAfter);
    expect((await exportFresh()).map.notes).toHaveLength(total);
    await screenshot(fresh.page, 'export-07-imported-again');

    // A file that is not a journey map is refused with a clear message.
    await other.getByLabel('Import a map file (.json)').setInputFiles({
      name: 'board.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type": "excalidraw", "elements": []}'),
    });
    await expect(other.getByText('Nothing was imported')).toBeVisible();
    await expect(other.getByText(/looks like a "excalidraw" file/)).toBeVisible();
    await screenshot(fresh.page, 'export-08-bad-file');
    expect(fresh.errors).toEqual([]);
  } finally {
    await fresh.context.close();
  }
});
