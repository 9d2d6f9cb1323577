/**
 * What one run of the engine is given: the scope's notes as engine inputs with their pins, the
 * pins still in the scope, the team's own groups as pins, and the engine's options from the
 * Group tab's controls. Pure: `app/grouping/grouping-session.ts` reads the board and calls these.
 */
import type { GroupNotesOptions, NoteInput } from './group-notes';

type Pins = Readonly<Record<string, string>>;

/** The notes as the engine's inputs; a pinned note carries its hand-made group's name. */
export function toNoteInputs(
  list: readonly { id: string; text: string }[],
  pinned: Pins,
): NoteInput[] {
  return list.map((n) => {
    const pinnedGroup = pinned[n.id];
    return pinnedGroup === undefined
      ? { id: n.id, text: n.text }
      : { id: n.id, text: n.text, pinnedGroup };
  });
}

/** Pins of notes no longer in the scope are dropped. */
export function pinsInScope(pinned: Pins, list: readonly { id: string }[]): Record<string, string> {
  const inScope = new Set(list.map((n) => n.id));
  return Object.fromEntries(Object.entries(pinned).filter(([id]) => inScope.has(id)));
}

/** The team's own groups (each a list of note ids) as pins: note id → "Team group <n>". */
export function teamGroupPins(groups: readonly (readonly string[])[]): Record<string, string> {
  const pins: Record<string, string> = {};
  groups.forEach((ids, i) => {
    for (const id of ids) pins[id] = `Team group ${i + 1}`;
  });
  return pins;
}

/** The engine's options: an exact number of groups wins over the granularity; progress as a fraction. */
export function engineOptions(
  settings: { granularity: number; k: number | null },
  onProgress?: (fraction: number) => void,
): GroupNotesOptions {
  const engine: GroupNotesOptions = { onProgress: onProgress && ((f) => onProgress(f)) };
  if (settings.k !== null) engine.k = settings.k;
  else engine.granularity = settings.granularity;
  return engine;
}
