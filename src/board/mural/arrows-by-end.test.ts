import { describe, expect, it } from 'vitest';
import { arrowsByEnd } from './arrows-by-end';
import { muralWidget as widget } from './testing/mural-widget';

const arrow = (id: string, startRefId: string | null, endRefId: string | null) =>
  widget({ id, type: 'arrow', arrow: { points: [], startRefId, endRefId } });

describe('arrowsByEnd', () => {
  it('lists each arrow under the widgets its ends are connected to, once each', () => {
    const index = arrowsByEnd([
      arrow('x', 'a', 'b'),
      arrow('y', 'b', null),
      arrow('loop', 'c', 'c'),
      widget({ id: 'n' }),
    ]);
    expect(Object.fromEntries(index)).toEqual({ a: ['x'], b: ['x', 'y'], c: ['loop'] });
  });
});
