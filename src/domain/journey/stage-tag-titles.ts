/**
 * Which board tag marks each stage of a map (issue 9 §1). Two maps on one board may both have a
 * "Consideration" stage; their tags must still differ, or one map's notes count in the other.
 * The first map to claim `Stage · <name>` keeps it; a later map gets its stages' tags with a
 * short prefix from its own title (`Café · Consideration`), always within the platform's
 * tag-title limit (MURAL 25 characters, Miro 120).
 */
import { stageTagTitle, type MapSpec } from './map-spec';

/** Tag titles compare as people read them: case, spacing and Unicode form do not matter. */
export const foldTagTitle = (title: string): string =>
  title.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export const TAG_PREFIX_SEPARATOR = ' · ';
/** Longest prefix taken from the map's title, so a tag stays readable in a chip. */
export const MAX_TAG_PREFIX = 10;

export interface StageTagNaming {
  /** Titles the other maps on the board hold (any spelling). */
  taken: Iterable<string>;
  /** The platform's longest tag title (Miro 120, MURAL 25). */
  maxTagTitle: number;
  /** This map's titles so far (stage id → title): kept while they still name the stage. */
  previous?: Readonly<Record<string, string>>;
}

/** Letters and digits of the map title's first word, e.g. "Café opening" → "Café". */
export function mapTagPrefix(title: string, room: number): string {
  const word = title
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .find((w) => w !== '');
  const base = word ?? 'Map';
  return [...base].slice(0, Math.max(1, room)).join('');
}

const endsWithName = (title: string, name: string): boolean =>
  foldTagTitle(title).endsWith(foldTagTitle(`${TAG_PREFIX_SEPARATOR}${name}`));

/**
 * Stage id → tag title for every stage of `spec`, none of them held by another map and no two
 * alike. A previous title is kept while it still ends in the stage's name and nobody else holds
 * it, so renaming the map or another stage never retags notes.
 */
export function chooseStageTagTitles(
  spec: MapSpec,
  naming: StageTagNaming,
): Record<string, string> {
  const used = new Set([...naming.taken].map(foldTagTitle));
  const out: Record<string, string> = {};
  const take = (stageId: string, title: string) => {
    out[stageId] = title;
    used.add(foldTagTitle(title));
  };
  const fits = (title: string) => title.length <= naming.maxTagTitle;
  const free = (title: string) => !used.has(foldTagTitle(title)) && fits(title);

  // Kept titles first, so a new stage cannot take a title an existing stage holds.
  const pending = spec.stages.filter((stage) => {
    const before = naming.previous?.[stage.id];
    if (before !== undefined && endsWithName(before, stage.name.trim()) && free(before)) {
      take(stage.id, before);
      return false;
    }
    return true;
  });
  for (const stage of pending) {
    const name = stage.name.trim();
    const plain = stageTagTitle(name);
    if (free(plain)) {
      take(stage.id, plain);
      continue;
    }
    const room = Math.min(
      MAX_TAG_PREFIX,
      naming.maxTagTitle - TAG_PREFIX_SEPARATOR.length - [...name].length,
    );
    const prefix = mapTagPrefix(spec.title, room);
    let chosen = `${prefix}${TAG_PREFIX_SEPARATOR}${name}`;
    for (let n = 2; !free(chosen) && n < 1000; n += 1) {
      const digits = String(n);
      const short = mapTagPrefix(spec.title, room - digits.length);
      chosen = `${short}${digits}${TAG_PREFIX_SEPARATOR}${name}`;
    }
    take(stage.id, chosen);
  }
  return out;
}

/** Longest short map name in pickers and scope labels, so a 320 px panel still shows the stage. */
export const MAX_SHORT_MAP_NAME = 14;

/** A map's title cut to a short name for pickers: "Customer journey map" → "Customer journ…". */
export function mapShortName(title: string): string {
  const chars = [...title.trim()];
  return chars.length <= MAX_SHORT_MAP_NAME
    ? chars.join('')
    : `${chars
        .slice(0, MAX_SHORT_MAP_NAME - 1)
        .join('')
        .trimEnd()}…`;
}
