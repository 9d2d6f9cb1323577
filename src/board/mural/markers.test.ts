import { describe, expect, it } from 'vitest';
import type { BoardItem, ItemMarker } from '../../domain/board/board-item';
import { markerPrint, parseMarkers, settleMarkers, withMarker } from './markers';

const MAP: ItemMarker = { m: 'map-1', r: 'cell' };
const LABEL: ItemMarker = { m: 'map-1', r: 'label', k: 'g1' };

function note(id: string, meta: ItemMarker | null = null): BoardItem {
  return {
    id,
    kind: 'note',
    rect: { x: 10.4, y: -20.6, w: 199.7, h: 200 },
    text: 'Fees unclear',
    parentId: null,
    tags: [],
    color: 'yellow',
    meta,
  };
}

describe('parseMarkers', () => {
  it('reads markers with and without a key, and leaves out what is not a marker', () => {
    const json = JSON.stringify({
      a: MAP,
      b: LABEL,
      c: { m: 'x' },
      d: 'nope',
      e: { m: 1, r: 'r' },
    });
    expect([...parseMarkers(json)]).toEqual([
      ['a', MAP],
      ['b', LABEL],
    ]);
  });

  it('has none without an entry or with an entry that is not an object', () => {
    expect(parseMarkers(undefined).size).toBe(0);
    expect(parseMarkers('[1,2]').size).toBe(0);
  });
});

describe('withMarker', () => {
  it('keeps a marker the item has by id', () => {
    const item = note('w1', LABEL);
    const intents = new Map([[markerPrint('note', item.rect, item.text), MAP]]);
    expect(withMarker(item, intents)).toBe(item);
  });

  it('gives an unmarked item the intent stored for its kind, rounded place and text', () => {
    const item = note('w1');
    const print = 'p:note|10|-21|200|200|Fees unclear';
    expect(markerPrint('note', item.rect, item.text)).toBe(print);
    expect(withMarker(item, new Map([[print, MAP]])).meta).toEqual(MAP);
  });

  it('leaves an item unmarked when no intent matches its text', () => {
    const item = note('w1');
    const other = markerPrint('note', item.rect, 'Other text');
    expect(withMarker(item, new Map([[other, MAP]])).meta).toBeNull();
  });
});

describe('settleMarkers', () => {
  it('marks by id what reads as marked, adds what the batch made, drops intents and gone widgets', () => {
    const print = markerPrint('note', note('x').rect, 'Fees unclear');
    const stored = new Map<string, ItemMarker>([
      ['kept', MAP],
      ['gone', MAP],
      [print, LABEL],
    ]);
    // `w1` reads as marked through the intent; `w2` was made by this batch.
    const items = [note('kept', MAP), note('w1', LABEL), note('w2'), note('plain')];
    expect(settleMarkers(stored, items, [['w2', LABEL]])).toEqual({
      kept: MAP,
      w1: LABEL,
      w2: LABEL,
    });
  });

  it("prefers what the batch made over a widget's earlier marker", () => {
    const stored = new Map<string, ItemMarker>([['w1', MAP]]);
    expect(settleMarkers(stored, [note('w1', MAP)], [['w1', LABEL]])).toEqual({ w1: LABEL });
  });
});
