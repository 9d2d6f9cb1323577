import { describe, expect, it } from 'vitest';
import { connectorsGoingWith, spanBetween } from './board-connectors';
import type { LocalConnector } from './local-board-types';

const line = (id: string, start: string, end: string): LocalConnector => ({
  id,
  type: 'connector',
  x: 0,
  y: 0,
  width: 1,
  height: 1,
  parentId: null,
  createdBy: 'u1',
  metadata: {},
  shape: 'curved',
  start: { item: start, snapTo: 'auto' },
  end: { item: end, snapTo: 'auto' },
  style: {
    strokeColor: '#000000',
    strokeWidth: 1,
    strokeStyle: 'normal',
    startStrokeCap: 'none',
    endStrokeCap: 'stealth',
  },
});

describe('spanBetween', () => {
  it('spans the centres of the two boxes, centred between them', () => {
    const a = { x: 0, y: 0, width: 100, height: 50 };
    const b = { x: 300, y: 200, width: 20, height: 20 };
    expect(spanBetween(a, b)).toEqual({ x: 180, y: 117.5, width: 260, height: 185 });
  });

  it('is at least 1 wide and 1 high', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(spanBetween(a, { ...a, y: 100 })).toEqual({ x: 5, y: 55, width: 1, height: 100 });
  });
});

describe('connectorsGoingWith', () => {
  it('takes the connectors with either end going, and adds their ids to going', () => {
    const lines = [line('c1', 'a', 'b'), line('c2', 'b', 'c'), line('c3', 'c', 'd')];
    const going = new Set(['b']);
    expect(connectorsGoingWith(lines, going).map((l) => l.id)).toEqual(['c1', 'c2']);
    expect([...going]).toEqual(['b', 'c1', 'c2']);
  });

  it('leaves out a connector already going', () => {
    expect(connectorsGoingWith([line('c1', 'a', 'b')], new Set(['a', 'c1']))).toEqual([]);
  });
});
