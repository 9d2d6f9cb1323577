/**
 * Where a sticky note's text and tag chips go, in board units relative to the note's top-left.
 * Shared by the SVG note and the inline editor, so editing text looks like the note it edits.
 */
import { fitText, type FittedText } from './fit-text';
import { layoutTagChips, type TagChipLayout } from './layout-tag-chips';
import { measureBoardText } from './measure-text';

export interface NoteLayout {
  padding: number;
  text: FittedText;
  /** Top of the text block (its first line box). */
  textTop: number;
  textHeight: number;
  lineHeight: number;
  chips: TagChipLayout;
  chipFontSize: number;
  chipsTop: number;
}

export const NOTE_LINE_HEIGHT = 1.25;

/** Largest and smallest note font sizes, relative to the note's width (Miro shrinks long text). */
export const noteFontRange = (width: number): { max: number; min: number } => ({
  max: width * 0.14,
  min: width * 0.035,
});

export function layoutNote(
  width: number,
  height: number,
  lines: readonly string[],
  tags: readonly { title: string; color: string }[],
): NoteLayout {
  const padding = width * 0.08;
  const chipFontSize = Math.max(7, width * 0.065);
  const chips = layoutTagChips(tags, width - 2 * padding, chipFontSize, 2, measureBoardText);
  const chipsArea = chips.height > 0 ? chips.height + padding * 0.5 : 0;
  const textHeight = Math.max(0, height - 2 * padding - chipsArea);
  const range = noteFontRange(width);
  const text = fitText(lines, width - 2 * padding, textHeight, {
    maxFontSize: range.max,
    minFontSize: range.min,
    lineHeight: NOTE_LINE_HEIGHT,
    measure: measureBoardText,
  });
  const used = text.lines.length * text.fontSize * NOTE_LINE_HEIGHT;
  return {
    padding,
    text,
    textTop: padding + Math.max(0, (textHeight - used) / 2),
    textHeight,
    lineHeight: text.fontSize * NOTE_LINE_HEIGHT,
    chips,
    chipFontSize,
    chipsTop: height - padding - chips.height,
  };
}
