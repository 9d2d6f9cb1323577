/** Miro's documented limits (platform-notes.md), apart from the write path so reads need not load it. */
export const MIRO_LIMITS = {
  connectors: true,
  tagsPerItem: 8,
  tagsPerBoard: 100,
  tagTitleLength: 120,
  contentLength: 6000,
} as const;
