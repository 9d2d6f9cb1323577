/**
 * `mural.html` served by the production server (`npm run serve`, server/serve.js) with its token
 * proxy, against the local MURAL API double (test/mural-server), which requires the client
 * secret: sign in through the PKCE redirect (the double approves at once) with the code exchange
 * going through the proxy, pick workspace → room → mural, create the classic map from the Map
 * tab, group a participant's pain points, open the Export tab.
 */
import { join } from 'node:path';
import { startServer } from '../../server/serve.js';
import { STATE_AREA_TITLE, STATE_PREFIX } from '../../src/board/mural/shared-state';
import { muralPanel } from '../mural-server/panel';
import { startMuralServer, type MuralServer } from '../mural-server/server';
import { expect, panel, screenshot, test } from './fixtures';
import { openInsights, rate } from './insights-steps';

let server: MuralServer;
let app: { origin: string; close(): Promise<void> };
const SECRET = 'browser-test-secret-9a7e';
const serverLogs: string[] = [];

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
  const board = muralPanel(server, muralId, { id: 'u-grace', firstName: 'Grace', lastName: 'H' });
  // Board coordinates (the adapter's), not MURAL's: read the map's lane and stages through it.
  const items = await board.listItems();
  const lane = items.find((i) => i.text === 'Pain points');
  if (!lane) throw new Error('No Pain points lane on the mural');
  const laneY = lane.rect.y;
  const stages = items
    .filter((i) => ['Awareness', 'Consideration', 'Purchase', 'Onboarding'].includes(i.text))
    .map((i) => i.rect.x)
    .sort((a, b) => a - b);
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
  server = await startMuralServer({
    app: { kind: 'confidential', clientId: 'touchpoint-browser-test', clientSecret: SECRET },
  });
  app = await startServer({
    root: join(import.meta.dirname, '..', '..', 'dist'),
    port: 0,
    env: {
      MURAL_CLIENT_ID: 'touchpoint-browser-test',
      MURAL_CLIENT_SECRET: SECRET,
      MURAL_ORIGIN: server.origin,
    },
    log: (line) => serverLogs.push(line),
  });
});
test.afterAll(async () => {
  await app.close();
  await server.close();
});

