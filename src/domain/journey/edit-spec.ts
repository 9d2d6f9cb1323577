/**
 * Small pure edits of a MapSpec for the Map tab. Each returns a new spec and leaves the input
 * untouched; an unknown id returns the spec unchanged (the UI may race with a remote update).
 * Names are stored as typed (trimmed); validateSpec says what is wrong with them.
 */
import type { Lane, MapSpec, Persona, Stage } from './map-spec';

export const setTitle = (spec: MapSpec, title: string): MapSpec => ({ ...spec, title });

export const setPersona = (spec: MapSpec, persona: Persona | null): MapSpec => ({
  ...spec,
  persona: persona ? { name: persona.name, summary: persona.summary } : null,
});

/** Inserts at `index` (default: at the end). */
export function addStage(spec: MapSpec, stage: Stage, index = spec.stages.length): MapSpec {
  return { ...spec, stages: insertAt(spec.stages, { ...stage }, index) };
}

export function renameStage(spec: MapSpec, stageId: string, name: string): MapSpec {
  return { ...spec, stages: spec.stages.map((s) => (s.id === stageId ? { ...s, name } : s)) };
}

export function moveStage(spec: MapSpec, stageId: string, toIndex: number): MapSpec {
  return { ...spec, stages: moveTo(spec.stages, stageId, toIndex) };
}

export function removeStage(spec: MapSpec, stageId: string): MapSpec {
  return { ...spec, stages: spec.stages.filter((s) => s.id !== stageId) };
}

export function addLane(spec: MapSpec, lane: Lane, index = spec.lanes.length): MapSpec {
  return { ...spec, lanes: insertAt(spec.lanes, { ...lane }, index) };
}

export function renameLane(spec: MapSpec, laneId: string, name: string): MapSpec {
  return { ...spec, lanes: spec.lanes.map((l) => (l.id === laneId ? { ...l, name } : l)) };
}

export function moveLane(spec: MapSpec, laneId: string, toIndex: number): MapSpec {
  return { ...spec, lanes: moveTo(spec.lanes, laneId, toIndex) };
}

export function removeLane(spec: MapSpec, laneId: string): MapSpec {
  return { ...spec, lanes: spec.lanes.filter((l) => l.id !== laneId) };
}

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(index)));
}

function insertAt<T>(list: readonly T[], value: T, index: number): T[] {
  const at = clampIndex(index, list.length);
  return [...list.slice(0, at), value, ...list.slice(at)];
}

function moveTo<T extends { id: string }>(list: readonly T[], id: string, toIndex: number): T[] {
  const from = list.findIndex((x) => x.id === id);
  if (from < 0) return [...list];
  const rest = list.filter((_, i) => i !== from);
  return insertAt(rest, list[from] as T, toIndex);
}

/** Trims the title, persona and every name: what gets written to the board and its tags. */
export function normalizeSpec(spec: MapSpec): MapSpec {
  return {
    ...spec,
    title: spec.title.trim(),
    persona: spec.persona
      ? { name: spec.persona.name.trim(), summary: spec.persona.summary.trim() }
      : null,
    stages: spec.stages.map((s) => ({ ...s, name: s.name.trim() })),
    lanes: spec.lanes.map((l) => ({ ...l, name: l.name.trim() })),
  };
}
