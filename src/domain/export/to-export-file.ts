import {
  CURRENT_VERSION,
  EXPORT_FORMAT,
  type ExportSource,
  type JourneyMapFileV1,
  type JourneyMapV1,
} from './journey-map-v1';

/** Wraps a map in the versioned file envelope. `exportedAt` comes in, so this stays pure. */
export function toExportFile(
  map: JourneyMapV1,
  source: ExportSource,
  exportedAt: Date | string,
): JourneyMapFileV1 {
  return {
    format: EXPORT_FORMAT,
    version: CURRENT_VERSION,
    exportedAt: typeof exportedAt === 'string' ? exportedAt : exportedAt.toISOString(),
    source: { ...source },
    map,
  };
}
