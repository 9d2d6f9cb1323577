import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { BoardUser } from '../../board/port';
import { addFacilitator, guard, loadFacilitators, removeFacilitator } from './facilitators';

const ALEX: BoardUser = { id: 'u-alex', name: 'Alex' };
const SAM: BoardUser = { id: 'u-sam', name: 'Sam' };

function boards() {
  const local = createLocalBoard();
  const as = (u: BoardUser) => createMiroBoard(local.connect(u), { platform: 'playground' });
  return { alex: as(ALEX), sam: as(SAM) };
}

describe('facilitators on the board', () => {
  it('the first to act becomes the facilitator; a participant is then refused, until named', async () => {
    const { alex, sam } = boards();
    expect(await guard(alex, ALEX, 'create-map')).toEqual({ ok: true });
    expect((await loadFacilitators(sam)).ids).toEqual(['u-alex']);
    const refused = await guard(sam, SAM, 'start-round');
    expect(refused).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/\(Alex\) can start vote rounds/),
    });
    // A participant cannot name themselves through the use case.
    expect(await addFacilitator(sam, SAM, SAM)).toMatchObject({ ok: false });
    expect(await addFacilitator(alex, ALEX, SAM)).toEqual({ ok: true });
    expect(await guard(sam, SAM, 'apply-groups')).toEqual({ ok: true });
    expect(await removeFacilitator(sam, SAM, 'u-alex')).toEqual({ ok: true });
    expect(await removeFacilitator(sam, SAM, 'u-sam')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/at least one facilitator/),
    });
    expect(await guard(alex, ALEX, 'update-map')).toMatchObject({ ok: false });
  });
});
