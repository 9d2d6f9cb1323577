import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, panel, screenshot, test } from './fixtures';

/** Board ids of the notes this test adds, by their text (zoomed out, notes show no text). */
const added = new Map<string, string>();
const note = (page: Page, text: string) =>
  page.locator(`[data-testid="note"][data-id="${added.get(text)}"]`);

/** Adds a note at the centre of the view (the map, after "Show on board"), types its text, and
 * drags it by (dx, dy) screen pixels so notes added one after another do not cover each other. */
async function addNote(page: Page, text: string, dx = 0, dy = 0): Promise<void> {
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByTestId('note-editor').fill(text);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('selection-status')).toHaveText(`Selected note: ${text}`);
  const id = await page
    .locator('[data-testid="note"][data-selected="true"]')
    .getAttribute('data-id');
  added.set(text, id!);
  if (dx === 0 && dy === 0) return;
  const box = (await note(page, text).boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => (await note(page, text).boundingBox())?.x)
    .toBeCloseTo(box.x + dx, 0);
}

/** Selects the note on the board; the board's status line then names it and its tags. */
async function tagsOnBoard(page: Page, text: string): Promise<Locator> {
  await note(page, text).click();
  return page.getByTestId('selection-status');
}

/** The figure beside a section title of the Stages tab. */
const total = (side: Locator, section: 'stages' | 'untagged' | 'conflicts') =>
  side.locator(`#tp-${section}-title .tp-stages__total`);

const numberIn = async (locator: Locator): Promise<number> =>
  Number(/\d+/.exec((await locator.textContent()) ?? '')?.[0] ?? NaN);

/** Uses the map the board holds (the demo board comes with one), or creates one. */
async function showMapOnBoard(page: Page): Promise<void> {
  const side = panel(page);
  await expect(
    side.getByText(/^On this board:/).or(side.getByRole('button', { name: 'Create on board' })),
  ).toBeVisible();
  const create = side.getByRole('button', { name: 'Create on board' });
  if (await create.isVisible()) {
    await create.click();
    await expect(side.getByText(/created/i)).toBeVisible({ timeout: 30_000 });
  } else {
    await side.getByRole('button', { name: 'Show on board' }).click();
  }
  await expect(side.getByText(/^On this board:/)).toBeVisible();
}

