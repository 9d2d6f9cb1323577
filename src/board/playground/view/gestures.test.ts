import { describe, expect, it } from 'vitest';
import { pinchCamera, type Camera, type Point } from './camera';
import {
  moveGesture,
  ownsPointer,
  pinchStart,
  releaseGesture,
  startGesture,
  wheelAction,
  withDescendants,
  type Gesture,
  type GestureEntry,
  type Hit,
  type Press,
  type PressContext,
} from './gestures';

const entry = (id: string, type: string, parentId: string | null = null): GestureEntry => ({
  id,
  parentId,
  item: { type },
});

const entries = new Map(
  [
    entry('frame', 'frame'),
    entry('inner', 'frame', 'frame'),
    entry('child', 'sticky_note', 'inner'),
    entry('a', 'sticky_note'),
    entry('b', 'sticky_note'),
    entry('cell', 'shape'),
  ].map((e) => [e.id, e]),
);

const camera: Camera = { x: 100, y: 50, zoom: 2 };
const item = (id: string): Hit => ({ kind: 'item', id });
const background: Hit = { kind: 'background' };

const press = (hit: Hit, over: Partial<Press> = {}): Press => ({
  pointerId: 7,
  pointerType: 'mouse',
  button: 0,
  shiftKey: false,
  at: { x: 20, y: 40 },
  hit,
  ...over,
});

const context = (over: Partial<PressContext> = {}): PressContext => ({
  camera,
  spaceHeld: false,
  selection: [],
  entries,
  ...over,
});

const noFingers = new Map<number, Point>();

const box = (over: Partial<Extract<Gesture, { kind: 'box' }>> = {}): Gesture => ({
  kind: 'box',
  pointerId: 7,
  start: { x: 20, y: 40 },
  startBoard: { x: 110, y: 70 },
  camera,
  additive: false,
  base: [],
  clickId: null,
  box: null,
  ...over,
});

const drag = (over: Partial<Extract<Gesture, { kind: 'drag' }>> = {}): Gesture => ({
  kind: 'drag',
  pointerId: 7,
  start: { x: 20, y: 40 },
  camera,
  ids: ['a'],
  moving: new Set(['a']),
  clickId: null,
  dx: 0,
  dy: 0,
  moved: false,
  ...over,
});

describe('startGesture', () => {
  it('pans with the middle or right button, with space held, and with a finger on empty canvas', () => {
    const pans = [
      startGesture(press(item('a'), { button: 1 }), context()),
      startGesture(press(item('a'), { button: 2 }), context()),
      startGesture(press(item('a')), context({ spaceHeld: true })),
      startGesture(press(background, { pointerType: 'touch' }), context()),
    ];
    for (const p of pans) {
      expect(p).toEqual({
        gesture: { kind: 'pan', pointerId: 7, start: { x: 20, y: 40 }, from: camera, camera },
        select: null,
      });
    }
  });

  it('drags a note touched with a finger rather than panning', () => {
    expect(startGesture(press(item('a'), { pointerType: 'touch' }), context()).gesture?.kind).toBe(
      'drag',
    );
  });

  it('starts nothing for other buttons or an item the view does not draw', () => {
    expect(startGesture(press(background, { button: 3 }), context())).toEqual({
      gesture: null,
      select: null,
    });
    expect(startGesture(press(item('gone')), context())).toEqual({ gesture: null, select: null });
  });

  it('draws a box from empty canvas, added to the selection with shift', () => {
    const plain = startGesture(press(background), context({ selection: ['a'] }));
    expect(plain).toEqual({ gesture: box({ base: ['a'] }), select: null });
    const additive = startGesture(press(background, { shiftKey: true }), context());
    expect(additive.gesture).toMatchObject({ kind: 'box', additive: true });
  });

  it('toggles a shift-clicked item in the selection without a gesture', () => {
    expect(
      startGesture(press(item('b'), { shiftKey: true }), context({ selection: ['a'] })),
    ).toEqual({ gesture: null, select: ['a', 'b'] });
    expect(
      startGesture(press(item('a'), { shiftKey: true }), context({ selection: ['a', 'b'] })),
    ).toEqual({ gesture: null, select: ['b'] });
  });

  it('selects and drags an unselected note alone', () => {
    const started = startGesture(press(item('b')), context({ selection: ['a'] }));
    expect(started.select).toEqual(['b']);
    expect(started.gesture).toMatchObject({ kind: 'drag', ids: ['b'], clickId: null });
  });

  it('drags a frame with everything inside it', () => {
    const started = startGesture(press(item('frame')), context());
    expect(started.gesture?.kind === 'drag' && [...started.gesture.moving].sort()).toEqual([
      'child',
      'frame',
      'inner',
    ]);
  });

  it('drags the whole selection from a selected item; a click on it then selects it alone', () => {
    const many = startGesture(press(item('b')), context({ selection: ['a', 'b'] }));
    expect(many.select).toBeNull();
    expect(many.gesture).toMatchObject({ kind: 'drag', ids: ['a', 'b'], clickId: 'b' });
    const one = startGesture(press(item('cell')), context({ selection: ['cell'] }));
    expect(one.gesture).toMatchObject({ kind: 'drag', ids: ['cell'], clickId: null });
  });

  it('draws a box from an unselected shape, which a click selects', () => {
    const started = startGesture(press(item('cell')), context({ selection: ['a'] }));
    expect(started.select).toBeNull();
    expect(started.gesture).toMatchObject({
      kind: 'box',
      additive: false,
      base: [],
      clickId: 'cell',
    });
  });
});

