import type { MuralWidget } from '../widgets';

/** A MURAL widget as `parseWidget` gives it: a note at (0, 0) on the mural, unless told. */
export const muralWidget = (over: Partial<MuralWidget>): MuralWidget => ({
  id: 'w',
  type: 'sticky note',
  x: 0,
  y: 0,
  width: 138,
  height: 138,
  parentId: null,
  text: '',
  htmlText: null,
  title: '',
  style: {},
  tags: [],
  hidden: false,
  ...over,
});
