import type { Page } from '@playwright/test';
import {
  applyGrouping,
  expect,
  openPainPointsLane,
  openPlayground,
  panel,
  previewNoteCount,
  screenshot,
  test,
} from './fixtures';

interface Spot {
  x: number;
  y: number;
  fill: string;
}

/**
 * Every sticky note's board position and fill, read from the board view's DOM: each note is a
 * `[data-testid="note"][data-id]` group whose `.bv-note-body` rect is drawn at the note's board
 * coordinates (the camera transform sits on an ancestor), so it is what a person sees.
 */
async function noteSpots(page: Page): Promise<Record<string, Spot>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number; fill: string }> = {};
    for (const el of document.querySelectorAll('[data-testid="note"][data-id]')) {
      const body = el.querySelector('.bv-note-body');
      if (!body) continue;
      out[el.getAttribute('data-id') ?? ''] = {
        x: Number(body.getAttribute('x')),
        y: Number(body.getAttribute('y')),
        fill: body.getAttribute('fill') ?? '',
      };
    }
    return out;
  });
}

const texts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-kind="text"]')].map((el) => el.textContent ?? ''),
  );

test('group the demo map’s pain-point lane: preview, rename, apply, undo after a reload', async ({
  page,
}) => {
  await openPlayground(page);
  const side = await openPainPointsLane(page);

  const before = await noteSpots(page);
  expect(Object.keys(before).length).toBeGreaterThan(30);

  await side.getByRole('button', { name: 'Group notes' }).click();
  await expect(side.getByRole('heading', { name: /^Preview/ })).toBeVisible();
  const names = side.getByRole('textbox', { name: /^Name of group / });
  await expect(names.first()).toBeVisible();
  // An exact number of groups: the preview runs again by itself, and back again.
  const groupsShown = side.locator('#tp-group-preview-title .tp-group-tab__count');
  const own = (await groupsShown.textContent()) ?? '';
  await side.getByRole('checkbox', { name: 'Exactly' }).check();
  await side.getByRole('spinbutton', { name: 'Number of groups' }).fill('4');
  await side.getByRole('spinbutton', { name: 'Number of groups' }).press('Tab');
  await expect(groupsShown).toHaveText('4 groups');
  await screenshot(page, 'group-01-preview');
  await side.getByRole('checkbox', { name: 'Exactly' }).uncheck();
  await expect(groupsShown).toHaveText(own);

  // Rename the first group; the name is what its label on the board will say.
  await names.first().fill('Identity checks');
  await names.first().press('Enter');
  await expect(side.getByRole('listitem', { name: 'Group Identity checks' })).toBeVisible();
  expect(await previewNoteCount(side)).toBe(10);

  const moved = await applyGrouping(side);
  expect(moved).toBeGreaterThan(0);
  await expect.poll(() => texts(page)).toContain('Identity checks');
  const after = await noteSpots(page);
  // Every note is still in the lane (blocks stay inside its cells).
  await expect(side.locator('.tp-group-tab__count').first()).toHaveText('10 notes');
  const changed = Object.keys(before).filter(
    (id) => after[id]!.x !== before[id]!.x || after[id]!.y !== before[id]!.y,
  );
  expect(changed).toHaveLength(moved);
  // Closer, around the lane's first cells, to read the labels (ctrl+wheel zooms at the cursor).
  const label = page.locator('[data-kind="text"]', { hasText: 'Identity checks' });
  const at = (await label.boundingBox())!;
  const zoom = page.getByText(/^\d+%$/);
  const zoomBefore = (await zoom.textContent()) ?? '';
  await page.mouse.move(at.x, at.y);
  await page.keyboard.down('Control');
  for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect(zoom).not.toHaveText(zoomBefore);
  await screenshot(page, 'group-02-applied');

  // The journal lives in IndexedDB: Undo is still offered after a reload, and exact.
  await page.reload();
  await side.getByRole('tab', { name: 'Group' }).click();
  const undo = side.getByRole('button', { name: `Undo grouping (${moved} notes)` });
  await expect(undo).toBeVisible({ timeout: 15_000 });
  await undo.click();
  await expect(side.getByText(`Put ${moved} notes back where they were.`)).toBeVisible({
    timeout: 30_000,
  });
  await expect.poll(() => texts(page)).not.toContain('Identity checks');
  const restored = await noteSpots(page);
  expect(Object.keys(restored).sort()).toEqual(Object.keys(before).sort());
  for (const [id, spot] of Object.entries(before)) {
    expect(restored[id]!.x, `x of note ${id}`).toBeCloseTo(spot.x, 1);
    expect(restored[id]!.y, `y of note ${id}`).toBeCloseTo(spot.y, 1);
    expect(restored[id]!.fill, `colour of note ${id}`).toBe(spot.fill);
  }
  await expect(undo).toBeHidden();
  await screenshot(page, 'group-03-undone');
});