describe('withDescendants', () => {
  it('adds children and grandchildren of the roots, not their neighbours', () => {
    expect([...withDescendants(entries, ['inner'])].sort()).toEqual(['child', 'inner']);
    expect([...withDescendants(entries, ['a'])]).toEqual(['a']);
  });
});

describe('pinchStart', () => {
  it('starts a pinch from the midpoint and spread of exactly two fingers', () => {
    const one = new Map([[1, { x: 0, y: 0 }]]);
    expect(pinchStart(one, camera)).toBeNull();
    const two = new Map([...one, [2, { x: 30, y: 40 }]]);
    expect(pinchStart(two, camera)).toEqual({
      kind: 'pinch',
      ids: [1, 2],
      start: { mid: { x: 15, y: 20 }, distance: 50 },
      from: camera,
      camera,
    });
  });
});

describe('moveGesture', () => {
  it('ignores pointers that are not the gesture’s', () => {
    expect(moveGesture(box(), 8, { x: 90, y: 90 }, noFingers)).toBeNull();
  });

  it('pans the camera from where it started', () => {
    const pan: Gesture = {
      kind: 'pan',
      pointerId: 7,
      start: { x: 20, y: 40 },
      from: camera,
      camera: { x: 0, y: 0, zoom: 2 },
    };
    const moved = moveGesture(pan, 7, { x: 30, y: 20 }, noFingers);
    const next = { x: 95, y: 60, zoom: 2 };
    expect(moved?.view).toEqual({ kind: 'camera', camera: next });
    expect(moved?.gesture).toMatchObject({ camera: next, from: camera });
  });

  it('shows a box only once the pointer has gone 3 px, then follows every move', () => {
    expect(moveGesture(box(), 7, { x: 22, y: 41 }, noFingers)).toBeNull();
    const shown = moveGesture(box(), 7, { x: 23, y: 40 }, noFingers);
    const expected = { x: 110, y: 70, width: 1.5, height: 0 };
    expect(shown?.view).toEqual({ kind: 'box', box: expected });
    expect(shown?.gesture).toMatchObject({ box: expected });
    const back = moveGesture(box({ box: expected }), 7, { x: 20, y: 42 }, noFingers);
    expect(back?.view).toEqual({ kind: 'box', box: { x: 110, y: 70, width: 0, height: 1 } });
  });

  it('drags in board units once past 3 px, then follows every move', () => {
    expect(moveGesture(drag(), 7, { x: 20, y: 42 }, noFingers)).toBeNull();
    const far = moveGesture(drag(), 7, { x: 40, y: 30 }, noFingers);
    expect(far?.view).toEqual({ kind: 'drag', moving: new Set(['a']), dx: 10, dy: -5 });
    expect(far?.gesture).toMatchObject({ moved: true, dx: 10, dy: -5 });
    const back = moveGesture(drag({ moved: true }), 7, { x: 21, y: 40 }, noFingers);
    expect(back?.view).toEqual({ kind: 'drag', moving: new Set(['a']), dx: 0.5, dy: 0 });
  });

  it('pinches from the two fingers’ current places', () => {
    const fingers = new Map([
      [1, { x: 0, y: 0 }],
      [2, { x: 10, y: 0 }],
    ]);
    const pinch = pinchStart(fingers, camera);
    if (!pinch) throw new Error('no pinch');
    const spread = new Map([...fingers, [2, { x: 20, y: 0 }]]);
    expect(moveGesture(pinch, 3, { x: 20, y: 0 }, spread)).toBeNull();
    const next = pinchCamera(
      camera,
      { mid: { x: 5, y: 0 }, distance: 10 },
      {
        mid: { x: 10, y: 0 },
        distance: 20,
      },
    );
    const midway = { ...pinch, camera: { x: 0, y: 0, zoom: 3 } };
    expect(moveGesture(midway, 2, { x: 20, y: 0 }, spread)?.view).toEqual({
      kind: 'camera',
      camera: next,
    });
  });
});