test('a facilitator connects to MURAL, picks a mural and creates a journey map on it, groups and exports', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const muralId = server.createMural('Onboarding workshop');
  // Everything the app's server sends the browser, to look for the secret in.
  const bodies: Promise<string>[] = [];
  // What the page fetched from the app's server: the MURAL page never needs the Miro adapter.
  const fetched: string[] = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(app.origin)) return;
    fetched.push(new URL(response.url()).pathname);
    bodies.push(response.text().catch(() => ''));
  });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${app.origin}/mural.html`);
  await expect(page.getByRole('heading', { name: 'Touchpoint for MURAL' })).toBeVisible();
  // The server runs the token proxy: the page says so, and the client id is the server's.
  await expect(page.getByText(/through this site’s token proxy/)).toBeVisible();
  await expect(page.getByLabel('Client id of your MURAL app')).toHaveValue(
    'touchpoint-browser-test',
  );
  await page.getByText('What is a client id?').click();
  await expect(page.getByText(`${app.origin}/mural.html`)).toBeVisible();
  await screenshot(page, 'mural-01-connect-320');
  await page.setViewportSize({ width: 1400, height: 900 });
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
  expect(fetched.some((path) => path.startsWith('/assets/workshop-panel-'))).toBe(true);
  expect(fetched.filter((path) => /miro-adapter/.test(path))).toEqual([]);
  await side.getByRole('button', { name: 'Create on board' }).click();
  await expect(side.getByText(/created/i)).toBeVisible({ timeout: 60_000 });
  const widgets = server.widgets(muralId);
  expect(widgets.filter((w) => w.type === 'area').length).toBeGreaterThan(1);
  // Shared state: one locked data area, its entries inside it.
  const dataAreas = widgets.filter((w) => w.type === 'area' && w.title === STATE_AREA_TITLE);
  expect(dataAreas).toHaveLength(1);
  expect(dataAreas[0]!.locked).toBe(true);
  expect(
    widgets.filter((w) => w.parentId === dataAreas[0]!.id && w.text.startsWith(STATE_PREFIX))
      .length,
  ).toBeGreaterThan(0);
  // The title is a textbox styled with textbox fields only.
  const title = widgets.find((w) => w.type === 'text' && typeof w.style.fontSize === 'number');
  expect(title?.style).not.toHaveProperty('fontColor');
  await page.getByText('Where Touchpoint keeps its data on this mural').click();
  await expect(page.getByText(/Deleting it resets Touchpoint for everyone/)).toBeVisible();
  await screenshot(page, 'mural-02a-data-area-notice');
  // The embedded view shows the map (the double serves a drawing of the mural). Reloaded, the
  // embed waits for the settings: it never asks MURAL's default address for this mural.
  const defaultHost: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith('https://app.mural.co/')) defaultHost.push(request.url());
  });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.reload();
  await expect(side.getByText(/On this board/)).toBeVisible({ timeout: 20_000 });
  const embedded = page.frameLocator('iframe[title="The mural"]');
  await expect(embedded.getByText('Awareness').first()).toBeVisible({ timeout: 20_000 });
  expect(defaultHost).toEqual([]);
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
  const dataArea = dataAreas[0]!.id;
  const visibleTexts = () =>
    server.widgets(muralId).filter((w) => w.type === 'text' && w.parentId !== dataArea).length;
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

  // An anonymous round runs in MURAL's own voting session: the mural keeps no ballot.
  await side.getByRole('tab', { name: 'Vote' }).click();
  await side.getByRole('button', { name: 'Start a round…' }).click();
  await side.getByLabel('Title').fill('Which fee pain first?');
  await side.getByLabel(/^Anonymous/).check();
  await expect(side.getByTestId('anonymity-limits')).toContainText('board’s own voting session');
  await expect(side.getByTestId('anonymity-limits')).toContainText('cannot be taken back');
  await screenshot(page, 'mural-03b-anonymous-form');
  await side.getByRole('button', { name: 'Start round' }).click();
  await expect(side.getByText('Round “Which fee pain first?” started.')).toBeVisible({
    timeout: 15_000,
  });
  await side
    .getByRole('button', { name: /^Vote for:/ })
    .first()
    .click();
  await expect(side.getByTestId('budget')).toHaveText('2 of 3 votes left', { timeout: 15_000 });
  await expect(
    side.getByRole('button', { name: /^Take back a vote from:/ }).first(),
  ).toBeDisabled();
  // Another participant votes from their own MURAL account.
  const voter = server.issueToken({ id: 'u-lin', firstName: 'Lin', lastName: 'P' }).accessToken;
  const someNote = server
    .widgets(muralId)
    .find((w) => w.type === 'sticky note' && w.text === PAIN_POINTS[4]);
  const voted = await fetch(
    `${server.apiBase}/murals/${muralId}/voting-sessions/vote/${someNote!.id}`,
    { method: 'POST', headers: { authorization: `Bearer ${voter}` } },
  );
  expect(voted.status).toBe(204);
  await expect(side.getByTestId('round-progress')).toHaveText(
    '2 votes cast, counted by the board',
    { timeout: 30_000 },
  );
  await screenshot(page, 'mural-03c-anonymous-round');
  // Nothing on the mural is a ballot; no widget Touchpoint wrote names the voter.
  const stateTexts = server
    .widgets(muralId)
    .filter((w) => w.text.startsWith(STATE_PREFIX))
    .map((w) => w.text);
  expect(stateTexts.some((t) => /"k":"round:/.test(t))).toBe(true);
  expect(stateTexts.some((t) => /"k":"a?ballot:/.test(t))).toBe(false);
  await side.getByRole('button', { name: 'End voting' }).click();
  await expect(side.getByText(/ended/i).first()).toBeVisible({ timeout: 15_000 });

  // The facilitator rates three stages and draws the emotion curve: points joined by arrows.
  await openInsights(page);
  for (const [stage, label] of [
    ['Awareness', 'Positive (1)'],
    ['Consideration', 'Very negative (-2)'],
    ['Purchase', 'Very positive (2)'],
  ] as const)
    await rate(side, stage, label);
  await side.getByRole('button', { name: 'Draw curve on board' }).click();
  await expect(side.getByText('Curve drawn on the board: 3 points and 2 lines.')).toBeVisible({
    timeout: 30_000,
  });
  const arrows = server.widgets(muralId).filter((w) => w.type === 'arrow');
  expect(arrows).toHaveLength(2);
  expect(arrows.every((a) => a.startRefId && a.endRefId && a.tip === 'no tip')).toBe(true);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.reload();
  await expect(side.getByText(/On this board/)).toBeVisible({ timeout: 20_000 });
  await expect(embedded.locator('polyline')).toHaveCount(2, { timeout: 20_000 });
  await screenshot(page, 'mural-03d-curve');

  await side.getByRole('tab', { name: 'Export' }).click();
  await expect(side.getByRole('button', { name: 'Download JSON' })).toBeVisible();
  const download = page.waitForEvent('download');
  await side.getByRole('button', { name: 'Download JSON' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile(file, 'utf8')) as {
    source: { platform: string };
    map: {
      stages: unknown[];
      voteRounds: {
        title: string;
        settings: { anonymous: boolean };
        totals: { votes: number }[];
      }[];
    };
  };
  expect(exported.source.platform).toBe('mural');
  expect(exported.map.stages.length).toBeGreaterThan(0);
  const anonymousRound = exported.map.voteRounds.find((r) => r.title === 'Which fee pain first?');
  expect(anonymousRound?.settings.anonymous).toBe(true);
  expect(anonymousRound?.totals.reduce((sum, t) => sum + t.votes, 0)).toBe(2);
  expect(JSON.stringify(exported.map.voteRounds)).not.toMatch(/u-lin|u-ada|Lin P/);
  await screenshot(page, 'mural-04-export');

  // The secret reached neither the browser nor the server's log.
  const sent = await Promise.all(bodies);
  expect(sent.length).toBeGreaterThan(3);
  for (const text of [...sent, ...serverLogs]) expect(text).not.toContain(SECRET);
  expect(serverLogs.some((line) => /authorization_code → 200/.test(line))).toBe(true);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with MURAL' })).toBeVisible();
});
