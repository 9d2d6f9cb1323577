/**
 * Miro's documented limits and defaults, in one place (platform-notes.md, "Items" and "Tags").
 * Default sizes are not documented: they are what Miro's REST API reports for a new item
 * (a square sticky note is 199 × 228), and plausible values elsewhere.
 */
import { PALETTE } from '../../../domain/board/board-item';
import { MIRO_TAG_COLORS } from '../../miro/sdk';
import type { StickyColor } from './local-board-types';

export const STICKY_COLORS: readonly StickyColor[] = PALETTE;

export const TAG_COLORS = MIRO_TAG_COLORS;
export type TagColorName = (typeof TAG_COLORS)[number];

export const MAX_TAGS_PER_ITEM = 8;
export const MAX_TAGS_PER_BOARD = 100;
export const MAX_TAG_TITLE_LENGTH = 120;
/** Sticky note content must be under this many characters. */
export const MAX_CONTENT_LENGTH = 6000;
/** App metadata per item, as UTF-8 bytes of its JSON. */
export const MAX_METADATA_BYTES = 256;

/** Sticky notes keep their aspect ratio: set width or height and the other follows. */
export const STICKY_SIZES = {
  square: { width: 199, height: 228 },
  rectangle: { width: 350, height: 228 },
} as const;

export const SHAPE_BORDER_WIDTH = { min: 1, max: 24 } as const;
export const FONT_SIZE = { min: 10, max: 288 } as const;

export const DEFAULT_SHAPE_SIZE = { width: 100, height: 100 } as const;
export const DEFAULT_TEXT_WIDTH = 200;
export const DEFAULT_FRAME_SIZE = { width: 800, height: 450 } as const;

export const DEFAULT_VIEWPORT = { x: -800, y: -450, width: 1600, height: 900 } as const;

export const MINUTE_MS = 60_000;