describe('ownsPointer', () => {
  it('owns a pinch’s two fingers and another gesture’s one pointer', () => {
    const pinch = pinchStart(
      new Map([
        [1, { x: 0, y: 0 }],
        [2, { x: 1, y: 1 }],
      ]),
      camera,
    );
    expect(pinch && [1, 2, 3].map((id) => ownsPointer(pinch, id))).toEqual([true, true, false]);
    expect([7, 8].map((id) => ownsPointer(box(), id))).toEqual([true, false]);
  });
});

describe('releaseGesture', () => {
  const rects = [
    { id: 'a', rect: { x: 0, y: 0, width: 10, height: 10 } },
    { id: 'b', rect: { x: 50, y: 50, width: 10, height: 10 } },
  ];
  const around = { x: -5, y: -5, width: 20, height: 20 };

  it('commits a pan’s or pinch’s camera', () => {
    const pan: Gesture = { kind: 'pan', pointerId: 7, start: { x: 0, y: 0 }, from: camera, camera };
    expect(releaseGesture(pan, rects)).toEqual({ kind: 'camera', camera });
  });

  it('selects what a box holds, added to the selection it began with when additive', () => {
    expect(releaseGesture(box({ box: around }), rects)).toEqual({ kind: 'select', ids: ['a'] });
    expect(releaseGesture(box({ box: around, additive: true, base: ['b', 'a'] }), rects)).toEqual({
      kind: 'select',
      ids: ['b', 'a'],
    });
  });

  it('treats a box never drawn as a click: the pressed shape, else clear, but not with shift', () => {
    expect(releaseGesture(box({ clickId: 'cell' }), rects)).toEqual({
      kind: 'select',
      ids: ['cell'],
    });
    expect(releaseGesture(box(), rects)).toEqual({ kind: 'select', ids: [] });
    expect(releaseGesture(box({ additive: true, base: ['a'] }), rects)).toEqual({
      kind: 'nothing',
    });
  });

  it('moves what was dragged, or on a click selects the pressed item alone', () => {
    expect(releaseGesture(drag({ moved: true, dx: 4, dy: -2 }), rects)).toEqual({
      kind: 'move',
      ids: ['a'],
      dx: 4,
      dy: -2,
    });
    expect(releaseGesture(drag({ clickId: 'a' }), rects)).toEqual({ kind: 'select', ids: ['a'] });
    expect(releaseGesture(drag(), rects)).toEqual({ kind: 'nothing' });
  });
});

describe('wheelAction', () => {
  const wheel = {
    deltaX: 0,
    deltaY: 0,
    deltaMode: 0,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
  };

  it('pans by the pixels scrolled, a line being 16 px and a page the canvas’s height', () => {
    expect(wheelAction({ ...wheel, deltaX: 5, deltaY: 30 }, 600)).toEqual({
      kind: 'pan',
      dx: 5,
      dy: 30,
    });
    expect(wheelAction({ ...wheel, deltaY: 3, deltaMode: 1 }, 600)).toEqual({
      kind: 'pan',
      dx: 0,
      dy: 48,
    });
    expect(wheelAction({ ...wheel, deltaY: 1, deltaMode: 2 }, 600)).toEqual({
      kind: 'pan',
      dx: 0,
      dy: 600,
    });
    expect(wheelAction({ ...wheel, deltaY: 1, deltaMode: 2 }, 0)).toEqual({
      kind: 'pan',
      dx: 0,
      dy: 800,
    });
  });

  it('turns a vertical scroll sideways with shift, unless it already has a sideways part', () => {
    expect(wheelAction({ ...wheel, deltaY: 40, shiftKey: true }, 600)).toEqual({
      kind: 'pan',
      dx: 40,
      dy: 0,
    });
    expect(wheelAction({ ...wheel, deltaX: 10, deltaY: 40, shiftKey: true }, 600)).toEqual({
      kind: 'pan',
      dx: 10,
      dy: 40,
    });
  });

  it('zooms with ctrl or cmd, in for a scroll up, at most doubling or halving', () => {
    const zoom = (w: Partial<typeof wheel>) => wheelAction({ ...wheel, ...w }, 600);
    expect(zoom({ deltaY: -10, ctrlKey: true })).toEqual({ kind: 'zoom', factor: Math.exp(0.1) });
    expect(zoom({ deltaY: 10, metaKey: true })).toEqual({ kind: 'zoom', factor: Math.exp(-0.1) });
    expect(zoom({ deltaY: -1000, ctrlKey: true })).toEqual({ kind: 'zoom', factor: 2 });
    expect(zoom({ deltaY: 1000, ctrlKey: true })).toEqual({ kind: 'zoom', factor: 0.5 });
    expect(zoom({ deltaY: 3, deltaMode: 1, ctrlKey: true })).toEqual({
      kind: 'zoom',
      factor: Math.exp(-0.48),
    });
  });
});
