import type { LocalTag, StickyColor } from '../sdk/local-board-types';
import { ColorPalette } from './ColorPalette';
import { PopoverButton } from './PopoverButton';
import { TagPanel } from './TagPanel';

export interface SelectionBarProps {
  count: number;
  noteCount: number;
  tags: readonly LocalTag[];
  tagCounts: ReadonlyMap<string, number>;
  onColor(color: StickyColor): void;
  onToggleTag(tagId: string): void;
  onCreateTag(title: string): string | null;
  onDelete(): void;
  onClear(): void;
}

/** Actions on the current participant's selection: colour, tags, delete. */
export function SelectionBar(props: SelectionBarProps) {
  const { count, noteCount } = props;
  return (
    <div class="bv-selection-bar bv-floating" role="toolbar" aria-label="Selection">
      <span class="bv-count" data-testid="selection-count">
        {count} selected
      </span>
      {noteCount > 0 && (
        <>
          <PopoverButton label="Note colour" testId="selection-color" face="Colour">
            {(close) => (
              <ColorPalette
                label="Recolour selected notes"
                onPick={(color) => {
                  props.onColor(color);
                  close();
                }}
              />
            )}
          </PopoverButton>
          <PopoverButton label="Tags" testId="selection-tags" face="Tags">
            {() => (
              <TagPanel
                tags={props.tags}
                counts={props.tagCounts}
                noteCount={noteCount}
                onToggle={props.onToggleTag}
                onCreate={props.onCreateTag}
              />
            )}
          </PopoverButton>
        </>
      )}
      <button
        type="button"
        class="bv-btn bv-danger"
        aria-label="Delete selected"
        data-testid="delete-selected"
        onClick={props.onDelete}
      >
        Delete
      </button>
      <button
        type="button"
        class="bv-btn bv-icon-btn"
        aria-label="Clear selection"
        data-testid="clear-selection"
        onClick={props.onClear}
      >
        {'\u00d7'}
      </button>
    </div>
  );
}
