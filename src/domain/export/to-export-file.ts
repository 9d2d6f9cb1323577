import {
  CURRENT_VERSION,
  EXPORT_FORMAT,
  type ExportSource,
  type JourneyMap,
  type JourneyMapFile,
} from './journey-map';

/** Wraps a map in the versioned file envelope. `exportedAt` comes in, so this stays pure. */
export function toExportFile(
  map: JourneyMap,
  source: ExportSource,
  exportedAt: Date | string,
): JourneyMapFile {
  return {
    format: EXPORT_FORMAT,
    version: CURRENT_VERSION,
    exportedAt: typeof exportedAt === 'string' ? exportedAt : exportedAt.toISOString(),
    source: { ...source },
    map,
  };
}
