/**
 * Display colours of the playground. Sticky colours are Miro's 16 names, the same as the domain
 * palette, so the domain's hex values are reused; tag colours are Miro's tag colour names.
 */
import { PALETTE_HEX } from '../../../domain/board/board-item';
import type { StickyColor } from '../sdk/local-board-types';

export const STICKY_COLORS: readonly StickyColor[] = [
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

/** Miro's tag colours, as its UI shows them. */
const TAG_FILL: Record<string, string> = {
  red: '#f24726',
  magenta: '#da0063',
  violet: '#9510ac',
  light_green: '#8fd14f',
  green: '#0ca789',
  dark_green: '#0e7a3c',
  cyan: '#12cdd4',
  blue: '#2d9bf0',
  dark_blue: '#414bb2',
  yellow: '#fac710',
  gray: '#808080',
  black: '#1a1a1a',
};
const DEFAULT_TAG_FILL = '#414bb2';

/** Fill of a tag chip: a Miro tag colour name, or a hex colour as given. */
export function tagFill(color: string): string {
  if (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color)) return color;
  return TAG_FILL[color] ?? DEFAULT_TAG_FILL;
}

/** Relative luminance (WCAG) of a `#rgb` or `#rrggbb` colour; unknown strings count as light. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) return 1;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join('') : m[1];
  const channel = (i: number): number => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Dark or white text, whichever reads better on `fill`. */
export const textColorOn = (fill: string): string =>
  luminance(fill) < 0.35 ? '#ffffff' : '#1a1a1a';
