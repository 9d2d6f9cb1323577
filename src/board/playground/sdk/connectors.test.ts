/** The local board's connectors against the Web SDK reference "Connector" (see items.ts). */
import { describe, expect, it } from 'vitest';
import { createLocalBoard } from './local-board';

const alex = { id: 'u-alex', name: 'Alex' };

async function twoShapes() {
  const board = createLocalBoard();
  const sdk = board.connect(alex).board;
  const a = await sdk.createShape({ x: 0, y: 0, width: 50, height: 50 });
  const b = await sdk.createShape({ x: 300, y: 100, width: 50, height: 50 });
  return { board, sdk, a, b };
}

describe('connectors', () => {
  it('joins two items and follows them when one moves', async () => {
    const { board, sdk, a, b } = await twoShapes();
    const line = await sdk.createConnector({
      shape: 'straight',
      start: { item: a.id, snapTo: 'auto' },
      end: { item: b.id, snapTo: 'auto' },
      style: { strokeColor: '#4262ff', strokeWidth: 4, strokeStyle: 'dashed' },
    });
    expect(line).toMatchObject({
      type: 'connector',
      shape: 'straight',
      start: { item: a.id, snapTo: 'auto' },
      end: { item: b.id, snapTo: 'auto' },
      style: { strokeColor: '#4262ff', strokeWidth: 4, strokeStyle: 'dashed' },
    });
    expect(line).not.toHaveProperty('x');
    expect(board.absoluteRect(line.id)).toEqual({ x: 0, y: 0, width: 300, height: 100 });
    b.y = 300;
    await b.sync();
    expect(board.absoluteRect(line.id)).toEqual({ x: 0, y: 0, width: 300, height: 300 });
  });

  it('refuses loose, dangling, self-joined and doubly located ends', async () => {
    const { sdk, a, b } = await twoShapes();
    await expect(sdk.createConnector({ end: { item: b.id, snapTo: 'auto' } })).rejects.toThrow(
      /loose or dangling/,
    );
    await expect(
      sdk.createConnector({
        start: { item: a.id, snapTo: 'auto' },
        end: { item: 'nope', snapTo: 'auto' },
      }),
    ).rejects.toThrow(/does not exist/);
    await expect(
      sdk.createConnector({
        start: { item: a.id, snapTo: 'auto' },
        end: { item: a.id, snapTo: 'top' },
      }),
    ).rejects.toThrow(/two different items/);
    await expect(
      sdk.createConnector({
        start: { item: a.id, snapTo: 'auto', position: { x: 1, y: 0.5 } },
        end: { item: b.id, snapTo: 'auto' },
      }),
    ).rejects.toThrow(/not both/);
    await expect(
      sdk.createConnector({ start: { item: a.id }, end: { item: b.id, snapTo: 'auto' } }),
    ).rejects.toThrow(/position or snapTo/);
    await expect(
      sdk.createConnector({
        start: { item: a.id, snapTo: 'auto' },
        end: { item: b.id, snapTo: 'auto' },
        style: { strokeStyle: 'wavy' as 'dashed' },
      }),
    ).rejects.toThrow(/strokeStyle/);
  });

  it('goes when either end item is removed, with a delete event for it', async () => {
    const { board, sdk, a, b } = await twoShapes();
    const peer = board.connect({ id: 'u-sam', name: 'Sam' }).board;
    const deleted: string[] = [];
    peer.ui.on('items:delete', (e) => deleted.push(...e.items.map((i) => i.id)));
    const line = await sdk.createConnector({
      start: { item: a.id, snapTo: 'auto' },
      end: { item: b.id, snapTo: 'auto' },
    });
    await sdk.remove(b);
    expect(board.item(line.id)).toBeUndefined();
    expect(deleted).toEqual([b.id, line.id]);
    await expect(sdk.get({ id: line.id })).rejects.toThrow(/not found/);
  });
});