test('group the loose interview pain points from a board selection into free space, then undo', async ({
  page,
}) => {
  await openPlayground(page);
  const side = panel(page);
  // Rubber-band select the interview notes: from just under their heading to the quotes' left.
  const heading = (await page
    .locator('[data-kind="text"]', { hasText: 'Interview pain points' })
    .boundingBox())!;
  const quotes = (await page
    .locator('[data-kind="text"]', { hasText: 'Quotes from support tickets' })
    .boundingBox())!;
  const from = { x: heading.x - 8, y: heading.y + heading.height + 4 };
  const to = { x: quotes.x - 8, y: from.y + (quotes.x - heading.x) };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();

  await side.getByRole('tab', { name: 'Group' }).click();
  const scope = side.getByLabel('Notes', { exact: true });
  await expect(scope.locator('option[value="selection"]')).toHaveText(
    'Selected on the board (24 notes)',
  );
  await scope.selectOption('selection');
  await expect(side.locator('.tp-group-tab__count').first()).toHaveText('24 notes');
  const before = await noteSpots(page);

  await side.getByRole('button', { name: 'Group notes' }).click();
  await expect(side.getByRole('heading', { name: /^Preview/ })).toBeVisible();
  const moved = await applyGrouping(side);
  // Outside any map the groups go to free space: zoom in around the first moved note.
  const after = await noteSpots(page);
  const movedIds = Object.keys(before).filter((id) => after[id]!.y !== before[id]!.y);
  expect(movedIds.length).toBeGreaterThan(0);
  const topLeft = movedIds.sort(
    (a, b) => after[a]!.y - after[b]!.y || after[a]!.x - after[b]!.x,
  )[0]!;
  await page.getByRole('button', { name: 'Zoom to fit the board' }).click();
  const box = (await page.locator(`[data-testid="note"][data-id="${topLeft}"]`).boundingBox())!;
  await page.mouse.click(box.x - 30, box.y - 30); // clears the selection, on empty board
  await page.mouse.move(box.x, box.y);
  await page.keyboard.down('Control');
  for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await screenshot(page, 'group-04-selection-applied');

  await side.getByRole('button', { name: `Undo grouping (${moved} notes)` }).click();
  await expect(side.getByText(`Put ${moved} notes back where they were.`)).toBeVisible({
    timeout: 30_000,
  });
  // Off-screen items are not drawn: fit the board again before reading every note.
  await page.getByRole('button', { name: 'Zoom to fit the board' }).click();
  const restored = await noteSpots(page);
  expect(Object.keys(restored).sort()).toEqual(Object.keys(before).sort());
  for (const [id, spot] of Object.entries(before)) {
    expect(restored[id]!.x, `x of note ${id}`).toBeCloseTo(spot.x, 1);
    expect(restored[id]!.y, `y of note ${id}`).toBeCloseTo(spot.y, 1);
    expect(restored[id]!.fill, `colour of note ${id}`).toBe(spot.fill);
  }
});
