import { PALETTE_HEX, type PaletteColor } from '../board/board-item';
import { luminance } from '../board/colors';

/** Distinct neighbours first, so the first few groups are easy to tell apart. */
const PREFERRED: readonly PaletteColor[] = [
  'light_yellow',
  'light_blue',
  'light_green',
  'light_pink',
  'orange',
  'cyan',
  'violet',
  'yellow',
  'green',
  'pink',
  'blue',
  'red',
  'dark_green',
  'dark_blue',
  'gray',
  'black',
];

/** Black note text needs about 4.5:1 contrast: (L + 0.05) / 0.05 ≥ 4.5 → L ≥ 0.175. */
export const GROUP_COLORS: readonly PaletteColor[] = PREFERRED.filter(
  (c) => luminance(PALETTE_HEX[c]) >= 0.175,
);

/** The colour of the i-th group; cycles when there are more groups than colours. */
export function groupColor(index: number): PaletteColor {
  const n = GROUP_COLORS.length;
  return GROUP_COLORS[((Math.floor(index) % n) + n) % n] as PaletteColor;
}
