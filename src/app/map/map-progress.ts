/** Progress and outcomes shared by createMap, updateMap and removeMap. */
import type { BatchProgress, Rect } from '../../board/port';
import type { MapRecord } from '../../domain/journey/map-record';
import type { RemovalConfirmation } from '../../domain/journey/plan-map-update';
import type { SpecProblem } from '../../domain/journey/validate-spec';

export interface MapProgress {
  /** checking: reading the board and validating; writing: the batch runs; saving: the record. */
  phase: 'checking' | 'writing' | 'saving' | 'done';
  /** Board operations finished and planned (0 of 0 outside 'writing'). */
  done: number;
  total: number;
  retries: number;
}

export interface MapRunOptions {
  onProgress?: (progress: MapProgress) => void;
  signal?: AbortSignal;
  /** Where to look for free space (default: the current view). */
  near?: Rect;
  /** Clock for the record's timestamps (tests). */
  now?: () => Date;
}

export type MapOutcome =
  | { status: 'done'; record: MapRecord }
  /** Nothing was written. */
  | { status: 'invalid'; problems: SpecProblem[] }
  /** Part was written; the record says what, and the next update completes the map. */
  | { status: 'incomplete'; record: MapRecord; cancelled: boolean; messages: string[] }
  /** Nothing was written: these removed stages or lanes hold notes; ask, then update again. */
  | { status: 'needs-confirmation'; items: RemovalConfirmation[] }
  | { status: 'not-found'; message: string }
  /** A write failed outside the batch (the record): `changed` says whether the board changed. */
  | { status: 'failed'; message: string; changed: boolean };

/**
 * A map run's progress and clock: it starts by reporting 'checking' (reading the board,
 * validating); `now()` is the time for the record's timestamps.
 */
export function startRun(options: MapRunOptions) {
  const emit = (phase: MapProgress['phase'], p: Partial<BatchProgress> = {}) =>
    options.onProgress?.({
      phase,
      done: p.done ?? 0,
      total: p.total ?? 0,
      retries: p.retries ?? 0,
    });
  emit('checking');
  return {
    phase: (phase: MapProgress['phase']) => emit(phase),
    batch: (p: BatchProgress) => emit('writing', p),
    now: () => (options.now?.() ?? new Date()).toISOString(),
  };
}

export type MapRun = ReturnType<typeof startRun>;
