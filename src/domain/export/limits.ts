/**
 * Size limits. Reading refuses anything beyond them (hostile or broken files); writing stays
 * inside them, so Touchpoint always reads back what it wrote.
 */
export const LIMITS = {
  /** Whole file, as UTF-8 bytes, when read from text. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Notes in one map (a huge Miro board holds a few thousand). */
  maxNotes: 50_000,
  /** Any other array (tags, clusters, totals…). */
  maxArrayLength: 100_000,
  /** Any string. */
  maxStringLength: 100_000,
  /** Nesting of objects and arrays; v1 needs 6. */
  maxDepth: 64,
  /**
   * Note text the export keeps whole. Miro caps stickies near 6,000 characters, but MURAL and
   * imports may carry more; beyond this the text is cut and the note marked `truncated`.
   */
  maxNoteText: 50_000,
  /**
   * Ids (map, stages, lanes, notes, clusters, rounds, actions). Board item ids are about 20
   * characters on Miro and MURAL; a map or stage id travels in item metadata, which Miro keeps
   * under 256 bytes, so a longer id is refused before anything is written.
   */
  maxIdLength: 64,
  /** Import keys longer than this are kept as a compact hash of themselves (`compactKey`). */
  maxImportKeyLength: 64,
} as const;
