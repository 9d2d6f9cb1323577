/**
 * MURAL polling within the app's shared budget: 30 participants' panels open on one mural (the
 * classic map plus 240 notes, about 330 widgets), each watching three shared keys and listening
 * for item events, against the local MURAL API double. Counts the requests a minute all 30 make
 * together, while active (a note added every 10 s, a shared value set every 30 s) and once quiet
 * (after two minutes of back-off), against MURAL's 10,000 a minute per app
 * (developers.mural.co/public/docs/rate-limiting); the target is under 10 %.
 *
 * Time is compressed (`SCALE`: one simulated minute takes 60 / SCALE real seconds): the poll
 * intervals are the adapter's defaults (`DEFAULT_POLL`) divided by SCALE and the double answers
 * at once, so a simulated minute's requests are a real minute's. Figures, never assertions.
 * Run alone with `npx tsx bench/mural-polling.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createMap } from '../src/app/map/create-map';
import { createMuralBoard } from '../src/board/mural/adapter';
import { createMuralClient } from '../src/board/mural/client';
import { DEFAULT_POLL, type PollTiming } from '../src/board/mural/poll-timing';
import type { Board, Unsubscribe, WriteOp } from '../src/board/port';
import { createIdFactory, createSpecFromPreset, findPreset } from '../src/domain/journey/presets';
import { startMuralServer, type MuralServer } from '../test/mural-server/server';

const PARTICIPANTS = 30;
const NOTES = 240;
const SCALE = 20;
const APP_LIMIT_PER_MINUTE = 10_000;
const SIM_MINUTE_MS = 60_000 / SCALE;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function boardFor(server: MuralServer, muralId: string, n: number, poll?: PollTiming): Board {
  const { accessToken } = server.issueToken({ id: `u-${n}`, firstName: `P${n}`, lastName: '' });
  const client = createMuralClient({
    apiBase: server.apiBase,
    tokens: {
      accessToken: () => Promise.resolve(accessToken),
      refresh: () => Promise.reject(new Error('no refresh in the bench')),
    },
  });
  return createMuralBoard(client, muralId, poll ? { poll } : {});
}

const note = (i: number, random: () => number): WriteOp => ({
  op: 'create',
  ref: `n${i}`,
  item: {
    kind: 'note',
    text: `Note ${i}`,
    rect: { x: -9_000 + Math.floor(random() * 6_000), y: 3_000 + (i % 20) * 150, w: 138, h: 138 },
    color: 'light_yellow',
  },
});

export async function benchMuralPolling(): Promise<Record<string, number>> {
  const server = await startMuralServer();
  const stops: Unsubscribe[] = [];
  try {
    const muralId = server.createMural('Polling bench');
    const random = lcg(11);
    const facilitator = boardFor(server, muralId, 0);
    const preset = findPreset('classic');
    if (!preset) throw new Error('The classic preset is missing');
    const outcome = await createMap(
      facilitator,
      createSpecFromPreset(preset, createIdFactory(lcg(7))),
    );
    if (outcome.status !== 'done') throw new Error(`createMap ended ${outcome.status}`);
    const notes = await facilitator.apply(Array.from({ length: NOTES }, (_, i) => note(i, random)));
    if (notes.failed.length > 0) throw new Error(notes.failed[0]!.message);
    await facilitator.shared('touchpoint-votes').set('round', { open: false });
    const widgets = server.widgets(muralId).length;

    const poll: PollTiming = {
      stateMs: DEFAULT_POLL.stateMs / SCALE,
      stateMaxMs: DEFAULT_POLL.stateMaxMs / SCALE,
      itemsMs: DEFAULT_POLL.itemsMs / SCALE,
      itemsMaxMs: DEFAULT_POLL.itemsMaxMs / SCALE,
      backoff: DEFAULT_POLL.backoff,
    };
    const panels = Array.from({ length: PARTICIPANTS }, (_, n) =>
      boardFor(server, muralId, n + 1, poll),
    );
    for (const panel of panels) {
      // What a panel follows: the map index and record, the open round, and item changes.
      const maps = panel.shared('touchpoint');
      stops.push(maps.watch('index', () => undefined));
      stops.push(maps.watch('map', () => undefined));
      stops.push(panel.shared('touchpoint-votes').watch('round', () => undefined));
      stops.push(panel.on('items:create', () => undefined));
    }

    // Active: a note every 10 s from a participant, a shared value every 30 s.
    let active = true;
    let made = 0;
    const activity = (async () => {
      for (let tick = 0; active; tick += 1) {
        const who = panels[Math.floor(random() * panels.length)]!;
        await who.apply([note(NOTES + (made += 1), random)]);
        if (tick % 3 === 2) await who.shared('touchpoint-votes').set('round', { open: true, tick });
        await sleep((10_000 / SCALE) | 0);
      }
    })();
    await sleep(SIM_MINUTE_MS / 2); // warm-up: first reads and lists
    let before = server.stats.requests;
    let limitedBefore = server.stats.rateLimited;
    await sleep(SIM_MINUTE_MS);
    const activePerMinute = server.stats.requests - before;
    const active429 = server.stats.rateLimited - limitedBefore;
    active = false;
    await activity;

    // Quiet: two minutes to back off, then one measured.
    await sleep(2 * SIM_MINUTE_MS);
    before = server.stats.requests;
    limitedBefore = server.stats.rateLimited;
    await sleep(SIM_MINUTE_MS);
    const quietPerMinute = server.stats.requests - before;
    const quiet429 = server.stats.rateLimited - limitedBefore;

    const pct = (n: number) => Math.round((n / APP_LIMIT_PER_MINUTE) * 1000) / 10;
    // The ceiling if something changed before every poll (no back-off at all): each panel reads
    // the state every stateMs and the whole list (a request per 100 widgets) every itemsMs.
    const pages = Math.ceil(widgets / 100);
    const ceiling =
      PARTICIPANTS *
      Math.round(60_000 / DEFAULT_POLL.stateMs + (60_000 / DEFAULT_POLL.itemsMs) * pages);
    const results: Record<string, number> = {
      participants: PARTICIPANTS,
      widgets,
      timeScale: SCALE,
      activeRequestsPerMinute: activePerMinute,
      activeShareOfAppLimitPct: pct(activePerMinute),
      active429,
      quietRequestsPerMinute: quietPerMinute,
      quietShareOfAppLimitPct: pct(quietPerMinute),
      quiet429,
      perParticipantActivePerMinute: Math.round((activePerMinute / PARTICIPANTS) * 10) / 10,
      ceilingRequestsPerMinute: ceiling,
      ceilingShareOfAppLimitPct: pct(ceiling),
    };
    for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(30)} ${value}`);
    return results;
  } finally {
    for (const stop of stops) stop();
    await server.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchMuralPolling();
}