test('participants tag notes with stages; counts follow; tag by position and undo', async ({
  page,
}) => {
  await openPlayground(page);
  const side = panel(page);
  await showMapOnBoard(page);

  await side.getByRole('tab', { name: 'Stages' }).click();
  const rows = side.locator('.tp-stages__row');
  await expect(rows.first()).toBeVisible();
  const stageNames = await rows.locator('.tp-stages__name > span:first-child').allTextContents();
  const first = stageNames[0]!;
  const last = stageNames.at(-1)!;
  expect(stageNames.length).toBeGreaterThan(1);
  await expect(side.getByText('Select notes on the board to tag them with a stage.')).toBeVisible();
  await expect(side.getByRole('button', { name: `Tag selection as ${first}` })).toBeDisabled();
  const notesBefore = await numberIn(total(side, 'stages'));
  const untaggedBefore = await numberIn(total(side, 'untagged'));
  const conflictsBefore = await numberIn(total(side, 'conflicts'));
  await screenshot(page, 'stages-01-tab');

  // People add notes in the map: the counts follow, without any button.
  // Small moves, so all three stay in the cell at the centre of the map.
  await addNote(page, 'Stage test A');
  await addNote(page, 'Stage test B', 0, 45);
  await addNote(page, 'Stage test C', 55, 0);
  await expect(total(side, 'stages')).toHaveText(`${notesBefore + 3} notes in the map`);
  await expect(total(side, 'untagged')).toHaveText(String(untaggedBefore + 3));
  // Close enough to read notes and their tag chips in the screenshots.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await screenshot(page, 'stages-02-notes-added');

  // Select notes on the board (click; shift-click) and tag them from the panel.
  await note(page, 'Stage test A').click();
  await note(page, 'Stage test C').click({ modifiers: ['Shift'] });
  await expect(side.getByText('2 notes selected on the board.')).toBeVisible();
  await side.getByRole('button', { name: `Tag selection as ${first}` }).click();
  await expect(side.getByText(`Tagged 2 notes as ${first}.`)).toBeVisible();
  await expect(total(side, 'untagged')).toHaveText(String(untaggedBefore + 1));
  // Retag one of them: it takes the new stage and loses the old one.
  await note(page, 'Stage test C').click();
  await expect(side.getByText('1 note selected on the board.')).toBeVisible();
  await side.getByRole('button', { name: `Tag selection as ${last}` }).click();
  await expect(side.getByText(`Tagged 1 note as ${last}.`)).toBeVisible();
  await expect(await tagsOnBoard(page, 'Stage test C')).toHaveText(
    `Selected note: Stage test C. Tags: Stage · ${last}`,
  );
  await expect(await tagsOnBoard(page, 'Stage test A')).toHaveText(
    `Selected note: Stage test A. Tags: Stage · ${first}`,
  );

  // A and C sit side by side but carry the first and the last stage: at least one conflict.
  const conflicts = await numberIn(total(side, 'conflicts'));
  expect(conflicts).toBeGreaterThan(conflictsBefore);
  await side.getByRole('heading', { name: /^Conflicts/ }).scrollIntoViewIfNeeded();
  await screenshot(page, 'stages-03-tagged-and-conflict');
  // The notes sit in the centre cell, not in the first stage: A's tag disagrees with its cell.
  const usePosition = side.getByRole('button', {
    name: /^Use the position .* for “Stage test A”$/,
  });
  const cellStage = /^Use the position (.*) for/.exec(
    (await usePosition.getAttribute('aria-label')) ?? '',
  )![1]!;
  await usePosition.click();
  await expect(side.getByText('Conflict settled.')).toBeVisible();
  await expect(total(side, 'conflicts')).toHaveText(String(conflicts - 1));
  await expect(await tagsOnBoard(page, 'Stage test A')).toHaveText(
    `Selected note: Stage test A. Tags: Stage · ${cellStage}`,
  );

  // Tag by position: every untagged note in a cell gets its cell's stage.
  const untagged = untaggedBefore + 1;
  await expect(total(side, 'untagged')).toHaveText(String(untagged));
  await side.getByRole('button', { name: 'Tag by position' }).click();
  const plural = (n: number) => `${n} note${n === 1 ? '' : 's'}`;
  await expect(side.getByText(`Tagged ${plural(untagged)} by position.`)).toBeVisible();
  await expect(total(side, 'untagged')).toHaveText('0');
  await expect(await tagsOnBoard(page, 'Stage test B')).toHaveText(
    /^Selected note: Stage test B. Tags: Stage · /,
  );
  const undo = side.getByRole('button', {
    name: new RegExp(`^Undo tag by position in “.+” \\(${plural(untagged)}\\)$`),
  });
  await expect(undo).toBeVisible();
  await screenshot(page, 'stages-04-tagged-by-position');

  // The undo journal is kept in IndexedDB: Undo is still there after a reload.
  await page.reload();
  await side.getByRole('tab', { name: 'Stages' }).click();
  await expect(undo).toBeVisible({ timeout: 15_000 });
  await undo.click();
  await expect(side.getByText(`Restored the tags of ${plural(untagged)}.`)).toBeVisible();
  await expect(total(side, 'untagged')).toHaveText(String(untagged));
  await expect(await tagsOnBoard(page, 'Stage test B')).toHaveText('Selected note: Stage test B');
  // Notes tagged by hand before keep their tags.
  await expect(await tagsOnBoard(page, 'Stage test A')).toHaveText(
    `Selected note: Stage test A. Tags: Stage · ${cellStage}`,
  );
  await expect(undo).toHaveCount(0);
  await screenshot(page, 'stages-05-undone');
});
