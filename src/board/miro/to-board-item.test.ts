import { describe, expect, it } from 'vitest';
import { createFrameResolver, type CentreGeometry } from './coordinates';
import type { SdkFrame, SdkItem, SdkShape, SdkStickyNote, SdkText } from './sdk';
import { isDotShape, toBoardItem, toItemKind, type ItemContext } from './to-board-item';

// SDK objects need methods the translation never calls.
const methods = {
  sync: async () => undefined,
  getMetadata: async () => ({}),
  setMetadata: async () => ({}),
} as unknown as Pick<SdkStickyNote, 'sync' | 'getMetadata' | 'setMetadata'>;

const sticky = (over: Partial<SdkStickyNote> = {}): SdkStickyNote => ({
  ...methods,
  id: 'n1',
  type: 'sticky_note',
  x: 0,
  y: 0,
  parentId: null,
  width: 199,
  height: 228,
  shape: 'square',
  content: '<p>Hello</p>',
  style: { fillColor: 'light_yellow', textAlign: 'center', textAlignVertical: 'middle' },
  tagIds: [],
  createdBy: 'u1',
  ...over,
});

const shape = (over: Partial<SdkShape> = {}): SdkShape =>
  ({
    ...methods,
    id: 's1',
    type: 'shape',
    x: 0,
    y: 0,
    parentId: null,
    width: 100,
    height: 100,
    shape: 'rectangle',
    content: '',
    style: { fillColor: '#ffffff' },
    ...over,
  }) as SdkShape;

const frames = new Map<string, CentreGeometry>([
  ['F', { x: 500, y: 300, width: 1000, height: 600, parentId: null }],
]);
const ctx: ItemContext = {
  frames: createFrameResolver(frames),
  tagTitle: (id) => ({ t1: 'Stage · Awareness', t2: 'Hot' })[id],
};

describe('toBoardItem', () => {
  it('translates a sticky note: plain text, top-left rect, palette colour, tag titles', () => {
    const item = toBoardItem(
      sticky({
        x: 100,
        y: 200,
        content: '<p>Fish &amp; chips</p><p>today</p>',
        tagIds: ['t1', 'gone', 't2'],
      }),
      ctx,
    );
    expect(item).toEqual({
      id: 'n1',
      kind: 'note',
      text: 'Fish & chips\ntoday',
      rect: { x: 0.5, y: 86, w: 199, h: 228 },
      color: 'light_yellow',
      tags: ['Stage · Awareness', 'Hot'],
      parentId: null,
      meta: null,
      authorId: 'u1',
    });
  });

  it('makes a child of a frame absolute and keeps its parent id', () => {
    const item = toBoardItem(sticky({ x: 100, y: 114, parentId: 'F' }), ctx);
    expect(item.rect).toEqual({ x: 0.5, y: 0, w: 199, h: 228 });
    expect(item.parentId).toBe('F');
  });

  it('gives null for a colour outside the palette', () => {
    const odd = sticky();
    (odd.style as { fillColor: string }).fillColor = '#123456';
    expect(toBoardItem(odd, ctx).color).toBeNull();
  });

  it('tells dot stickers from shapes: circle or star, at most 60 wide', () => {
    expect(toBoardItem(shape({ shape: 'circle', width: 40, height: 40 }), ctx).kind).toBe('dot');
    expect(toBoardItem(shape({ shape: 'star', width: 60, height: 60 }), ctx).kind).toBe('dot');
    expect(toBoardItem(shape({ shape: 'circle', width: 61, height: 61 }), ctx).kind).toBe('shape');
    expect(toBoardItem(shape({ shape: 'rectangle', width: 20, height: 20 }), ctx).kind).toBe(
      'shape',
    );
    expect(isDotShape('circle', 60)).toBe(true);
  });

  it('reads shape and text content as plain text, and a frame by its title', () => {
    expect(toBoardItem(shape({ content: '<p><strong>Pain</strong> points</p>' }), ctx).text).toBe(
      'Pain points',
    );
    const text = {
      ...methods,
      id: 't',
      type: 'text',
      x: 0,
      y: 0,
      parentId: null,
      width: 100,
      height: 20,
      content: '<p>Hi &lt;3</p>',
      style: {},
    } as SdkText;
    expect(toBoardItem(text, ctx)).toMatchObject({ kind: 'text', text: 'Hi <3' });
    const frame = {
      ...methods,
      id: 'F2',
      type: 'frame',
      x: 0,
      y: 0,
      parentId: null,
      width: 100,
      height: 100,
      title: ' Map ',
      style: { fillColor: '#fff' },
      childrenIds: [],
    } as unknown as SdkFrame;
    expect(toBoardItem(frame, ctx)).toMatchObject({
      kind: 'frame',
      text: 'Map',
      rect: { x: -50, y: -50, w: 100, h: 100 },
    });
  });

  it('keeps anything else as other, with its platform type and whatever geometry it has', () => {
    const stamp = {
      id: 'e1',
      type: 'stamp',
      x: 10,
      y: 10,
      width: 20,
      height: 20,
      parentId: 'F',
    } as SdkItem;
    expect(toBoardItem(stamp, ctx)).toMatchObject({
      kind: 'other',
      platformType: 'stamp',
      text: '',
      rect: { x: 0, y: 0, w: 20, h: 20 },
      parentId: 'F',
    });
    const connector: SdkItem = { id: 'c1', type: 'connector' };
    expect(toBoardItem(connector, ctx)).toMatchObject({
      kind: 'other',
      rect: { x: 0, y: 0, w: 0, h: 0 },
    });
    expect(toItemKind(connector)).toBe('other');
  });

  it('carries a marker that was read', () => {
    expect(toBoardItem(sticky(), { ...ctx, meta: { m: 'map', r: 'cell' } }).meta).toEqual({
      m: 'map',
      r: 'cell',
    });
  });
});
