/**
 * Colours as people see them: Miro's tag colours as its UI draws them, and the ink (dark or white)
 * that reads best on a fill, by WCAG contrast. Used by the playground's chips and the panel's.
 */

/** Miro's 13 tag colour names → the fill its UI shows for them. */
export const TAG_COLOR_HEX = {
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
  dark_gray: '#525252',
} as const;
export type TagColorName = keyof typeof TAG_COLOR_HEX;

const DARK_INK = '#1a1a1a';
const LIGHT_INK = '#ffffff';

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

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dark or white text, whichever contrasts more with `fill`. */
export const inkOn = (fill: string): string =>
  contrastRatio(fill, LIGHT_INK) >= contrastRatio(fill, DARK_INK) ? LIGHT_INK : DARK_INK;
