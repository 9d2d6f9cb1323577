import { estimateTextWidth, type MeasureText } from './fit-text';

export interface TagChip {
  title: string;
  color: string;
  x: number;
  y: number;
  width: number;
}

export interface TagChipLayout {
  chips: TagChip[];
  /** Height of the rows used (0 for no tags). */
  height: number;
  /** Tags that did not fit, shown as a "+N" chip. */
  hidden: number;
}

/**
 * Places tag chips left to right in at most `maxRows` rows of `width`, as Miro lists tags along
 * the bottom of a sticky note. Titles too long for a row are cut with an ellipsis; tags that
 * still do not fit are counted in `hidden` and shown as a final "+N" chip.
 */
export function layoutTagChips(
  tags: readonly { title: string; color: string }[],
  width: number,
  fontSize: number,
  maxRows = 2,
  measure: MeasureText = estimateTextWidth,
): TagChipLayout {
  if (tags.length === 0 || width <= 0) return { chips: [], height: 0, hidden: 0 };
  const padX = fontSize * 0.5;
  const gap = fontSize * 0.35;
  const rowHeight = fontSize * 1.5;
  const chips: TagChip[] = [];
  let x = 0;
  let row = 0;
  let index = 0;
  for (; index < tags.length; index++) {
    const tag = tags[index];
    if (!tag) break;
    let title = tag.title;
    let chipWidth = measure(title, fontSize) + 2 * padX;
    if (chipWidth > width) {
      while (title.length > 1 && measure(`${title}\u2026`, fontSize) + 2 * padX > width) {
        title = title.slice(0, -1);
      }
      title = `${title}\u2026`;
      chipWidth = Math.min(width, measure(title, fontSize) + 2 * padX);
    }
    if (x > 0 && x + chipWidth > width) {
      if (row + 1 >= maxRows) break;
      row += 1;
      x = 0;
    }
    chips.push({ title, color: tag.color, x, y: row * (rowHeight + gap), width: chipWidth });
    x += chipWidth + gap;
  }
  let hidden = tags.length - index;
  if (hidden > 0) {
    // Make room on the last row for the "+N" chip by dropping chips from its end.
    const plusWidth = (n: number): number => measure(`+${n}`, fontSize) + 2 * padX;
    let last = chips[chips.length - 1];
    while (
      last &&
      last.y === row * (rowHeight + gap) &&
      last.x + last.width + gap + plusWidth(hidden) > width &&
      chips.length > 1
    ) {
      chips.pop();
      hidden += 1;
      last = chips[chips.length - 1];
    }
    const lastChip = chips[chips.length - 1];
    const px = lastChip ? lastChip.x + lastChip.width + gap : 0;
    chips.push({
      title: `+${hidden}`,
      color: 'gray',
      x: px,
      y: row * (rowHeight + gap),
      width: plusWidth(hidden),
    });
  }
  return { chips, height: (row + 1) * rowHeight + row * gap, hidden };
}
