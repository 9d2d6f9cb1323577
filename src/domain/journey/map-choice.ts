/**
 * Which map the Map tab shows when the board's maps change: the chosen one while it is there;
 * when it is gone (or on the first read), the board's first map, or a new draft when there is
 * none — unless the facilitator is drafting a new map (nothing chosen, edited).
 */
export function followedMapId(
  ids: readonly string[],
  chosen: string | null,
  edited: boolean,
): { id: string | null } | 'keep' {
  if (chosen !== null && ids.includes(chosen)) return 'keep';
  const drafting = chosen === null && edited;
  return drafting ? 'keep' : { id: ids[0] ?? null };
}
