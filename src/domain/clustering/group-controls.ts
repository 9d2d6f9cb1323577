/**
 * The Group tab's engine controls as the engine's numbers: the granularity slider's steps and an
 * exact number of groups. Pure.
 */

/** Slider steps: −4 … +4 → granularity −1 … +1. */
export const GRANULARITY_STEPS = 4;

/** A slider step kept within −GRANULARITY_STEPS … +GRANULARITY_STEPS. */
export const clampGranularityStep = (step: number): number =>
  Math.max(-GRANULARITY_STEPS, Math.min(GRANULARITY_STEPS, step));

/** The engine's granularity (−1 … +1) for a slider step. */
export const granularityOf = (step: number): number => step / GRANULARITY_STEPS;

/** An exact number of groups: a whole number, at least 1; null (or not a number) for none. */
export const exactGroupCount = (k: number | null): number | null =>
  k === null || !Number.isFinite(k) ? null : Math.max(1, Math.round(k));
