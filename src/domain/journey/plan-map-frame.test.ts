import { describe, expect, it } from 'vitest';
import { FRAME_KEY, LAYOUT, layoutMap, type MapLayout } from './layout';
import type { MapSpec } from './map-spec';
import { frameAround, planFrameSteps } from './plan-map-frame';
import type { MapState } from './plan-map-update';
import { sampleSpec } from './testing/sample-spec';

const spec: MapSpec = {
  ...sampleSpec,
  stages: sampleSpec.stages.slice(0, 1),
  lanes: sampleSpec.lanes.slice(0, 1),
};
const layout = layoutMap(spec, { x: 100, y: 200 });
const frame = layout.geometry.frame;
const byKey = (l: MapLayout) => new Map(l.items.map((i) => [i.key, i]));
const state = (over: Partial<MapState> = {}): MapState => ({
  spec,
  layout,
  itemIds: { [FRAME_KEY]: 'f1' },
  ...over,
});

describe('frameAround', () => {
  it('is the layout’s frame while every note is inside it', () => {
    expect(frameAround(layout, [])).toEqual(frame);
    expect(frameAround(layout, [{ x: frame.x + 10, y: frame.y + 10, w: 200, h: 200 }])).toEqual(
      frame,
    );
  });

  it('keeps the padding around notes past its right and top edges', () => {
    const p = LAYOUT.padding;
    const right = { x: frame.x + frame.w - 50, y: frame.y + 100, w: 200, h: 200 };
    expect(frameAround(layout, [right])).toEqual({ ...frame, w: frame.w + 150 + p });
    const top = { x: frame.x + 100, y: frame.y - 30, w: 200, h: 200 };
    expect(frameAround(layout, [top])).toEqual({
      x: frame.x,
      y: frame.y - 30 - p,
      w: frame.w,
      h: frame.h + 30 + p,
    });
  });
});

describe('planFrameSteps', () => {
  it('creates a frame with no id at the planned size, first', () => {
    const big = { ...frame, w: frame.w + 300 };
    const steps = planFrameSteps(state({ itemIds: {} }), byKey(layout), byKey(layout), big);
    expect(steps).toEqual({
      first: [
        { op: 'create', key: FRAME_KEY, item: { ...byKey(layout).get(FRAME_KEY)!, rect: big } },
      ],
      last: [],
    });
  });

  it('plans nothing when the frame stays, and re-sends it on resync or a new title', () => {
    expect(planFrameSteps(state(), byKey(layout), byKey(layout), frame)).toEqual({
      first: [],
      last: [],
    });
    const resent = { op: 'update', key: FRAME_KEY, id: 'f1', rect: frame, text: 'Onboarding' };
    expect(planFrameSteps(state(), byKey(layout), byKey(layout), frame, true).first).toEqual([
      resent,
    ]);
    const renamed = layoutMap({ ...spec, title: 'Renewal' }, layout.origin);
    expect(planFrameSteps(state(), byKey(layout), byKey(renamed), frame).first).toEqual([
      { ...resent, text: 'Renewal' },
    ]);
  });

  it('grows to hold the old and new area first, and shrinks to the new one last', () => {
    const handGrown = { ...frame, x: frame.x - 400, w: frame.w + 400 };
    const lower = { ...frame, y: frame.y + 100 };
    const grown = { ...handGrown, h: handGrown.h + 100 };
    expect(
      planFrameSteps(state({ frame: handGrown }), byKey(layout), byKey(layout), lower),
    ).toEqual({
      first: [{ op: 'update', key: FRAME_KEY, id: 'f1', rect: grown, text: 'Onboarding' }],
      last: [{ op: 'update', key: FRAME_KEY, id: 'f1', rect: lower }],
    });
    expect(
      planFrameSteps(state({ frame: handGrown }), byKey(layout), byKey(layout), frame),
    ).toEqual({
      first: [],
      last: [{ op: 'update', key: FRAME_KEY, id: 'f1', rect: frame }],
    });
  });
});
