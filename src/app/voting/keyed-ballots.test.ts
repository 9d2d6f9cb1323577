/**
 * Keyed ballots on their own (the writer's queue aside): each device's part of a voter's ballot,
 * listed before it is written; take-backs from another part; repairs; no name in anonymous rounds
 * of earlier versions. Races and panels closed mid-write are in test/app/vote-lists-concurrency.
 */
import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import type { SharedCollection } from '../../board/port';
import { legacyVoterKey } from '../../domain/voting/anonymous-voter-key';
import { ballotKey } from '../../domain/voting/vote-storage-keys';
import { createVoteRound, type VoteRound } from '../../domain/voting/vote-round';
import { createKeyedBallots } from './keyed-ballots';
import { readSlots } from './slot-list';
import { voterSlots, votes } from './vote-store';

const T = '2026-11-22T10:00:00.000Z';
const ANN = { id: 'u-ann', name: 'Ann' };

function setup() {
  const local = createLocalBoard();
  const shared = votes(createMiroBoard(local.connect(ANN), { platform: 'playground' }));
  const round: VoteRound = createVoteRound(
    {
      title: 'Biggest pain',
      target: {
        kind: 'selection',
        refId: null,
        description: 'Three notes',
        itemIds: ['A', 'B', 'C'],
      },
      votesPerPerson: 3,
      perItemCap: 2,
      weights: null,
      privacy: 'open',
      durationMinutes: null,
    },
    { id: 'r1', now: T, createdBy: 'u-fac' },
  );
  const work: Promise<unknown>[] = [];
  const device = (deviceId: string, on: SharedCollection = shared) =>
    createKeyedBallots(on, {
      now: () => T,
      deviceId,
      track: (w) => {
        work.push(w);
        return w;
      },
    });
  const settled = () => Promise.allSettled(work);
  return { shared, round, device, settled };
}

describe('keyed ballots', () => {
  it('writes this device’s part under <voterKey>~<deviceId>, listed in the voter list first', async () => {
    const { shared, round, device } = setup();
    const order: string[] = [];
    const logged: SharedCollection = {
      ...shared,
      set: async (key, value) => {
        order.push(key);
        await shared.set(key, value);
      },
    };
    const laptop = device('laptop', logged);
    const result = await laptop.apply(round, ANN, ANN.id, 'A', 1);
    expect(result).toMatchObject({ ok: true, remaining: 2 });
    expect(await readSlots(shared, voterSlots(round.id))).toEqual(['u-ann~laptop']);
    expect(await shared.get(ballotKey(round.id, 'u-ann~laptop'))).toMatchObject({
      voterKey: 'u-ann',
      part: 'laptop',
      voterName: 'Ann',
      votes: [{ itemId: 'A', count: 1 }],
    });
    expect(order).toEqual([`${voterSlots(round.id)}0`, ballotKey(round.id, 'u-ann~laptop')]);
    laptop.close();
  });

  it('takes a vote back from the voter’s other part when this device’s part lacks it', async () => {
    const { shared, round, device } = setup();
    const laptop = device('laptop');
    const phone = device('phone');
    await laptop.apply(round, ANN, ANN.id, 'A', 1);
    const back = await phone.apply(round, ANN, ANN.id, 'A', -1);
    expect(back).toMatchObject({ ok: true });
    expect(await shared.get(ballotKey(round.id, 'u-ann~laptop'))).toMatchObject({ votes: [] });
    expect(await shared.get(ballotKey(round.id, 'u-ann~phone'))).toBeUndefined();
    laptop.close();
    phone.close();
  });

  it('stores no name in an anonymous round of earlier versions', async () => {
    const { shared, round: open, device } = setup();
    const round: VoteRound = {
      ...open,
      privacy: 'anonymous',
      anonymous: { kind: 'legacy-hash', salt: 'salt' },
    };
    const key = legacyVoterKey(round.id, ANN.id, 'salt');
    const laptop = device('laptop');
    expect(await laptop.apply(round, ANN, key, 'A', 1)).toMatchObject({ ok: true });
    const stored = await shared.get(ballotKey(round.id, `${key}~laptop`));
    expect(stored).toMatchObject({ voterKey: key });
    expect(JSON.stringify(stored)).not.toContain('Ann');
    laptop.close();
  });

  it('repair lists this device’s part and an older panel’s plain-key ballot, and nothing absent', async () => {
    const { shared, round, device } = setup();
    const ballot = (part?: string) => ({
      roundId: round.id,
      voterKey: 'u-ann',
      updatedAt: T,
      votes: [{ itemId: 'A', count: 1 }],
      ...(part ? { part } : {}),
    });
    await shared.set(ballotKey(round.id, 'u-ann~laptop'), ballot('laptop'));
    await shared.set(ballotKey(round.id, 'u-ann'), ballot());
    const laptop = device('laptop');
    await laptop.repair(round, 'u-ann');
    expect(await readSlots(shared, voterSlots(round.id))).toEqual(['u-ann~laptop', 'u-ann']);
    const phone = device('phone');
    await phone.repair(round, 'u-ben');
    expect(await readSlots(shared, voterSlots(round.id))).toEqual(['u-ann~laptop', 'u-ann']);
    laptop.close();
    phone.close();
  });

  it('claims its slot again when another write replaces it, until closed', async () => {
    const { shared, round, device, settled } = setup();
    const slot0 = `${voterSlots(round.id)}0`;
    const wait = () => new Promise((r) => setTimeout(r, 30));
    const laptop = device('laptop');
    await laptop.apply(round, ANN, ANN.id, 'A', 1);
    await shared.set(slot0, 'u-ben~x');
    await wait();
    await settled();
    expect(await readSlots(shared, voterSlots(round.id))).toEqual(['u-ben~x', 'u-ann~laptop']);
    laptop.close();
    await shared.set(`${voterSlots(round.id)}1`, 'u-cy~y');
    await wait();
    await settled();
    expect(await readSlots(shared, voterSlots(round.id))).toEqual(['u-ben~x', 'u-cy~y']);
  });
});
