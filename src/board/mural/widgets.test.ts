import { describe, expect, it } from 'vitest';
import { PALETTE, PALETTE_HEX } from '../../domain/board/board-item';
import {
  absolutePosition,
  htmlToText,
  muralHex,
  nearestPaletteColor,
  parseWidget,
  toBoardItem,
} from './widgets';
import { muralWidget as widget } from './testing/mural-widget';

describe('MURAL widgets', () => {
  it('adds up x, y through nested areas', () => {
    const areas = new Map([
      ['outer', widget({ id: 'outer', type: 'area', x: 1000, y: 500, parentId: null })],
      ['inner', widget({ id: 'inner', type: 'area', x: 100, y: 50, parentId: 'outer' })],
    ]);
    const note = widget({ x: 10, y: 20, parentId: 'inner' });
    expect(absolutePosition(note, (id) => areas.get(id))).toEqual({ x: 1110, y: 570 });
    // An unknown parent stops the walk where it is.
    expect(absolutePosition({ x: 1, y: 2, parentId: 'gone' }, () => undefined)).toEqual({
      x: 1,
      y: 2,
    });
  });

  it('stops on a cyclic chain', () => {
    const a = widget({ id: 'a', type: 'area', x: 1, y: 1, parentId: 'a' });
    expect(absolutePosition(widget({ parentId: 'a' }), () => a)).toEqual({ x: 32, y: 32 });
  });

  it('maps every palette colour to itself and free colours to the nearest', () => {
    for (const color of PALETTE) {
      expect(nearestPaletteColor(muralHex(color))).toBe(color);
      expect(nearestPaletteColor(PALETTE_HEX[color])).toBe(color);
    }
    // MURAL's default yellow sticky.
    expect(nearestPaletteColor('#FCFE7DFF')).toBe('light_yellow');
    expect(nearestPaletteColor('#F1929EFF')).toBe('red');
    expect(nearestPaletteColor('#6bd7f9')).toBe('blue');
    expect(nearestPaletteColor('#FFFFFF')).toBe('gray');
    expect(nearestPaletteColor('#111')).toBeNull();
    expect(nearestPaletteColor('blue')).toBeNull();
  });

  it('turns rich text into plain text', () => {
    expect(htmlToText('<p>One &amp; <b>two</b></p><p>three&nbsp;&#x1F600;&#233;</p>')).toBe(
      'One & two\nthree\u00a0😀é',
    );
    expect(htmlToText('a<br>b<br/>c &lt;i&gt; &bogus;')).toBe('a\nb\nc <i> &bogus;');
    // The same references as on Miro: typographic names, and what a browser shows for the
    // numeric ones no character has (U+FFFD, never a lone surrogate); one pass only.
    expect(htmlToText('<p>&ldquo;Fees&rdquo; &mdash; &euro;5&hellip;</p>')).toBe('“Fees” — €5…');
    expect(htmlToText('<p>&#0; &#xD800; &#99999999; &amp;lt;</p>')).toBe(
      '\ufffd \ufffd \ufffd &lt;',
    );
  });

  it('validates widgets from unknown bodies', () => {
    expect(parseWidget({ id: 'x', type: 'shape' })).toBeNull();
    expect(parseWidget(null)).toBeNull();
    expect(parseWidget({ id: 'x', type: 'shape', x: 1, y: 2, tags: ['t', 3] })).toMatchObject({
      tags: ['t'],
      parentId: null,
      width: 0,
    });
  });

  it('translates to a board item with absolute rect, colour, tags and text', () => {
    const area = widget({ id: 'a', type: 'area', x: 500, y: 400, title: 'Map' });
    const item = toBoardItem(
      widget({
        id: 'n',
        x: 10,
        y: 20,
        parentId: 'a',
        htmlText: '<p>Hi &amp; bye</p>',
        style: { backgroundColor: '#FFF9B1FF' },
        tags: ['t1', 'gone'],
      }),
      {
        area: (id) => (id === 'a' ? area : undefined),
        tagTitle: (id) => (id === 't1' ? 'Stage · A' : undefined),
        marker: () => null,
      },
    );
    expect(item).toEqual({
      id: 'n',
      kind: 'note',
      text: 'Hi & bye',
      rect: { x: 510, y: 420, w: 138, h: 138 },
      color: 'light_yellow',
      tags: ['Stage · A'],
      parentId: 'a',
      meta: null,
    });
    const ctx = { area: () => undefined, tagTitle: () => undefined, marker: () => null };
    expect(toBoardItem(area, ctx)).toMatchObject({ kind: 'frame', text: 'Map', color: null });
    expect(toBoardItem(widget({ type: 'arrow' }), ctx)).toMatchObject({
      kind: 'other',
      platformType: 'arrow',
    });
  });
});

describe('MURAL arrows as board items', () => {
  const context = {
    area: (id: string) =>
      id === 'area' ? widget({ id, type: 'area', x: 1000, y: 500 }) : undefined,
    tagTitle: () => undefined,
    marker: () => null,
  };
  const arrow = (over: Record<string, unknown>) =>
    parseWidget({
      id: 'a',
      type: 'arrow',
      x: 10,
      y: 20,
      width: 100,
      height: 40,
      parentId: 'area',
      points: [
        { x: 0, y: 40 },
        { x: 100, y: 0 },
      ],
      startRefId: 's',
      endRefId: 'e',
      ...over,
    })!;

  it('reports an arrow connected at both ends as a line: the widgets it joins and where, absolute', () => {
    expect(toBoardItem(arrow({}), context)).toMatchObject({
      kind: 'other',
      platformType: 'arrow',
      ends: { from: 's', to: 'e', at: { from: { x: 1010, y: 560 }, to: { x: 1110, y: 520 } } },
    });
  });

  it('does not report a loose arrow, or one without a path, as a line', () => {
    expect(toBoardItem(arrow({ endRefId: null }), context).ends).toBeUndefined();
    expect(toBoardItem(arrow({ startRefId: '' }), context).ends).toBeUndefined();
    expect(toBoardItem(arrow({ points: [{ x: 0, y: 0 }] }), context).ends).toBeUndefined();
    expect(toBoardItem(arrow({ points: 'no' }), context).ends).toBeUndefined();
  });
});
