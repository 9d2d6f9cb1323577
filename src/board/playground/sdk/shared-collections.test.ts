import type { Json } from '../../miro/sdk';
import { describe, expect, it } from 'vitest';
import { createLocalBoard } from './local-board';

const alex = { id: 'u-alex', name: 'Alex' };
const sam = { id: 'u-sam', name: 'Sam' };

describe('storage collections', () => {
  it('are shared by every connected user', async () => {
    const board = createLocalBoard();
    const a = board.connect(alex).board.storage.collection('touchpoint');
    const b = board.connect(sam).board.storage.collection('touchpoint');
    await a.set('map', { stages: ['Awareness'] });
    expect(await b.get('map')).toEqual({ stages: ['Awareness'] });
    await b.remove('map');
    expect(await a.get('map')).toBeUndefined();
  });

  it('onValue fires for every subscriber on every change, with a new version; last write wins', async () => {
    const board = createLocalBoard();
    const a = board.connect(alex).board.storage.collection('votes');
    const b = board.connect(sam).board.storage.collection('votes');
    const seenA: [Json | undefined, string][] = [];
    const seenB: [Json | undefined, string][] = [];
    await a.onValue('round-1', (v, version) => seenA.push([v, version]));
    await b.onValue('round-1', (v, version) => seenB.push([v, version]));
    await a.set('round-1', { open: true });
    await b.set('round-1', { open: false });
    expect(seenA.map(([v]) => v)).toEqual([{ open: true }, { open: false }]);
    expect(seenB).toEqual(seenA);
    expect(seenA[0]?.[1]).not.toBe(seenA[1]?.[1]);
    expect(await a.get('round-1')).toEqual({ open: false });
  });

  it('offValue stops delivery and stored values are copies', async () => {
    const board = createLocalBoard();
    const a = board.connect(alex).board.storage.collection('c');
    const seen: unknown[] = [];
    const handler = (v: unknown) => seen.push(v);
    await a.onValue('k', handler);
    await a.offValue('k', handler);
    const value = { n: 1 };
    await a.set('k', value);
    value.n = 2;
    expect(seen).toEqual([]);
    expect(await a.get('k')).toEqual({ n: 1 });
  });

  it('persists in state() and restores', async () => {
    const board = createLocalBoard();
    await board.connect(alex).board.storage.collection('c').set('k', [1, 2]);
    const restored = createLocalBoard({ state: board.state() });
    expect(await restored.connect(sam).board.storage.collection('c').get('k')).toEqual([1, 2]);
  });
});
