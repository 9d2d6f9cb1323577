import { describe, expect, it } from 'vitest';
import { OpError } from '../batch-engine';
import { adoptMade } from './adopt-made';
import { muralWidget as widget } from './testing/mural-widget';

const note = (text: string, x: number, parentId?: string) => ({
  x,
  y: 10,
  width: 138,
  height: 138,
  text,
  ...(parentId ? { parentId } : {}),
});

describe('adoptMade', () => {
  const a = widget({ id: 'a', text: 'One', x: 0.3, y: 10 });
  const b = widget({ id: 'b', text: 'Two', x: 200, y: 9.6 });

  it('adopts, for each body, a widget of the same type, place (within half a unit) and text', () => {
    const made = adoptMade([b, a], 'sticky note', [note('One', 0), note('Two', 200)], new Set());
    expect(made?.map((w) => w.id)).toEqual(['a', 'b']);
  });

  it('adopts nothing when none is there, or only other types, parents or texts', () => {
    const others = [
      widget({ id: 's', type: 'shape', text: 'One', y: 10 }),
      widget({ id: 'p', text: 'One', y: 10, parentId: 'area' }),
      widget({ id: 't', text: 'one', y: 10 }),
      widget({ id: 'f', text: 'One', x: 0.5, y: 10 }),
    ];
    expect(adoptMade(others, 'sticky note', [note('One', 0)], new Set())).toBeNull();
  });

  it('matches an area by its title and a widget by its parent area', () => {
    const area = widget({ id: 'ar', type: 'area', title: 'Stage', y: 10 });
    expect(adoptMade([area], 'area', [{ x: 0, y: 10, title: 'Stage' }], new Set())).toEqual([area]);
    const child = widget({ id: 'c', text: 'One', y: 10, parentId: 'ar' });
    expect(adoptMade([child], 'sticky note', [note('One', 0, 'ar')], new Set())).toEqual([child]);
  });

  it('never adopts a widget adopted before', () => {
    expect(adoptMade([a], 'sticky note', [note('One', 0)], new Set(['a']))).toBeNull();
  });

  it('refuses when only some of the request is on the mural', () => {
    const bodies = [note('One', 0), note('Three', 400)];
    expect(() => adoptMade([a, b], 'sticky note', bodies, new Set())).toThrow(OpError);
    expect(() => adoptMade([a, b], 'sticky note', bodies, new Set())).toThrow(
      'Only 1 of 2 sticky note widgets of an interrupted request are on the mural',
    );
  });
});
