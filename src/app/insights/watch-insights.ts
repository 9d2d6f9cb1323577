/**
 * Follows what the Insights tab shows, so it stays live while participants rate, pick their
 * departments, add notes or vote: note events from the board, and watches on the insights keys
 * (each slot list, and each key it lists as it grows). Changes are coalesced: `fn` runs once per
 * burst, `delayMs` after the last change, and the tab reads everything again then.
 */
import type { Board, Unsubscribe } from '../../board/port';
import { watchSlots } from '../voting/slot-list';
import { ROUND_SLOTS, votes } from '../voting/vote-store';
import { curveKey } from './curve-store';
import { insights, keys } from './insights-store';

export function watchInsights(
  board: Board,
  mapId: string,
  stageIds: readonly string[],
  fn: () => void,
  delayMs = 300,
): Unsubscribe {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  // Each watch also calls back once with the value it starts on: one extra read, no harm.
  const changed = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!closed) fn();
    }, delayMs);
  };
  const shared = insights(board);
  const stops: Unsubscribe[] = [];
  /** Watches a slot list and, as it grows, what each entry names (`follow`). */
  const followList = (prefix: string, follow: (entry: string) => Unsubscribe) => {
    const watched = new Map<string, Unsubscribe>();
    stops.push(
      watchSlots(shared, prefix, (entries) => {
        for (const entry of entries) if (!watched.has(entry)) watched.set(entry, follow(entry));
        changed();
      }),
      () => watched.forEach((stop) => stop()),
    );
  };
  followList(keys.raters(mapId), (rater) => shared.watch(keys.rating(mapId, rater), changed));
  followList(keys.members, (user) => shared.watch(keys.department(user), changed));
  followList(keys.kpis(mapId), (kpi) => {
    const stopKpi = shared.watch(keys.kpi(mapId, kpi), changed);
    const stopReadings = watchSlots(shared, keys.readings(mapId, kpi), changed);
    return () => {
      stopKpi();
      stopReadings();
    };
  });
  stops.push(shared.watch(keys.personas(mapId), changed));
  // The curve drawn, updated or removed by a facilitator's panel.
  stops.push(shared.watch(curveKey(mapId), changed));
  for (const stageId of stageIds)
    stops.push(shared.watch(keys.raci(mapId, { kind: 'stage', id: stageId }), changed));
  // Rounds started or ballots cast change the coverage's vote counts.
  stops.push(watchSlots(votes(board), ROUND_SLOTS, changed));
  for (const event of ['items:create', 'items:update', 'items:delete'] as const)
    stops.push(board.on(event, changed));
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    stops.forEach((stop) => stop());
  };
}
