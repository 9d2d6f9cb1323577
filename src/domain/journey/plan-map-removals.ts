/**
 * The removals' side of "Update on board" (plan-map-update.ts): a removed stage or lane that
 * still holds notes is planned only once the facilitator confirms it (`confirmRemove`).
 */
import type { MapSpec } from './map-spec';
import type { NoteInCell } from './plan-map-notes';
import type { RemovalConfirmation } from './plan-map-update';

/** The removed stages (first) and lanes with notes in them that were not confirmed yet. */
export function removalsToConfirm(
  previous: MapSpec,
  next: MapSpec,
  placed: readonly NoteInCell[],
  confirmRemove: readonly string[] = [],
): RemovalConfirmation[] {
  const confirmed = new Set(confirmRemove);
  const nextStages = new Set(next.stages.map((s) => s.id));
  const nextLanes = new Set(next.lanes.map((l) => l.id));
  const removedStages = previous.stages.filter((s) => !nextStages.has(s.id));
  const removedLanes = previous.lanes.filter((l) => !nextLanes.has(l.id));
  const countIn = (match: (c: { stageId: string; laneId: string }) => boolean) =>
    placed.filter((p) => p.cell && match(p.cell)).length;

  const needsConfirmation: RemovalConfirmation[] = [];
  for (const s of removedStages) {
    const n = countIn((c) => c.stageId === s.id);
    if (n > 0 && !confirmed.has(s.id))
      needsConfirmation.push({ kind: 'stage', stageId: s.id, name: s.name, notes: n });
  }
  for (const l of removedLanes) {
    const n = countIn((c) => c.laneId === l.id);
    if (n > 0 && !confirmed.has(l.id))
      needsConfirmation.push({ kind: 'lane', laneId: l.id, name: l.name, notes: n });
  }
  return needsConfirmation;
}
