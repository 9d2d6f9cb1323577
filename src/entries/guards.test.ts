/**
 * The entries call the facilitator guard before every facilitator's action (issue 9 §6): a
 * participant on a board with a named facilitator is refused with the reason, and nothing is
 * written.
 */
import { describe, expect, it } from 'vitest';
import { addFacilitator } from '../app/roles/facilitators';
import { loadMapIds } from '../app/map/map-store';
import { loadRounds } from '../app/voting/vote-store';
import { openWorkshop } from '../app/workshop';
import { createMiroBoard } from '../board/miro/adapter';
import { createLocalBoard } from '../board/playground/sdk/local-board';
import type { BoardUser } from '../board/port';
import { createSpecFromPreset, findPreset } from '../domain/journey/presets';
import { mapUseCases } from './panel-services';
import { exportUseCases } from './services/export';
import { voteUseCases } from './services/vote';
import { insightsUseCases } from './services/insights';

const ALEX: BoardUser = { id: 'u-alex', name: 'Alex' };
const SAM: BoardUser = { id: 'u-sam', name: 'Sam' };
const hooks = { signal: new AbortController().signal, onProgress: () => undefined };
describe('facilitator guards in the entries', () => {
  it('refuses a participant’s map, import and round, writing nothing', async () => {
    const local = createLocalBoard();
    const as = (u: BoardUser) => createMiroBoard(local.connect(u), { platform: 'playground' });
    const alex = as(ALEX);
    await addFacilitator(alex, ALEX, ALEX);
    const sam = await openWorkshop(as(SAM), { db: null, problem: 'none' });
    let n = 0;
    const spec = createSpecFromPreset(findPreset('classic')!, () => `k${n++}`);

    const created = await mapUseCases.createMap(sam, spec, hooks);
    expect(created).toMatchObject({
      status: 'refused',
      problems: [{ message: expect.stringMatching(/\(Alex\) can create maps/) }],
    });
    const imported = await exportUseCases.importMap(sam, '{}', {
      ...hooks,
      onProgress: () => undefined,
    });
    expect(imported).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/import a map/),
    });
    const round = await voteUseCases.startRound(sam, {});
    expect(round).toMatchObject({ ok: false, reason: expect.stringMatching(/start vote rounds/) });
    for (const run of [insightsUseCases.drawCurve, insightsUseCases.removeCurve])
      expect(await run(sam, spec.id)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/draw the emotion curve/),
      });
    expect(await loadMapIds(alex)).toEqual([]);
    expect(await loadRounds(alex, new Date().toISOString())).toEqual([]);

    // Named by Alex, Sam may.
    await addFacilitator(alex, ALEX, SAM);
    expect(await mapUseCases.createMap(sam, spec, hooks)).toMatchObject({ status: 'done' });
  });
});
