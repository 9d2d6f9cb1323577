import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../board/board-item';
import { adoptMapItems, findMapItems, recoverMapItems, STRAY_PREFIX } from './adopt-map-items';
import { FRAME_KEY, layoutMap, type LayoutItem } from './layout';
import type { MapRecord } from './map-record';
import type { MapSpec } from './map-spec';

const spec: MapSpec = {
  id: 'm1',
  title: 'Onboarding',
  presetId: 'blank',
  persona: null,
  stages: [
    { id: 's1', name: 'Join' },
    { id: 's2', name: 'Use' },
  ],
  lanes: [{ id: 'l1', name: 'Actions', kind: 'actions' }],
};
const origin = { x: 100, y: 200 };
const layout = layoutMap(spec, origin);
const itemOf = (key: string): LayoutItem => layout.items.find((i) => i.key === key)!;
const frameItem = itemOf(FRAME_KEY);
const header = layout.items.find((i) => i.role === 'stage-header')!;

/** What the board reports for an item made from `want`. */
const made = (id: string, want: LayoutItem, over: Partial<BoardItem> = {}): BoardItem => ({
  id,
  kind: want.role === 'frame' ? 'frame' : want.role === 'title' ? 'text' : 'shape',
  text: want.text,
  rect: want.rect,
  color: null,
  tags: [],
  parentId: want.role === 'frame' ? null : 'frame-id',
  meta: null,
  ...over,
});

const record = (itemIds: Record<string, string>): MapRecord => ({
  version: 1,
  spec,
  origin,
  size: layout.size,
  geometry: layout.geometry,
  itemIds,
  tagTitles: {},
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  incomplete: true,
});

describe('recoverMapItems', () => {
  it('keeps the recorded ids still on the board and drops the others', () => {
    const items = [made('frame-id', frameItem), made('h1', header)];
    const { frame, itemIds } = recoverMapItems(
      record({ [FRAME_KEY]: 'frame-id', [header.key]: 'h1', gone: 'deleted' }),
      'm1',
      items,
    );
    expect(frame?.id).toBe('frame-id');
    expect(itemIds).toEqual({ [FRAME_KEY]: 'frame-id', [header.key]: 'h1' });
  });

  it('finds a frame whose id was lost: by its marker, else by its title and place', () => {
    const marked = made('f-marked', frameItem, {
      meta: { m: 'm1', r: 'frame', k: FRAME_KEY },
      rect: { ...frameItem.rect, x: 5000 },
    });
    const unmarked = made('f-unmarked', frameItem, {
      rect: { ...frameItem.rect, x: frameItem.rect.x + 0.6 },
    });
    expect(recoverMapItems(record({}), 'm1', [unmarked, marked]).frame?.id).toBe('f-marked');
    expect(recoverMapItems(record({}), 'm1', [unmarked]).frame?.id).toBe('f-unmarked');
    const moved = made('f-moved', frameItem, { rect: { ...frameItem.rect, x: 9000 } });
    expect(recoverMapItems(record({}), 'm1', [moved]).frame).toBeUndefined();
  });

  it('files a recorded item outside the frame as a stray, to be made again inside it', () => {
    const items = [made('frame-id', frameItem), made('h1', header, { parentId: null })];
    const { itemIds } = recoverMapItems(
      record({ [FRAME_KEY]: 'frame-id', [header.key]: 'h1' }),
      'm1',
      items,
    );
    expect(itemIds).toEqual({ [FRAME_KEY]: 'frame-id', [`${STRAY_PREFIX}h1`]: 'h1' });
  });
});

describe('adoptMapItems', () => {
  it('adopts an unrecorded item in the frame by kind, text and place, and files a second copy', () => {
    const itemIds: Record<string, string> = { [FRAME_KEY]: 'frame-id' };
    const items = [
      made('frame-id', frameItem),
      made('copy-1', header),
      made('copy-2', header, { parentId: null }),
      made('other-text', header, { text: 'Something else' }),
    ];
    expect(adoptMapItems(items, 'frame-id', [layout.items], itemIds)).toBe(true);
    expect(itemIds[header.key]).toBe('copy-1');
    expect(itemIds[`${STRAY_PREFIX}copy-2`]).toBe('copy-2');
    expect(Object.values(itemIds)).not.toContain('other-text');
  });

  it('changes nothing when every item is recorded', () => {
    const itemIds: Record<string, string> = { [FRAME_KEY]: 'frame-id', [header.key]: 'h1' };
    const items = [made('frame-id', frameItem), made('h1', header)];
    expect(adoptMapItems(items, 'frame-id', [layout.items], itemIds)).toBe(false);
    expect(itemIds).toEqual({ [FRAME_KEY]: 'frame-id', [header.key]: 'h1' });
  });
});

describe('findMapItems', () => {
  const frameOnBoard = (over: Partial<BoardItem> = {}) => made('frame-id', frameItem, over);

  it('lays the map out from the frame where it is now, and adopts what the layout finds there', () => {
    const dx = 700;
    const moved = (want: LayoutItem) => ({ ...want.rect, x: want.rect.x + dx });
    const items = [
      frameOnBoard({ rect: moved(frameItem) }),
      made('h-moved', header, { rect: moved(header) }),
    ];
    const found = findMapItems(record({ [FRAME_KEY]: 'frame-id' }), spec, items);
    expect(found.frame?.id).toBe('frame-id');
    expect(found.origin).toEqual({ x: frameItem.rect.x + dx, y: frameItem.rect.y });
    expect(found.itemIds).toEqual({ [FRAME_KEY]: 'frame-id', [header.key]: 'h-moved' });
    expect(found.changed).toBe(true);
  });

  it('adopts by the wanted layout too (an update that stopped halfway)', () => {
    const wanted: MapSpec = { ...spec, stages: [...spec.stages, { id: 's3', name: 'Leave' }] };
    const newHeader = layoutMap(wanted, origin).items.find(
      (i) => i.role === 'stage-header' && i.text === 'Leave',
    )!;
    const items = [frameOnBoard(), made('h3', newHeader)];
    const found = findMapItems(record({ [FRAME_KEY]: 'frame-id' }), wanted, items);
    expect(found.itemIds[newHeader.key]).toBe('h3');
  });

  it('keeps the recorded origin without a frame, and says when a recorded item has gone', () => {
    const found = findMapItems(record({ [header.key]: 'gone' }), spec, []);
    expect(found.frame).toBeUndefined();
    expect(found.origin).toEqual(origin);
    expect(found.itemIds).toEqual({});
    expect(found.changed).toBe(true);
  });

  it('changes nothing when the record names what the board holds', () => {
    const items = [frameOnBoard(), made('h1', header)];
    const found = findMapItems(
      record({ [FRAME_KEY]: 'frame-id', [header.key]: 'h1' }),
      spec,
      items,
    );
    expect(found.itemIds).toEqual({ [FRAME_KEY]: 'frame-id', [header.key]: 'h1' });
    expect(found.changed).toBe(false);
  });
});
