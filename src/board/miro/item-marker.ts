/**
 * Touchpoint's marker in Miro item metadata. Miro allows about 256 bytes of app metadata per
 * item, so the marker holds short ids only; the map itself lives in a shared collection.
 */
import type { ItemMarker } from '../../domain/board/board-item';

export const MARKER_KEY = 'tp';
export const MAX_METADATA_BYTES = 256;

/** The marker from metadata as read (outside input), or null when absent or malformed. */
export function toItemMarker(value: unknown): ItemMarker | null {
  if (typeof value !== 'object' || value === null) return null;
  const { m, r, k } = value as Record<string, unknown>;
  if (typeof m !== 'string' || typeof r !== 'string') return null;
  if (k !== undefined && typeof k !== 'string') return null;
  return k === undefined ? { m, r } : { m, r, k };
}

/** UTF-8 size of the item's metadata as Miro stores it (`{ tp: marker }`). */
export function markerBytes(marker: ItemMarker): number {
  return new TextEncoder().encode(JSON.stringify({ [MARKER_KEY]: marker })).length;
}

/** A clear error when a marker would not fit Miro's metadata limit, else null. */
export function markerSizeError(marker: ItemMarker): string | null {
  const bytes = markerBytes(marker);
  return bytes > MAX_METADATA_BYTES
    ? `Item marker is ${bytes} bytes; Miro keeps at most ${MAX_METADATA_BYTES} bytes of metadata per item. Use shorter ids.`
    : null;
}

/** The marker as the JSON value `setMetadata` takes (optional `k` left out, not undefined). */
export function fromItemMarker(marker: ItemMarker): { m: string; r: string; k?: string } {
  return marker.k === undefined
    ? { m: marker.m, r: marker.r }
    : { m: marker.m, r: marker.r, k: marker.k };
}
