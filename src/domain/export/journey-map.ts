/**
 * The current export format and every type of it, in one place: code outside export/ imports
 * from here, never from a versioned file. The versioned files (`journey-map-v1.ts`,
 * `journey-map-v2.ts`) are the frozen shapes each schema in `public/schema/` describes.
 */
export * from './journey-map-v1';
export * from './journey-map-v2';
import type { JourneyMapFileV2, JourneyMapV2 } from './journey-map-v2';

export const CURRENT_VERSION = 2;
export type JourneyMapFile = JourneyMapFileV2;
export type JourneyMap = JourneyMapV2;
