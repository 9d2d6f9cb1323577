import { describe, expect, it } from 'vitest';
import { checkFrameFits, DEFAULT_SHAPE_STYLE } from './items';
import type { LocalFrame, LocalItem } from './local-board-types';

const base = { parentId: 'f1', createdBy: 'u1', metadata: {} };
const frame: LocalFrame = {
  ...base,
  id: 'f1',
  type: 'frame',
  parentId: null,
  x: 0,
  y: 0,
  width: 400,
  height: 300,
  title: '',
  fillColor: '#ffffff',
  childrenIds: ['n1'],
};
const child = (x: number, y: number): LocalItem => ({
  ...base,
  id: 'n1',
  type: 'shape',
  shape: 'rectangle',
  content: '',
  x,
  y,
  width: 100,
  height: 100,
  style: DEFAULT_SHAPE_STYLE,
});

describe('checkFrameFits', () => {
  it('passes children wholly inside, edges touching', () => {
    expect(() => checkFrameFits(frame, [child(50, 50), child(350, 250)])).not.toThrow();
  });

  it('refuses a size that leaves a child outside, naming both', () => {
    expect(() => checkFrameFits(frame, [child(351, 50)])).toThrow(
      "Cannot resize frame 'f1' to 400×300: child 'n1' would fall outside it",
    );
  });
});
