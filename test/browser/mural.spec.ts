/**
 * `mural.html` against the local MURAL API double (test/mural-server): sign in through the
 * PKCE redirect (the double approves at once), pick workspace → room → mural, create the
 * classic map from the Map tab, group a participant's pain points, open the Export tab.
 */
import { createMuralBoard } from '../../src/board/mural/adapter';
import { createMuralClient } from '../../src/board/mural/client';
import { startMuralServer, type MuralServer } from '../mural-server/server';
import { expect, panel, screenshot, test } from './fixtures';

let server: MuralServer;

const PAIN_POINTS = [
  'Hidden fees on the first transfer',
  'Fees were not explained up front',
  'Unexpected monthly fees',
  'Fees differ from the website',
  'ID check failed twice',
  'ID check rejected my passport photo',
  'ID check took three days',
  'Waiting for the ID check email',
];

/** Notes in the map's Pain points lane, one per stage cell, made by a second MURAL user. */
async function addPainPoints(muralId: string): Promise<void> {
  const widgets = server.widgets(muralId);
  const byId = new Map(widgets.map((w) => [w.id, w]));
  const abs = (id: string): { x: number; y: number } => {
    const w = byId.get(id)!;
    const up = w.parentId ? abs(w.parentId) : { x: 0, y: 0 };
    return { x: up.x + w.x, y: up.y + w.y };
  };
  const lane = widgets.find((w) => w.text === 'Pain points' || w.title === 'Pain points');
  if (!lane) throw new Error('No Pain points lane on the mural');
  const laneY = abs(lane.id).y;
  const stages = widgets
    .filter((w) =>
      ['Awareness', 'Consideration', 'Purchase', 'Onboarding'].includes(w.text || w.title),
    )
    .map((w) => abs(w.id).x)
    .sort((a, b) => a - b);
  const { accessToken } = server.issueToken({ id: 'u-grace', firstName: 'Grace', lastName: 'H' });
  const client = createMuralClient({
    apiBase: server.apiBase,
    tokens: {
      accessToken: () => Promise.resolve(accessToken),
      refresh: () => Promise.reject(new Error('no')),
    },
  });
  const board = createMuralBoard(client, muralId);
  const result = await board.apply(
    PAIN_POINTS.map((text, i) => ({
      op: 'create' as const,
      ref: `p${i}`,
      item: {
        kind: 'note' as const,
        text,
        color: 'light_pink' as const,
        rect: {
          x: stages[i % 4]! + 10 + (i >= 4 ? 120 : 0),
          y: laneY + 10 + (i >= 4 ? 90 : 0),
          w: 80,
          h: 60,
        },
      },
    })),
  );
  if (result.failed.length > 0) throw new Error(result.failed[0]!.message);
}
test.beforeAll(async () => {
  server = await startMuralServer();
});
test.afterAll(() => server.close());

test('a facilitator connects to MURAL, picks a mural and creates a journey map on it, groups and exports', async ({
  page,
}) => {
  const muralId = server.createMural('Onboarding workshop');
  await page.goto('/mural.html');
  await expect(page.getByRole('heading', { name: 'Touchpoint for MURAL' })).toBeVisible();
  await page.getByLabel('Client id of your MURAL app').fill('touchpoint-test');
  await page.getByText('Advanced').click();
  await page.getByLabel('MURAL address').fill(server.origin);
  await screenshot(page, 'mural-01-connect');
  await page.getByRole('button', { name: 'Sign in with MURAL' }).click();

  // Back from the authorize redirect, signed in: the one workspace is chosen already.
  await expect(page.getByLabel('Workspace')).toHaveValue('touchpoint', { timeout: 15_000 });
  await expect(page).toHaveURL(/\/mural\.html$/);
  await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Customer journeys' });
  await page.getByLabel('Mural', { exact: true }).selectOption({ label: 'Onboarding workshop' });
  await page.getByRole('button', { name: 'Open mural' }).click();

  const side = panel(page);
  await expect(page.getByText('Onboarding workshop').first()).toBeVisible({ timeout: 15_000 });
  await expect(side.getByRole('button', { name: 'Create on board' })).toBeVisible({
    timeout: 15_000,
  });
  await side.getByRole('button', { name: 'Create on board' }).click();
  await expect(side.getByText(/created/i)).toBeVisible({ timeout: 60_000 });
  const widgets = server.widgets(muralId);
  expect(widgets.filter((w) => w.type === 'area').length).toBeGreaterThan(0);
  expect(widgets.some((w) => w.hidden && w.text.startsWith('touchpoint-state:v1 '))).toBe(true);
  // The embedded view shows the map (the double serves a drawing of the mural).
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.reload();
  await expect(side.getByText(/On this board/)).toBeVisible({ timeout: 20_000 });
  const embedded = page.frameLocator('iframe[title="The mural"]');
  await expect(embedded.getByText('Awareness').first()).toBeVisible({ timeout: 20_000 });
  await screenshot(page, 'mural-02-map-created');

  // A participant adds pain points through the API (as another MURAL user would); the
  // facilitator groups them from the Group tab.
  await addPainPoints(muralId);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await side.getByRole('tab', { name: 'Group' }).click();
  const scope = side.getByLabel('Notes', { exact: true });
  await expect(scope).toBeEnabled({ timeout: 15_000 });
  await scope.selectOption({ label: 'Lane: Pain points' });
  await expect(side.locator('.tp-group-tab__count').first()).toHaveText('8 notes', {
    timeout: 15_000,
  });
  await side.getByRole('button', { name: 'Group notes' }).click();
  await expect(side.getByRole('heading', { name: /^Preview/ })).toBeVisible();
  const visibleTexts = () =>
    server.widgets(muralId).filter((w) => w.type === 'text' && !w.hidden).length;
  const textsBefore = visibleTexts();
  await side.getByRole('button', { name: 'Apply to board' }).click();
  await expect(side.getByText(/^Grouped \d+ notes? on the board\.$/)).toBeVisible({
    timeout: 30_000,
  });
  // The group labels are on the mural (text widgets Touchpoint made).
  await expect.poll(visibleTexts).toBeGreaterThan(textsBefore);
  await page.reload();
  await expect(side.getByText(/On this board/)).toBeVisible({ timeout: 20_000 });
  await screenshot(page, 'mural-03-grouped');

  await side.getByRole('tab', { name: 'Export' }).click();
  await expect(side.getByRole('button', { name: 'Download JSON' })).toBeVisible();
  await screenshot(page, 'mural-04-export');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with MURAL' })).toBeVisible();
});
