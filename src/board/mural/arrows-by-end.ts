import type { MuralWidget } from './widgets';

/** Arrow ids by the widget either end is connected to (an arrow joining a widget to itself once). */
export function arrowsByEnd(arrows: readonly MuralWidget[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const arrow of arrows)
    for (const end of new Set([arrow.arrow?.startRefId, arrow.arrow?.endRefId]))
      if (end) index.set(end, [...(index.get(end) ?? []), arrow.id]);
  return index;
}
