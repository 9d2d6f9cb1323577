import { TAG_COLOR_HEX, type TagColorName } from '../board/colors';
import { stageTagTitle, type MapSpec } from './map-spec';

/**
 * Stage tag colours, in the order stages take them: neighbours differ in hue and lightness so the
 * chips of adjacent stages are easy to tell apart. Miro's tag colours only (it refuses others); the
 * light ones come last because they carry little colour on a white board. Gray is left out: no
 * ink reads on it at 4.5:1.
 */
export const STAGE_TAG_COLORS: readonly TagColorName[] = [
  'blue',
  'red',
  'dark_green',
  'violet',
  'yellow',
  'dark_blue',
  'magenta',
  'green',
  'cyan',
  'light_green',
  'black',
  'dark_gray',
];

/** The tag colour of a map's i-th stage; cycles past the 12 colours. */
export function stageTagColor(index: number): TagColorName {
  const n = STAGE_TAG_COLORS.length;
  return STAGE_TAG_COLORS[((Math.floor(index) % n) + n) % n] as TagColorName;
}

/** The fill a chip of the i-th stage shows. */
export const stageChipFill = (index: number): string => TAG_COLOR_HEX[stageTagColor(index)];

/**
 * The colour of the stage tag titled `title` in `spec` (stage id → tag title in `tagTitles`, else
 * `Stage · <name>`), or undefined when no stage of the map has that tag.
 */
export function stageTagColorOf(
  spec: MapSpec,
  tagTitles: Readonly<Record<string, string>> | undefined,
  title: string,
): TagColorName | undefined {
  const index = spec.stages.findIndex(
    (s) => (tagTitles?.[s.id] ?? stageTagTitle(s.name)) === title,
  );
  return index < 0 ? undefined : stageTagColor(index);
}
