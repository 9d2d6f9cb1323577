/**
 * What Touchpoint reads: a file of whichever version, every field optional, unknown fields allowed.
 * `restore()` turns this into the strict current shape (journey-map-v1.ts) or a clear error.
 * Fields older versions used are listed and marked deprecated, so a migration can name them.
 */
import type { ExportNote, JourneyMapFileV1, JourneyMapV1 } from './journey-map-v1';

type Readable<T> = T extends readonly (infer U)[]
  ? readonly Readable<U>[] | undefined
  : T extends object
    ? { [K in keyof T]?: Readable<T[K]> | null } & { [unknownField: string]: unknown }
    : T | undefined;

export type NoteInput = Readable<ExportNote> & {
  /** @deprecated v0: the stage's name; v1 has `stageId`. */
  stage?: string | null;
};

export type JourneyMapInput = Omit<Readable<JourneyMapV1>, 'notes'> & {
  notes?: readonly NoteInput[];
};

export type JourneyMapFileInput = Omit<Readable<JourneyMapFileV1>, 'map' | 'version'> & {
  /** 0 (pre-release draft) or 1. */
  version?: number;
  map?: JourneyMapInput;
};
