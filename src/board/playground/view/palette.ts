/**
 * Display colours of the playground. Sticky colours are Miro's 16 names, the same as the domain
 * palette, so the domain's hex values are reused; tag colours are Miro's tag colour names.
 */
import { PALETTE_HEX } from '../../../domain/board/board-item';
import { inkOn, TAG_COLOR_HEX } from '../../../domain/board/colors';
import type { StickyColor } from '../sdk/local-board-types';

/**
 * The sticky colours in the order the colour picker shows them (yellows to blues, then violet,
 * pinks and red, gray and black last): the same 16 as the SDK double's `STICKY_COLORS`, which
 * keep the domain palette's order.
 */
export const PICKER_COLORS: readonly StickyColor[] = [
  'light_yellow',
  'yellow',
  'orange',
  'light_green',
  'green',
  'dark_green',
  'cyan',
  'light_blue',
  'blue',
  'dark_blue',
  'violet',
  'light_pink',
  'pink',
  'red',
  'gray',
  'black',
];

export const STICKY_FILL: Record<StickyColor, string> = PALETTE_HEX;

export const STICKY_LABEL: Record<StickyColor, string> = {
  gray: 'Gray',
  light_yellow: 'Light yellow',
  yellow: 'Yellow',
  orange: 'Orange',
  light_green: 'Light green',
  green: 'Green',
  dark_green: 'Dark green',
  cyan: 'Cyan',
  light_pink: 'Light pink',
  pink: 'Pink',
  violet: 'Violet',
  red: 'Red',
  light_blue: 'Light blue',
  blue: 'Blue',
  dark_blue: 'Dark blue',
  black: 'Black',
};

const DEFAULT_TAG_FILL = TAG_COLOR_HEX.dark_blue;

/** Fill of a tag chip: a Miro tag colour name, or a hex colour as given. */
export function tagFill(color: string): string {
  if (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color)) return color;
  return (TAG_COLOR_HEX as Record<string, string>)[color] ?? DEFAULT_TAG_FILL;
}

/** Dark or white text, whichever reads better on `fill`. */
export const textColorOn = inkOn;
